"""Open-data API: goals, measures, stakeholder groups and the whole programme.

Thin shells over measures.selectors (what is public and how filters select) and
core.api (headers, errors, caching, CSV). Every list runs a fixed number of
queries, however many records there are.
"""
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.views import PublicReadOnlyViewSet
from programme.models import Goal, StakeholderGroup, edition_light

from .figure_selectors import figure_list_with_edition
from .filters import GoalFilter, KeyFigureFilter, MeasureFilter, StakeholderGroupFilter
from .models import Measure, MeasureItem, MeasureStakeholder, MeasureStatusChange, Priority
from .selectors import CURRENT, measure_list, related
from .serializers import (
    GoalSerializer,
    KeyFigureSerializer,
    MeasureDetailSerializer,
    MeasureSerializer,
    StakeholderGroupSerializer,
)


def ordered_measures() -> QuerySet[Measure]:
    return Measure.objects.filter(CURRENT).order_by("number", "suffix")


def goal_queryset() -> QuerySet[Goal]:
    return (
        Goal.objects.filter(CURRENT)
        .prefetch_related(Prefetch("measures", queryset=ordered_measures()))
        .order_by("number")
    )


def stakeholder_group_queryset() -> QuerySet[StakeholderGroup]:
    return StakeholderGroup.objects.prefetch_related(
        "organisations", Prefetch("measures", queryset=ordered_measures())
    )


def measure_queryset(*, detail: bool) -> QuerySet[Measure]:
    measures = measure_list().prefetch_related(
        "parent__goals",
        Prefetch("sub_measures", queryset=ordered_measures()),
        Prefetch(
            "measurestakeholder_set",
            queryset=MeasureStakeholder.objects.select_related("group").order_by("position"),
            to_attr="ordered_stakeholders",
        ),
    )
    if not detail:
        return measures
    return measures.prefetch_related(
        Prefetch("items", queryset=MeasureItem.objects.order_by("kind", "position")),
        Prefetch(
            "status_changes",
            queryset=(
                MeasureStatusChange.objects.select_related("source", "edition")
                .defer(*edition_light("edition"))
                .order_by("sort_date", "id")
            ),
        ),
        Prefetch("priorities", queryset=Priority.objects.order_by("kind", "number")),
        Prefetch("motions", queryset=related("motions").order_by("position", "dossier", "number").only("kamerstuk")),
        Prefetch("commitments", queryset=related("commitments").order_by("position", "code").only("slug")),
        Prefetch("expected_laws", queryset=related("expected_laws").order_by("position", "id").only("slug")),
    )


@extend_schema_view(
    list=extend_schema(summary="Doelen", description="De doelen van passend onderwijs met hun maatregelen."),
    retrieve=extend_schema(summary="Eén doel"),
)
class GoalViewSet(PublicReadOnlyViewSet):
    serializer_class = GoalSerializer
    filterset_class = GoalFilter
    lookup_field = "number"
    lookup_example = "1"
    lookup_value_regex = r"[0-9]{1,5}"
    lookup_url_kwarg = "number"
    not_found_message = "Er is geen doel met nummer %(value)s."
    csv_filename = "doelen"
    csv_columns = [("Nummer", "nummer"), ("Doel", "titel"), ("Maatregelen", "maatregelen")]

    def get_queryset(self):
        return goal_queryset()


@extend_schema_view(
    list=extend_schema(
        summary="Maatregelen",
        description="De maatregelen en submaatregelen in de volgorde van de rapportage, met dezelfde filters "
        "als het dashboard.",
    ),
    retrieve=extend_schema(summary="Eén maatregel met het hele hoofdstuk en de statusgeschiedenis"),
)
class MeasureViewSet(PublicReadOnlyViewSet):
    serializer_class = MeasureSerializer
    detail_serializer_class = MeasureDetailSerializer
    filterset_class = MeasureFilter
    lookup_field = "code"
    lookup_example = "8a"
    lookup_value_regex = r"[0-9]{1,3}[a-z]?"
    not_found_message = "Er is geen maatregel met code %(value)s."
    csv_filename = "maatregelen"
    csv_columns = [
        ("Code", "code"),
        ("Titel", "titel"),
        ("Status", "statusOmschrijving"),
        ("Toelichting op de status", "statusToelichting"),
        ("Geprioriteerd", "geprioriteerd"),
        ("Hoofdmaatregel", "hoofdmaatregel"),
        ("Submaatregelen", "submaatregelen"),
        ("Doelen", "doelen"),
        ("Betrokkenen", lambda item: [group["naam"] for group in item["betrokkenen"]]),
        ("Laatst gewijzigd", "laatstGewijzigd"),
    ]

    def get_queryset(self):
        return measure_queryset(detail=self.action == "retrieve")


@extend_schema_view(
    list=extend_schema(
        summary="Betrokkenen",
        description="De groepen betrokkenen: eerst die uit de tabel ‘Samenwerking met veldpartijen’, met hun "
        "veldpartijen, dan de overige groepen die bij maatregelen worden genoemd.",
    ),
    retrieve=extend_schema(summary="Eén groep betrokkenen"),
)
class StakeholderGroupViewSet(PublicReadOnlyViewSet):
    serializer_class = StakeholderGroupSerializer
    filterset_class = StakeholderGroupFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9_]+"
    lookup_example = "ouders"
    not_found_message = "Er is geen groep betrokkenen met de korte naam %(value)s."
    csv_filename = "betrokkenen"
    csv_columns = [
        ("Korte naam", "slug"),
        ("Naam", "naam"),
        ("Positie in de tabel", "positieInTabel"),
        ("Veldpartijen", lambda item: [organisation["naam"] for organisation in item["organisaties"]]),
        ("Maatregelen", "maatregelen"),
        ("Voetnoot", "voetnoot"),
    ]

    def get_queryset(self):
        return stakeholder_group_queryset()


def _dutch_number(value: float | None) -> str | None:
    """9.5 → "9,5": Excel with Dutch settings reads a decimal comma."""
    return None if value is None else f"{Decimal(str(value)).normalize():f}".replace(".", ",")


@extend_schema_view(
    list=extend_schema(
        summary="Kerncijfers",
        description="De cijfers die de bronnen per rapportage noemen (leerlingen, scholen, geld), elk met de "
        "eenheid, de periode, de bron, de formulering van de bron en een letterlijk citaat. Cijfers over "
        "hetzelfde delen een reeks; filter met ?reeks= of ?maatregel=.",
    ),
    retrieve=extend_schema(summary="Eén kerncijfer"),
)
class KeyFigureViewSet(PublicReadOnlyViewSet):
    serializer_class = KeyFigureSerializer
    filterset_class = KeyFigureFilter
    lookup_field = "key"
    lookup_value_regex = r"[-a-z0-9_]+"
    lookup_example = "maatregelen-aantal-webinar-2023"
    not_found_message = "Er is geen kerncijfer met de sleutel %(value)s."
    csv_filename = "kerncijfers"
    csv_columns = [
        ("Sleutel", "sleutel"),
        ("Reeks", "reeks"),
        ("Titel", "titel"),
        ("Waarde", lambda item: _dutch_number(item["waarde"])),
        ("Eenheid", "eenheid"),
        ("Formulering in de bron", "formulering"),
        ("Periode", "periode"),
        ("Datum", "datum"),
        ("Bron", lambda item: item["bron"]["titel"]),
        ("Rapportage", "rapportage"),
        ("Maatregelen", "maatregelen"),
        ("Citaat", "citaat"),
    ]

    def get_queryset(self):
        return figure_list_with_edition()
