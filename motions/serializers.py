"""API representations of motions and commitments (Dutch field names)."""
from rest_framework import serializers

from programme.serializers import ChoiceLabelField, SourceSerializer, StatusRecordSerializer, StringCodeListField

from .models import Commitment, Motion, MotionSubmitter


class SubmitterSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    fractie = serializers.CharField(source="party")

    class Meta:
        model = MotionSubmitter
        fields = ["naam", "fractie"]


class MotionSerializer(serializers.ModelSerializer):
    """A motion as listed: OCW's implementation status and the Kamer's own facts."""

    url = serializers.HyperlinkedIdentityField(view_name="api:motie-detail", lookup_field="kamerstuk")
    kamerstuk = serializers.CharField(help_text="Het Kamerstuknummer, zoals 31497-373.")
    dossier = serializers.CharField()
    toevoeging = serializers.CharField(source="dossier_suffix")
    ondernummer = serializers.IntegerField(source="number")
    titel = serializers.CharField(source="title")
    status = serializers.CharField(help_text="Hoe ver OCW de motie heeft uitgevoerd.")
    statusOmschrijving = ChoiceLabelField(field="status")
    statusToelichting = serializers.CharField(source="status_note")
    uitgevoerdBinnen = ChoiceLabelField(
        field="scope", help_text="Waarbinnen OCW de motie uitvoert, zoals ‘Maatregel’."
    )
    maatregelen = StringCodeListField(attribute="code", source="measures")
    indieners = SubmitterSerializer(source="submitters", many=True)
    ingediendOp = serializers.DateField(source="submitted_on", allow_null=True)
    besluitKamer = serializers.CharField(
        source="chamber_decision",
        help_text="Het laatste besluit van de Tweede Kamer: aangenomen, niet_aangenomen, verworpen, aangehouden, "
        "uitgesteld, ingetrokken, onbekend, of leeg.",
    )
    besluitKamerOp = serializers.DateField(
        source="chamber_decision_on", allow_null=True,
        help_text="De datum van de vergadering waarin de Kamer dat besluit nam.",
    )
    kabinetsappreciatie = serializers.CharField(source="cabinet_appraisal")
    officieleTekst = serializers.CharField(source="official_url", help_text="Adres van de officiële tekst, of leeg.")
    bijgewerktUitTweedeKamer = serializers.DateTimeField(
        source="last_synced_at", allow_null=True,
        help_text="Wanneer de gegevens van de Tweede Kamer voor het laatst zijn opgehaald.",
    )
    laatstGewijzigd = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Motion
        fields = [
            "url", "kamerstuk", "dossier", "toevoeging", "ondernummer", "titel", "status", "statusOmschrijving",
            "statusToelichting", "uitgevoerdBinnen", "maatregelen", "indieners", "ingediendOp", "besluitKamer",
            "besluitKamerOp", "kabinetsappreciatie", "officieleTekst", "bijgewerktUitTweedeKamer", "laatstGewijzigd",
        ]


class MotionDetailSerializer(MotionSerializer):
    toelichting = serializers.CharField(source="explanation")
    nummerZoalsGeschreven = serializers.CharField(source="number_as_written")
    bronIndieners = SourceSerializer(source="submitters_source", allow_null=True)
    statusgeschiedenis = StatusRecordSerializer(source="status_changes", many=True)

    class Meta(MotionSerializer.Meta):
        fields = MotionSerializer.Meta.fields + [
            "toelichting", "nummerZoalsGeschreven", "bronIndieners", "statusgeschiedenis",
        ]


class CommitmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:toezegging-detail", lookup_field="slug")
    slug = serializers.CharField()
    code = serializers.CharField(allow_null=True, help_text="Het nummer in het register van toezeggingen, of null.")
    titel = serializers.CharField(source="title")
    omschrijving = serializers.CharField(source="description")
    status = serializers.CharField()
    statusOmschrijving = ChoiceLabelField(field="status")
    planning = serializers.CharField(source="due_text", help_text="De planning zoals toegezegd.")
    uitersteDatum = serializers.DateField(source="due_date", allow_null=True)
    maatregelen = StringCodeListField(attribute="code", source="measures")
    bron = SourceSerializer(source="source", allow_null=True)
    laatstGewijzigd = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Commitment
        fields = [
            "url", "slug", "code", "titel", "omschrijving", "status", "statusOmschrijving", "planning",
            "uitersteDatum", "maatregelen", "bron", "laatstGewijzigd",
        ]
