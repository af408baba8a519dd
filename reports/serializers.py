"""API representations of sources and published report editions (Dutch field names)."""
from rest_framework import serializers

from measures.models import StepOutcome
from programme.models import ReportEdition
from programme.serializers import SourceSerializer


class LinkSerializer(serializers.Serializer):
    titel = serializers.CharField(source="title")
    url = serializers.CharField()


class EditionSerializer(serializers.HyperlinkedModelSerializer):
    """A published voortgangsrapportage, as listed."""

    url = serializers.HyperlinkedIdentityField(view_name="api:rapportage-detail", lookup_field="key")
    sleutel = serializers.CharField(source="key")
    volgnummer = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    jaar = serializers.IntegerField(source="year")
    peildatum = serializers.DateField(source="reference_date", allow_null=True)
    peildatumOmschrijving = serializers.CharField(
        source="reference_label", help_text="De peildatum zoals bekend, bijvoorbeeld “1 februari 2025” of “mei 2024”."
    )
    gereconstrueerd = serializers.BooleanField(
        source="is_reconstructed",
        help_text="Alleen bekend uit andere bronnen (de rapportage van 2024 uit haar Kamerbrief): er is geen "
        "rapport van, en wat de bronnen niet vermelden is null.",
    )
    gepubliceerdOp = serializers.DateField(source="published_on", allow_null=True)
    bron = SourceSerializer(source="source", allow_null=True)

    class Meta:
        model = ReportEdition
        fields = ["url", "sleutel", "volgnummer", "titel", "jaar", "peildatum", "peildatumOmschrijving",
                  "gereconstrueerd", "gepubliceerdOp", "bron"]


class EditionDetailSerializer(EditionSerializer):
    """A published voortgangsrapportage with the texts of its general chapters."""

    inleiding = serializers.CharField(source="introduction")
    inleidingLinks = LinkSerializer(source="introduction_links", many=True)
    leeswijzer = serializers.CharField(source="reading_guide")
    doelenTekst = serializers.CharField(source="goals_text")
    doelenLinks = LinkSerializer(source="goals_links", many=True)
    doelstellingenmonitor = serializers.CharField(source="monitor_text")
    inleidingSamenhang = serializers.CharField(source="matrix_intro")
    samenwerking = serializers.CharField(source="cooperation_text")
    inleidingMaatregelen = serializers.CharField(source="measures_intro")
    voetnootInleidingMaatregelen = serializers.CharField(source="measures_intro_footnote")
    inleidingWetgeving = serializers.CharField(source="laws_intro")

    class Meta(EditionSerializer.Meta):
        fields = EditionSerializer.Meta.fields + [
            "inleiding",
            "inleidingLinks",
            "leeswijzer",
            "doelenTekst",
            "doelenLinks",
            "doelstellingenmonitor",
            "inleidingSamenhang",
            "samenwerking",
            "inleidingMaatregelen",
            "voetnootInleidingMaatregelen",
            "inleidingWetgeving",
        ]


# --- The frozen state of an edition and its changes (plain JSON, see reports/snapshot.py) ---
# Values a reconstructed edition does not know are null.


class StateMeasureSerializer(serializers.Serializer):
    code = serializers.CharField()
    titel = serializers.CharField(source="title")
    status = serializers.CharField(allow_null=True)
    statusLabel = serializers.CharField(source="status_label")
    toelichting = serializers.CharField(source="status_note", allow_null=True)
    inleiding = serializers.CharField(source="introduction", allow_null=True)
    standVanZaken = serializers.CharField(source="summary", allow_null=True)
    betrokkenen = serializers.ListField(source="stakeholders", child=serializers.CharField(), allow_null=True)
    dilemmas = serializers.ListField(child=serializers.CharField(), allow_null=True)
    stappen = serializers.ListField(source="steps", child=serializers.CharField(), allow_null=True)
    vervolgstappen = serializers.ListField(source="next_steps", child=serializers.CharField(), allow_null=True)
    watKunnenScholenDoen = serializers.ListField(source="school_actions", child=serializers.CharField(),
                                                 allow_null=True)
    links = LinkSerializer(many=True)


class StateMilestoneSerializer(serializers.Serializer):
    fase = serializers.CharField(source="phase")
    faseLabel = serializers.CharField(source="phase_label")
    label = serializers.CharField(allow_null=True)
    planning = serializers.CharField(source="planned_text", allow_null=True)
    gerealiseerdOp = serializers.DateField(source="actual_date", allow_null=True)
    gerealiseerd = serializers.CharField(source="actual_text", allow_null=True)


