"""Open-data API: motions (moties) and commitments (toezeggingen).

Thin shells over motions.selectors and core.api; every list runs a fixed number of
queries, however many records there are.
"""
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.views import PublicReadOnlyViewSet
from programme.models import edition_light

from .filters import CommitmentFilter, MotionFilter
from .models import Commitment, Motion, MotionStatusChange, MotionSubmitter
from .selectors import commitment_list, motion_list
from .serializers import CommitmentSerializer, MotionDetailSerializer, MotionSerializer


def motion_queryset(*, detail: bool) -> QuerySet[Motion]:
    motions = motion_list().prefetch_related(
        Prefetch("submitters", queryset=MotionSubmitter.objects.order_by("position"))
    )
    if not detail:
        return motions
    return motions.select_related("submitters_source").prefetch_related(
        Prefetch(
            "status_changes",
            queryset=(
                MotionStatusChange.objects.select_related("source", "edition")
                .defer(*edition_light("edition"))
                .order_by("sort_date", "id")
            ),
        )
    )


def commitment_queryset() -> QuerySet[Commitment]:
    return commitment_list()


def _submitters(item: dict) -> list[str]:
    return [
        f"{person['naam']} ({person['fractie']})" if person["fractie"] else person["naam"]
        for person in item["indieners"]
    ]


@extend_schema_view(
    list=extend_schema(
        summary="Moties",
        description="De moties in de volgorde van het ‘Overzicht moties’, met de uitvoering door OCW en de "
        "gegevens van de Tweede Kamer (indieners, besluit, kabinetsappreciatie).",
    ),
    retrieve=extend_schema(summary="Eén motie met de statusgeschiedenis"),
)
class MotionViewSet(PublicReadOnlyViewSet):
    serializer_class = MotionSerializer
    detail_serializer_class = MotionDetailSerializer
    filterset_class = MotionFilter
    lookup_field = "kamerstuk"
    lookup_example = "31497-373"
    lookup_value_regex = r"[0-9]{5}(?:-[A-Z]{1,6})?-[0-9]{1,4}"
    not_found_message = "Er is geen motie met Kamerstuknummer %(value)s."
    csv_filename = "moties"
    csv_columns = [
        ("Kamerstuknummer", "kamerstuk"),
        ("Titel", "titel"),
        ("Status", "statusOmschrijving"),
        ("Toelichting op de status", "statusToelichting"),
        ("Uitgevoerd binnen", "uitgevoerdBinnen"),
        ("Maatregelen", "maatregelen"),
        ("Indieners", _submitters),
        ("Ingediend op", "ingediendOp"),
        ("Besluit van de Kamer", "besluitKamer"),
        ("Kabinetsappreciatie", "kabinetsappreciatie"),
        ("Officiële tekst", "officieleTekst"),
        ("Laatst gewijzigd", "laatstGewijzigd"),
    ]

    def get_queryset(self):
        return motion_queryset(detail=self.action == "retrieve")


@extend_schema_view(
    list=extend_schema(summary="Toezeggingen", description="De toezeggingen aan de Kamer die de bronnen noemen."),
    retrieve=extend_schema(summary="Eén toezegging"),
)
class CommitmentViewSet(PublicReadOnlyViewSet):
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter
    lookup_field = "slug"
    lookup_value_regex = r"[-a-z0-9_]+"
    lookup_example = "t01575"
    not_found_message = "Er is geen toezegging met de korte naam %(value)s."
    csv_filename = "toezeggingen"
    csv_columns = [
        ("Nummer", "code"),
        ("Korte naam", "slug"),
        ("Titel", "titel"),
        ("Status", "statusOmschrijving"),
        ("Planning", "planning"),
        ("Uiterste datum", "uitersteDatum"),
        ("Maatregelen", "maatregelen"),
        ("Bron", lambda item: item["bron"]["titel"] if item["bron"] else None),
        ("Omschrijving", "omschrijving"),
    ]

    def get_queryset(self):
        return commitment_queryset()
