"""Query parameters of the motions and commitments API, named as on the public dashboard.

The FilterSets validate the parameters and hand them to motions.selectors, so the API
selects exactly what the dashboard selects (a measure code includes its sub-measures).
"""
from django_filters import filters
from django_filters.rest_framework import FilterSet

from core.api.filters import ApiOrderingFilter
from programme.filters import MeasureCodeFilter

from .models import Commitment, CommitmentStatus, Motion, MotionStatus
from .selectors import commitment_list, motion_list


class MotionFilter(FilterSet):
    status = filters.ChoiceFilter(choices=MotionStatus.choices, help_text="Hoe ver OCW de motie heeft uitgevoerd.")
    maatregel = MeasureCodeFilter(help_text="De code van een maatregel; submaatregelen tellen mee.")
    sorteer = ApiOrderingFilter(
        fields=[
            ("position", "volgorde"), ("kamerstuk", "kamerstuk"), ("title", "titel"), ("status", "status"),
            ("submitted_on", "ingediendOp"),
        ],
        expansions={"kamerstuk": ["dossier", "dossier_suffix", "number"]},
        tiebreak=["position", "dossier", "number"],
    )

    class Meta:
        model = Motion
        fields: list[str] = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        selected = motion_list(status=data.get("status") or None, measure=data.get("maatregel") or None)
        motions = queryset.filter(pk__in=selected.values("pk"))
        return self.filters["sorteer"].filter(motions, data.get("sorteer"))


class CommitmentFilter(FilterSet):
    status = filters.ChoiceFilter(choices=CommitmentStatus.choices)
    maatregel = MeasureCodeFilter(help_text="De code van een maatregel; submaatregelen tellen mee.")
    sorteer = ApiOrderingFilter(
        fields=[("position", "volgorde"), ("code", "code"), ("title", "titel"), ("status", "status"),
                ("due_date", "uitersteDatum")],
        tiebreak=["position", "code"],
    )

    class Meta:
        model = Commitment
        fields: list[str] = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        selected = commitment_list(status=data.get("status") or None, measure=data.get("maatregel") or None)
        commitments = queryset.filter(pk__in=selected.values("pk"))
        return self.filters["sorteer"].filter(commitments, data.get("sorteer"))
