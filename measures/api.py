"""Open-data API: goals, measures, stakeholder groups and the whole programme.

Thin shells over measures.selectors (what is public and how filters select) and
core.api (headers, errors, caching, CSV). Every list runs a fixed number of
queries, however many records there are.
"""
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from legislation.api import law_queryset
from legislation.models import ExpectedLaw
from legislation.serializers import LawDetailSerializer
from motions.api import commitment_queryset, motion_queryset
from motions.models import Commitment, Motion
from motions.serializers import CommitmentSerializer, MotionDetailSerializer
from core.api.views import PublicApiMixin, PublicReadOnlyViewSet, public_list_schema
from reports.api import edition_queryset
from reports.serializers import EditionSerializer

from .filters import GoalFilter, MeasureFilter, StakeholderGroupFilter
from programme.models import Goal, Programme, StakeholderGroup
from .models import Measure, MeasureItem, MeasureStakeholder, MeasureStatusChange, Priority
from .selectors import CURRENT, measure_list, programme_current
from .serializers import (
    GoalSerializer,
    MeasureDetailSerializer,
    MeasureSerializer,
    PrioritySerializer,
    StakeholderGroupSerializer,
)


def _ordered_measures() -> QuerySet[Measure]:
    return Measure.objects.filter(CURRENT).order_by("number", "suffix")


def goal_queryset() -> QuerySet[Goal]:
    return (
        Goal.objects.filter(CURRENT)
        .prefetch_related(Prefetch("measures", queryset=_ordered_measures()))
        .order_by("number")
    )


def stakeholder_group_queryset() -> QuerySet[StakeholderGroup]:
    return StakeholderGroup.objects.prefetch_related(
        "organisations", Prefetch("measures", queryset=_ordered_measures())
    )


def measure_queryset(*, detail: bool) -> QuerySet[Measure]:
    measures = measure_list().prefetch_related(
        "parent__goals",
        Prefetch("sub_measures", queryset=_ordered_measures()),
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
            queryset=MeasureStatusChange.objects.select_related("source", "edition").order_by("sort_date", "id"),
        ),
        Prefetch("priorities", queryset=Priority.objects.order_by("kind", "number")),
        Prefetch("motions", queryset=Motion.objects.order_by("position", "dossier", "number").only("kamerstuk")),
        Prefetch("commitments", queryset=Commitment.objects.order_by("position", "code").only("slug")),
        Prefetch("expected_laws", queryset=ExpectedLaw.objects.order_by("position", "id").only("slug")),
    )


@extend_schema_view(
    list=public_list_schema(summary="Doelen", description="De doelen van passend onderwijs met hun maatregelen."),
    retrieve=extend_schema(summary="Eén doel"),
)
class GoalViewSet(PublicReadOnlyViewSet):
    serializer_class = GoalSerializer
    filterset_class = GoalFilter
    lookup_field = "number"
    lookup_value_regex = r"[0-9]{1,5}"
    lookup_url_kwarg = "number"
    not_found_message = "Er is geen doel met nummer %(value)s."
    csv_filename = "doelen"
    csv_columns = [("Nummer", "nummer"), ("Doel", "titel"), ("Maatregelen", "maatregelen")]

    def get_queryset(self):
        return goal_queryset()


@extend_schema_view(
    list=public_list_schema(
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
    list=public_list_schema(
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


class PredecessorSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    beginjaar = serializers.IntegerField(source="start_year")
    eindjaar = serializers.IntegerField(source="end_year")

    class Meta:
        model = Programme
        fields = ["naam", "beginjaar", "eindjaar"]


class ProgrammeSerializer(PredecessorSerializer):
    korteNaam = serializers.CharField(source="slug")
    omschrijving = serializers.CharField(source="description")
    voorganger = PredecessorSerializer(source="predecessor", allow_null=True)

    class Meta(PredecessorSerializer.Meta):
        fields = ["korteNaam", *PredecessorSerializer.Meta.fields, "omschrijving", "voorganger"]


class ProgrammeDocumentSerializer(serializers.Serializer):
    """Everything the API publishes about the programme, as one document."""

    programma = ProgrammeSerializer(source="programme")
    doelen = GoalSerializer(source="goals", many=True)
    maatregelen = MeasureDetailSerializer(source="measures", many=True)
    betrokkenen = StakeholderGroupSerializer(source="stakeholder_groups", many=True)
    prioriteiten = PrioritySerializer(source="priorities", many=True)
    moties = MotionDetailSerializer(source="motions", many=True)
    toezeggingen = CommitmentSerializer(source="commitments", many=True)
    wetgeving = LawDetailSerializer(source="laws", many=True)
    rapportages = EditionSerializer(source="editions", many=True)


@extend_schema(
    summary="Het hele programma",
    description="Alle gepubliceerde gegevens van het programma in één JSON-document, om te downloaden.",
    responses=ProgrammeDocumentSerializer,
)
class ProgrammeDocumentView(PublicApiMixin, APIView):
    def get(self, request):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        programme = programme_current()
        if programme is None:
            raise exceptions.NotFound("Er is nog geen programma gepubliceerd.")
        document = {
            "programme": programme,
            "goals": goal_queryset(),
            "measures": measure_queryset(detail=True),
            "stakeholder_groups": stakeholder_group_queryset(),
            "priorities": Priority.objects.filter(programme=programme)
            .select_related("source")
            .prefetch_related(Prefetch("measures", queryset=_ordered_measures()))
            .order_by("kind", "number"),
            "motions": motion_queryset(detail=True),
            "commitments": commitment_queryset(),
            "laws": law_queryset(detail=True),
            "editions": edition_queryset(),
        }
        data = ProgrammeDocumentSerializer(document, context={"request": request}).data
        return Response(data, headers={"Content-Disposition": 'attachment; filename="passend-onderwijs.json"'})
