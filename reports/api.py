"""Open-data API: the published editions of the voortgangsrapportage (never concepts)."""
from django.db.models import QuerySet
from django_filters.rest_framework import FilterSet
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.filters import ApiOrderingFilter
from core.api.views import PublicReadOnlyViewSet, public_list_schema
from programme.models import ReportEdition

from .selectors import report_edition_list
from .serializers import EditionDetailSerializer, EditionSerializer


def edition_queryset() -> QuerySet[ReportEdition]:
    return report_edition_list(published_only=True)


class EditionFilter(FilterSet):
    ordering = ApiOrderingFilter(fields=[("year", "jaar"), ("number", "volgnummer")], tiebreak=["number"])

    class Meta:
        model = ReportEdition
        fields: list[str] = []


@extend_schema_view(
    list=public_list_schema(
        summary="Rapportages", description="De gepubliceerde voortgangsrapportages, nieuwste eerst."
    ),
    retrieve=extend_schema(summary="Eén gepubliceerde rapportage met de teksten van de algemene hoofdstukken"),
)
class EditionViewSet(PublicReadOnlyViewSet):
    serializer_class = EditionSerializer
    detail_serializer_class = EditionDetailSerializer
    filterset_class = EditionFilter
    lookup_field = "key"
    lookup_value_regex = r"[-a-z0-9_]+"
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
