"""Open-data API: expected laws and regulations with their milestones and planning history.

A thin shell over core.api; every list runs a fixed number of queries, however many
laws and milestones there are.
"""
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.views import PublicReadOnlyViewSet
from programme.models import edition_light

from .filters import LawFilter
from .models import ExpectedLaw, LawContentItem, LawMilestone, MilestonePlanning
from .selectors import CURRENT, ordered_measures
from .serializers import LawDetailSerializer, LawSerializer


def law_queryset(*, detail: bool) -> QuerySet[ExpectedLaw]:
    milestones = LawMilestone.objects.select_related("planned_source", "actual_source").order_by("position", "id")
    if detail:
        milestones = milestones.prefetch_related(
            Prefetch(
                "planning_history",
                queryset=(
                    MilestonePlanning.objects.select_related("source", "edition")
                    .defer(*edition_light("edition"))
                    .order_by("position", "id")
                ),
            )
        )
    laws = (
        ExpectedLaw.objects.filter(CURRENT)
        .prefetch_related(
            Prefetch("measures", queryset=ordered_measures()),
            Prefetch("milestones", queryset=milestones),
        )
        .order_by("position", "id")
    )
    if detail:
        laws = laws.prefetch_related(Prefetch("content_items", queryset=LawContentItem.objects.order_by("position")))
    return laws


def _milestones(item: dict) -> list[str]:
    lines = []
    for milestone in item["mijlpalen"]:
        moment = milestone["werkelijkMoment"] or milestone["werkelijkeDatum"] or milestone["planning"]
        lines.append(f"{milestone['faseOmschrijving']}: {moment}")
    return lines


@extend_schema_view(
    list=extend_schema(
        summary="Verwachte wet- en regelgeving",
        description="De wetsvoorstellen en besluiten die het programma nodig heeft, met hun mijlpalen.",
    ),
    retrieve=extend_schema(summary="Eén wet of regeling, met de eerdere planning van elke mijlpaal"),
)
class LawViewSet(PublicReadOnlyViewSet):
    serializer_class = LawSerializer
    detail_serializer_class = LawDetailSerializer
    filterset_class = LawFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9_]+"
    lookup_example = "1-wetsvoorstel-terugdringen-verzuim"
    not_found_message = "Er is geen wet of regeling met de korte naam %(value)s."
    csv_filename = "wetgeving"
    csv_columns = [
        ("Nummer", "nummer"),
        ("Korte naam", "slug"),
        ("Soort", "soortOmschrijving"),
        ("Titel", "titel"),
        ("Stand van zaken", "standVanZaken"),
        ("Opmerking over de planning", "planningOpmerking"),
        ("Maatregelen", "maatregelen"),
        ("Mijlpalen", _milestones),
    ]

    def get_queryset(self):
        return law_queryset(detail=self.action == "retrieve")
