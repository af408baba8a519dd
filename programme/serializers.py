"""Serializer parts every domain app's API uses: code lists, choice labels, status
records, sources and edition keys."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import EditionStatus, ReportEdition, SourceDocument


class SourceSerializer(serializers.ModelSerializer):
    """A document a fact comes from: a report, a Kamerbrief, slides."""

    sleutel = serializers.CharField(source="key")
    titel = serializers.CharField(source="title")
    soort = serializers.CharField(source="kind")
    datum = serializers.DateField(source="date", allow_null=True)
    moment = serializers.CharField(
        source="date_text", help_text="Het moment zoals de bron het noemt als er geen dag bekend is."
    )
    url = serializers.CharField(help_text="Het adres van de bron, of leeg.")

    class Meta:
        model = SourceDocument
        fields = ["sleutel", "titel", "soort", "datum", "moment", "url"]


@extend_schema_field({"type": "string", "nullable": True, "description": "Sleutel van de gepubliceerde rapportage."})
class PublishedEditionKeyField(serializers.Field):
    """The key of the edition a fact was published in; null for editions still in concept."""

    def to_representation(self, edition: ReportEdition | None) -> str | None:
        if edition is None or edition.status != EditionStatus.ADOPTED:
            return None
        return edition.key

    def get_attribute(self, instance):
        return getattr(instance, self.source)


class CodeListField(serializers.Field):
    """The codes (or numbers, slugs) of a prefetched to-many relation."""

    def __init__(self, *, attribute: str, **kwargs):
        self.attribute = attribute
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, related):
        return [getattr(item, self.attribute) for item in related.all()]


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class StringCodeListField(CodeListField):
    pass


@extend_schema_field({"type": "string"})
class ChoiceLabelField(serializers.Field):
    """The label of a choices field, as ``get_<field>_display()`` gives it.

    Given that method as ``source``, DRF inspects its signature for every object, and the
    method itself makes every label hashable on each call; in a CSV of a whole list that
    took more time than the rest of the row. A plain lookup in the field's choices does not.
    """

    def __init__(self, *, field: str, **kwargs):
        self.field = field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.field)
        return str(dict(type(instance)._meta.get_field(self.field).flatchoices).get(value, value))


class StatusRecordSerializer(serializers.Serializer):
    """A status as a source reported it at one moment (domain history)."""

    status = serializers.CharField()
    statusOmschrijving = ChoiceLabelField(field="status")
    datum = serializers.DateField(source="effective_date", allow_null=True)
    moment = serializers.CharField(source="when", help_text="De datum of het moment zoals de bron het noemt.")
    toelichting = serializers.CharField(source="explanation")
    bron = SourceSerializer(source="source", allow_null=True)
    bronUrl = serializers.CharField(source="source_url")
    editie = PublishedEditionKeyField(source="edition")
