"""Query parameters of the measures API, named as on the public dashboard.

``/api/v1/maatregelen?status=afgerond&doel=3&betrokkene=ouders&geprioriteerd=ja&q=verzuim``
selects exactly what the dashboard's filters select: the FilterSets only validate the
parameters and hand them to measures.selectors.measure_list.
"""
from django import forms
from django_filters import filters
from django_filters.rest_framework import FilterSet
from drf_spectacular.utils import extend_schema_field

from core.api.filters import ApiOrderingFilter, YesNoFilter
from programme.filters import MeasureCodeFilter
from programme.models import Goal, StakeholderGroup

from .figure_selectors import figure_list_with_edition
from .models import KeyFigure, Measure, MeasureStatus
from .selectors import measure_list


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 32767})
class SmallNumberFilter(filters.NumberFilter):
    """A positive number that fits the database's small integers (goal numbers)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 32767)
        super().__init__(*args, **kwargs)


class GoalFilter(FilterSet):
    sorteer = ApiOrderingFilter(fields=[("number", "nummer"), ("title", "titel")])

    class Meta:
        model = Goal
        fields: list[str] = []


class StakeholderGroupFilter(FilterSet):
    sorteer = ApiOrderingFilter(fields=[("name", "naam"), ("table_position", "positieInTabel")])

    class Meta:
        model = StakeholderGroup
        fields: list[str] = []


class MeasureFilter(FilterSet):
    status = filters.ChoiceFilter(choices=MeasureStatus.choices, help_text="De status van de maatregel.")
    doel = SmallNumberFilter(
        help_text="Het nummer van een doel; submaatregelen tellen mee bij de doelen van hun maatregel."
    )
    betrokkene = filters.CharFilter(
        max_length=200, help_text="De korte naam (slug) van een groep betrokkenen, zoals in /betrokkenen."
    )
    geprioriteerd = YesNoFilter(help_text="Alleen (niet) geprioriteerde maatregelen: ja of nee.")
    q = filters.CharFilter(max_length=200, help_text="Zoekt in titels en teksten van de maatregelen.")
    sorteer = ApiOrderingFilter(
        fields=[("code", "code"), ("title", "titel"), ("status", "status"), ("updated_at", "laatstGewijzigd")],
        expansions={"code": ["number", "suffix"]},
        tiebreak=["number", "suffix"],
    )

    class Meta:
        model = Measure
        fields: list[str] = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        selected = measure_list(
            status=data.get("status") or None,
            goal=data.get("doel"),
            stakeholder=data.get("betrokkene") or None,
            prioritised=data.get("geprioriteerd"),
            query=data.get("q") or None,
        )
        measures = queryset.filter(pk__in=selected.values("pk"))
        return self.filters["sorteer"].filter(measures, data.get("sorteer"))


class KeyFigureFilter(FilterSet):
    maatregel = MeasureCodeFilter(help_text="De code van een maatregel; submaatregelen tellen mee.")
    reeks = filters.CharFilter(max_length=100, help_text="De sleutel van een reeks, zoals oza-leerlingen.")

    class Meta:
        model = KeyFigure
        fields: list[str] = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return figure_list_with_edition(measure=data.get("maatregel") or None, series=data.get("reeks") or None)
