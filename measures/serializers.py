"""API representations of goals, measures, stakeholder groups and priorities.

Field names are Dutch, in lowerCamelCase, as the public site names things (NLGov:
the domain's language). They read prefetched relations only; the querysets that
prefetch them are in measures/api.py.
"""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from programme.models import Goal, Organisation, StakeholderGroup
from programme.serializers import (
    ChoiceLabelField,
    SourceSerializer,
    StatusRecordSerializer,
    StringCodeListField,
)

from .models import KeyFigure, Measure, MeasureItemKind, Priority


class GoalSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:doel-detail", lookup_field="number")
    nummer = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    maatregelen = StringCodeListField(
        attribute="code", source="measures", help_text="Codes van de maatregelen bij dit doel."
    )

    class Meta:
        model = Goal
        fields = ["url", "nummer", "titel", "maatregelen"]


class OrganisationSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")

    class Meta:
        model = Organisation
        fields = ["naam"]


class StakeholderGroupSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:betrokkene-detail", lookup_field="slug")
    slug = serializers.CharField()
    naam = serializers.CharField(source="name")
    positieInTabel = serializers.IntegerField(
        source="table_position", allow_null=True,
        help_text="De plaats in de tabel ‘Samenwerking met veldpartijen’, of null.",
    )
    voetnoot = serializers.CharField(source="note")
    organisaties = OrganisationSerializer(source="organisations", many=True)
    maatregelen = StringCodeListField(attribute="code", source="measures")

    class Meta:
        model = StakeholderGroup
        fields = ["url", "slug", "naam", "positieInTabel", "voetnoot", "organisaties", "maatregelen"]


class StakeholderRefSerializer(serializers.Serializer):
    slug = serializers.CharField(source="group.slug")
    naam = serializers.CharField(source="group.name")


class PrioritySerializer(serializers.ModelSerializer):
    soort = serializers.CharField(source="kind")
    nummer = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    jaar = serializers.IntegerField(source="year")
    omschrijving = serializers.CharField(source="description")
    bron = SourceSerializer(source="source")
    maatregelen = StringCodeListField(attribute="code", source="measures")

    class Meta:
        model = Priority
        fields = ["soort", "nummer", "titel", "jaar", "omschrijving", "bron", "maatregelen"]


class MeasureSerializer(serializers.ModelSerializer):
    """A measure as listed: its status and how it relates to goals and stakeholders."""

    url = serializers.HyperlinkedIdentityField(view_name="api:maatregel-detail", lookup_field="code")
    code = serializers.CharField()
    titel = serializers.CharField(source="title")
    hoofdstukTitel = serializers.CharField(
        source="heading", help_text="De titel boven het hoofdstuk in de rapportage."
    )
    status = serializers.CharField()
    statusOmschrijving = ChoiceLabelField(field="status")
    statusToelichting = serializers.CharField(source="status_note")
    geprioriteerd = serializers.BooleanField(source="is_prioritised")
    hoofdmaatregel = serializers.CharField(
        source="parent.code", allow_null=True, default=None, help_text="Bij een submaatregel: de code van de maatregel."
    )
    submaatregelen = StringCodeListField(attribute="code", source="sub_measures")
    doelen = serializers.SerializerMethodField(
        help_text="Nummers van de doelen; een submaatregel hoort bij de doelen van zijn maatregel."
    )
    betrokkenen = StakeholderRefSerializer(source="ordered_stakeholders", many=True)
    laatstGewijzigd = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Measure
        fields = [
            "url", "code", "titel", "hoofdstukTitel", "status", "statusOmschrijving", "statusToelichting",
            "geprioriteerd", "hoofdmaatregel", "submaatregelen", "doelen", "betrokkenen", "laatstGewijzigd",
        ]

    def get_doelen(self, measure: Measure) -> list[int]:
        # The goal–measure matrix names mainly the main measures; the dashboard's goal
        # filter counts a sub-measure under its measure's goals too.
        goals = list(measure.goals.all())
        if measure.parent is not None:
            goals += measure.parent.goals.all()
        return sorted({goal.number for goal in goals})


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ItemTextListField(serializers.Field):
    """The texts of one of a measure's narrative lists, from its prefetched items."""

    def __init__(self, *, kind: str, **kwargs):
        self.kind = kind
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, measure: Measure) -> list[str]:
        return [item.text for item in measure.items.all() if item.kind == self.kind]


