"""Query parameters of the expected-laws API, named as on the public dashboard."""
from django.db.models import Exists, OuterRef, Q
from django_filters import filters
from django_filters.rest_framework import FilterSet

from core.api.filters import ApiOrderingFilter
from programme.filters import MeasureCodeFilter

from .models import ExpectedLaw, LawKind


class LawFilter(FilterSet):
    maatregel = MeasureCodeFilter(
        method="filter_measure", help_text="De code van een maatregel; submaatregelen tellen mee."
    )
    soort = filters.ChoiceFilter(field_name="kind", choices=LawKind.choices)
    sorteer = ApiOrderingFilter(
        fields=[("position", "volgorde"), ("title", "titel"), ("kind", "soort")], tiebreak=["position"]
    )

    class Meta:
        model = ExpectedLaw
        fields: list[str] = []

    def filter_measure(self, queryset, name, code):
        # As the dashboard (motions.selectors): linked to the measure or one of its sub-measures.
        links = ExpectedLaw.measures.through.objects.filter(expectedlaw=OuterRef("pk"))
        return queryset.filter(Exists(links.filter(Q(measure__code=code) | Q(measure__parent__code=code))))