class StateLawSerializer(serializers.Serializer):
    nummer = serializers.CharField(source="number")
    titel = serializers.CharField(source="title")
    inhoud = serializers.ListField(source="content", child=serializers.CharField(), allow_null=True)
    maatregelen = serializers.ListField(source="measure_codes", child=serializers.CharField())
    mijlpalen = StateMilestoneSerializer(source="milestones", many=True)


class StateMotionSerializer(serializers.Serializer):
    kamerstuk = serializers.CharField()
    titel = serializers.CharField(source="title")
    status = serializers.CharField(allow_null=True)
    statusLabel = serializers.CharField(source="status_label")
    maatregelen = serializers.ListField(source="measure_codes", child=serializers.CharField())


class StateFigureSerializer(serializers.Serializer):
    reeks = serializers.CharField(source="series")
    titel = serializers.CharField(source="title")
    eenheid = serializers.CharField(source="unit")
    waarde = serializers.CharField(
        source="value", allow_null=True,
        help_text="Als tekst, met een punt als decimaalteken; null waar de bron alleen woorden geeft.",
    )
    zoalsDeBron = serializers.CharField(source="wording")
    periode = serializers.CharField(source="period")
    bron = serializers.CharField(source="source_key")
    maatregelen = serializers.ListField(source="measure_codes", child=serializers.CharField())


class EditionStateSerializer(serializers.Serializer):
    """The programme as the edition reported it: stored when it was adopted, never recomputed."""

    rapportage = serializers.CharField(source="edition.key")
    gereconstrueerd = serializers.BooleanField(source="reconstructed", default=False)
    maatregelen = StateMeasureSerializer(source="measures", many=True)
    wetgeving = StateLawSerializer(source="laws", many=True)
    moties = StateMotionSerializer(source="motions", many=True)
    kerncijfers = StateFigureSerializer(source="figures", many=True, default=list)


class ListChangeSerializer(serializers.Serializer):
    lijst = serializers.CharField(source="label")
    toegevoegd = serializers.ListField(source="added", child=serializers.CharField())
    nietMeerGenoemd = serializers.ListField(source="removed", child=serializers.CharField())


class MeasureChangeSerializer(serializers.Serializer):
    code = serializers.CharField()
    titel = serializers.CharField(source="title")
    nieuw = serializers.BooleanField(source="is_new")
    statusGewijzigd = serializers.BooleanField(source="status_changed")
    statusVoor = serializers.CharField(source="status_before", allow_null=True)
    statusNu = serializers.CharField(source="status_now")
    toelichting = serializers.CharField(source="status_explanation")
    herschreven = serializers.SerializerMethodField()
    lijsten = ListChangeSerializer(source="lists", many=True)

    def get_herschreven(self, change) -> list[str]:
        texts = change["texts"] if isinstance(change, dict) else change.texts
        return [text["label"] if isinstance(text, dict) else text.label for text in texts]


class PlanningChangeSerializer(serializers.Serializer):
    wet = serializers.CharField(source="law")
    stap = serializers.CharField(source="milestone")
    voor = serializers.CharField(source="before")
    nu = serializers.CharField(source="now")


class MotionChangeSerializer(serializers.Serializer):
    kamerstuk = serializers.CharField()
    titel = serializers.CharField(source="title")
    statusVoor = serializers.CharField(source="status_before", allow_null=True)
    statusNu = serializers.CharField(source="status_now")


class StepOutcomeSerializer(serializers.Serializer):
    maatregel = serializers.CharField(source="measure")
    sleutel = serializers.CharField(source="id", help_text="Blijft gelijk over edities heen.")
    aankondiging = serializers.CharField(source="text")
    beoogd = serializers.CharField(source="target_text")
    uitkomst = serializers.ChoiceField(source="outcome", choices=StepOutcome.choices)
    uitkomstLabel = serializers.CharField(source="outcome_label")
    nieuwMoment = serializers.CharField(source="new_target_text")
    toelichting = serializers.CharField(source="note")


class EditionChangesSerializer(serializers.Serializer):
    """What changed in an edition relative to the adopted edition before it."""

    rapportage = serializers.CharField(source="edition.key")
    vorigeRapportage = serializers.CharField(source="previous.key")
    maatregelen = MeasureChangeSerializer(source="measures", many=True)
    planning = PlanningChangeSerializer(many=True)
    moties = MotionChangeSerializer(source="motions", many=True)
    vervolgstappen = StepOutcomeSerializer(source="steps", many=True)
    maatregelenNietVergeleken = serializers.IntegerField(source="measures_not_compared")
    motiesNietVergeleken = serializers.IntegerField(source="motions_not_compared")
