"""The whole programme in one response (/api/v1/programma): measures, motions,
commitments, laws and editions together, for consumers who want everything at once."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.views import PublicApiMixin
from legislation.api import law_queryset
from legislation.serializers import LawDetailSerializer
from measures.api import goal_queryset, measure_queryset, ordered_measures, stakeholder_group_queryset
from measures.models import Priority
from measures.selectors import programme_current
from measures.serializers import (
    GoalSerializer,
    MeasureDetailSerializer,
    PrioritySerializer,
    StakeholderGroupSerializer,
)
from motions.api import commitment_queryset, motion_queryset
from motions.serializers import CommitmentSerializer, MotionDetailSerializer
from programme.models import Programme
from reports.api import edition_queryset
from reports.serializers import EditionSerializer


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
            .prefetch_related(Prefetch("measures", queryset=ordered_measures()))
            .order_by("kind", "number"),
            "motions": motion_queryset(detail=True),
            "commitments": commitment_queryset(),
            "laws": law_queryset(detail=True),
            "editions": edition_queryset(),
        }
        data = ProgrammeDocumentSerializer(document, context={"request": request}).data
        return Response(data, headers={"Content-Disposition": 'attachment; filename="passend-onderwijs.json"'})