class MeasureLinkSerializer(serializers.Serializer):
    titel = serializers.CharField(source="text")
    url = serializers.CharField()


class PriorityRefSerializer(serializers.Serializer):
    soort = serializers.CharField(source="kind")
    nummer = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    jaar = serializers.IntegerField(source="year")


class MeasureDetailSerializer(MeasureSerializer):
    """A measure with its whole chapter: narrative, links, history and what it answers to."""

    inleiding = serializers.CharField(source="introduction")
    standVanZaken = serializers.CharField(source="summary")
    dilemmas = ItemTextListField(kind=MeasureItemKind.DILEMMA)
    stappen = ItemTextListField(kind=MeasureItemKind.STEP)
    vervolgstappen = ItemTextListField(kind=MeasureItemKind.NEXT_STEP)
    watScholenKunnenDoen = ItemTextListField(
        kind=MeasureItemKind.SCHOOL_ACTION, help_text="Wat scholen en samenwerkingsverbanden al kunnen doen."
    )
    links = serializers.SerializerMethodField()
    statusgeschiedenis = StatusRecordSerializer(source="status_changes", many=True)
    prioriteiten = PriorityRefSerializer(source="priorities", many=True)
    moties = StringCodeListField(attribute="kamerstuk", source="motions")
    toezeggingen = StringCodeListField(attribute="slug", source="commitments")
    wetgeving = StringCodeListField(attribute="slug", source="expected_laws")

    class Meta(MeasureSerializer.Meta):
        fields = MeasureSerializer.Meta.fields + [
            "inleiding", "standVanZaken", "dilemmas", "stappen", "vervolgstappen", "watScholenKunnenDoen",
            "links", "statusgeschiedenis", "prioriteiten", "moties", "toezeggingen", "wetgeving",
        ]

    @extend_schema_field(MeasureLinkSerializer(many=True))
    def get_links(self, measure: Measure) -> list[dict]:
        links = [item for item in measure.items.all() if item.kind == MeasureItemKind.LINK]
        return MeasureLinkSerializer(links, many=True).data


class KeyFigureSerializer(serializers.ModelSerializer):
    """A key figure as one source states it."""

    url = serializers.HyperlinkedIdentityField(view_name="api:kerncijfer-detail", lookup_field="key")
    sleutel = serializers.CharField(source="key")
    reeks = serializers.CharField(source="series", help_text="Cijfers over hetzelfde delen een reeks.")
    titel = serializers.CharField(source="title")
    eenheid = serializers.CharField(source="unit")
    waarde = serializers.DecimalField(
        source="value", max_digits=14, decimal_places=2, coerce_to_string=False, allow_null=True,
        help_text="Het getal zoals de bron het geeft, in de eenheid; null als de bron alleen woorden geeft.",
    )
    formulering = serializers.CharField(source="wording", help_text="Hoe de bron het cijfer zegt, zoals ‘ruim 2100’.")
    periode = serializers.CharField(source="period", help_text="De datum of periode waar het cijfer over gaat.")
    datum = serializers.DateField(source="date", allow_null=True, help_text="Alleen als de bron een hele datum noemt.")
    bron = SourceSerializer(source="source")
    rapportage = serializers.CharField(
        source="public_edition_key", allow_null=True,
        help_text="Sleutel van de vastgestelde rapportage waar het cijfer bij hoort, of null.",
    )
    maatregelen = StringCodeListField(attribute="code", source="measures", help_text="Leeg: het hele programma.")
    citaat = serializers.CharField(source="quote", help_text="Letterlijk uit de bron.")

    class Meta:
        model = KeyFigure
        fields = [
            "url", "sleutel", "reeks", "titel", "eenheid", "waarde", "formulering", "periode", "datum", "bron",
            "rapportage", "maatregelen", "citaat",
        ]
