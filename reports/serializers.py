"""API representations of sources and published report editions (Dutch field names)."""
from rest_framework import serializers

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
    peildatum = serializers.DateField(source="reference_date")
    gepubliceerdOp = serializers.DateField(source="published_on", allow_null=True)
    bron = SourceSerializer(source="source", allow_null=True)

    class Meta:
        model = ReportEdition
        fields = ["url", "sleutel", "volgnummer", "titel", "jaar", "peildatum", "gepubliceerdOp", "bron"]


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
