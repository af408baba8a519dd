"""Open-data API: the published editions of the voortgangsrapportage (never concepts)."""
from django.db.models import QuerySet
from django_filters.rest_framework import FilterSet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.filters import ApiOrderingFilter
from core.api.views import PublicReadOnlyViewSet
from programme.models import ReportEdition

from .editions import edition_snapshot
from .progress import edition_progress
from .selectors import report_edition_list
from .serializers import EditionChangesSerializer, EditionDetailSerializer, EditionSerializer, EditionStateSerializer


def edition_queryset() -> QuerySet[ReportEdition]:
    return report_edition_list(published_only=True)


class EditionFilter(FilterSet):
    sorteer = ApiOrderingFilter(fields=[("year", "jaar"), ("number", "volgnummer")], tiebreak=["number"])

    class Meta:
        model = ReportEdition
        fields: list[str] = []


@extend_schema_view(
    list=extend_schema(
        summary="Rapportages",
        description="De vastgestelde voortgangsrapportages, nieuwste eerst, ook de gereconstrueerde van 2024.",
    ),
    retrieve=extend_schema(summary="Eén gepubliceerde rapportage met de teksten van de algemene hoofdstukken"),
)
class EditionViewSet(PublicReadOnlyViewSet):
    serializer_class = EditionSerializer
    detail_serializer_class = EditionDetailSerializer
    filterset_class = EditionFilter
    lookup_field = "key"
    lookup_value_regex = r"[-a-z0-9_]+"
    lookup_example = "vgr-2025"
    not_found_message = "Er is geen gepubliceerde rapportage met de sleutel %(value)s."
    csv_filename = "rapportages"
    csv_columns = [
        ("Sleutel", "sleutel"),
        ("Volgnummer", "volgnummer"),
        ("Titel", "titel"),
        ("Jaar", "jaar"),
        ("Peildatum", "peildatum"),
        ("Gepubliceerd op", "gepubliceerdOp"),
    ]

    def get_queryset(self):
        return edition_queryset()

    @extend_schema(
        summary="De stand van het programma volgens één rapportage",
        description="Vastgelegd bij het vaststellen en daarna nooit meer veranderd: latere wijzigingen komen "
        "in een volgende rapportage.",
        responses=EditionStateSerializer,
    )
    @action(detail=True, url_path="stand")
    def stand(self, request, key=None):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        return Response(EditionStateSerializer(edition_snapshot(edition=self.get_object())).data)

    @extend_schema(
        summary="Wat er in één rapportage veranderd is ten opzichte van de vorige",
        responses=EditionChangesSerializer,
    )
    @action(detail=True, url_path="wijzigingen")
    def wijzigingen(self, request, key=None):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        edition = self.get_object()
        progress = edition_progress(edition=edition)
        if progress is None:
            raise exceptions.NotFound(
                f"Er is geen eerdere vastgestelde rapportage om {edition.key} mee te vergelijken."
            )
        return Response(EditionChangesSerializer(progress).data)
