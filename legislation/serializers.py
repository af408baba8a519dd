"""API representations of expected laws, their milestones and planning history (Dutch field names)."""
from rest_framework import serializers

from programme.serializers import ChoiceLabelField, PublishedEditionKeyField, SourceSerializer, StringCodeListField

from .models import ExpectedLaw, LawMilestone, MilestonePlanning


class PlanningSerializer(serializers.ModelSerializer):
    """The planning of a milestone as a source stated it at one moment."""

    planning = serializers.CharField(source="planned_text", help_text="De planning zoals geschreven.")
    geplandVanaf = serializers.DateField(source="planned_start", allow_null=True)
    geplandUiterlijk = serializers.DateField(source="planned_end", allow_null=True)
    bron = SourceSerializer(source="source", allow_null=True)
    editie = PublishedEditionKeyField(source="edition")
    vervangenOp = serializers.DateField(source="superseded_on", allow_null=True)

    class Meta:
        model = MilestonePlanning
        fields = ["planning", "geplandVanaf", "geplandUiterlijk", "bron", "editie", "vervangenOp"]


class MilestoneSerializer(serializers.ModelSerializer):
    fase = serializers.CharField(source="phase")
    faseOmschrijving = ChoiceLabelField(field="phase")
    onderdeel = serializers.CharField(source="label", help_text="Bij gefaseerde inwerkingtreding: welk deel.")
    planning = serializers.CharField(source="planned_text", help_text="De huidige planning zoals geschreven.")
    geplandVanaf = serializers.DateField(source="planned_start", allow_null=True)
    geplandUiterlijk = serializers.DateField(source="planned_end", allow_null=True)
    bronPlanning = SourceSerializer(source="planned_source", allow_null=True)
    werkelijkeDatum = serializers.DateField(source="actual_date", allow_null=True)
    werkelijkMoment = serializers.CharField(
        source="actual_text", help_text="Als de bron geen volledige datum noemt: hoe zij het meldt."
    )
    bronWerkelijk = SourceSerializer(source="actual_source", allow_null=True)
    afgerond = serializers.BooleanField(source="is_done")

    class Meta:
        model = LawMilestone
        fields = [
            "fase", "faseOmschrijving", "onderdeel", "planning", "geplandVanaf", "geplandUiterlijk", "bronPlanning",
            "werkelijkeDatum", "werkelijkMoment", "bronWerkelijk", "afgerond",
        ]


class MilestoneDetailSerializer(MilestoneSerializer):
    eerderePlanning = PlanningSerializer(source="planning_history", many=True)

    class Meta(MilestoneSerializer.Meta):
        fields = MilestoneSerializer.Meta.fields + ["eerderePlanning"]


class LawSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:wet-detail", lookup_field="slug")
    slug = serializers.CharField()
    nummer = serializers.CharField(source="number")
    soort = serializers.CharField(source="kind")
    soortOmschrijving = ChoiceLabelField(field="kind")
    titel = serializers.CharField(source="title")
    standVanZaken = serializers.CharField(source="status_text")
    planningOpmerking = serializers.CharField(source="planning_note")
    maatregelen = StringCodeListField(attribute="code", source="measures")
    mijlpalen = MilestoneSerializer(source="milestones", many=True)
    laatstGewijzigd = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = ExpectedLaw
        fields = [
            "url", "slug", "nummer", "soort", "soortOmschrijving", "titel", "standVanZaken", "planningOpmerking",
            "maatregelen", "mijlpalen", "laatstGewijzigd",
        ]


class LawDetailSerializer(LawSerializer):
    inhoud = StringCodeListField(attribute="text", source="content_items", help_text="Wat de wet of regeling regelt.")
    mijlpalen = MilestoneDetailSerializer(source="milestones", many=True)

    class Meta(LawSerializer.Meta):
        fields = LawSerializer.Meta.fields + ["inhoud"]
