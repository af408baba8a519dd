"""Filters with Dutch values (ja/nee) and sorting (``sorteer``) with a clear error for unknown fields."""
from collections.abc import Iterable

from django import forms
from django_filters import filters
from django_filters.widgets import BaseCSVWidget
from drf_spectacular.utils import extend_schema_field

# The sorting parameter's old English name, still accepted (and documented as
# deprecated, core.api.schema) until clients have moved to ``sorteer``.
DEPRECATED_ORDERING_PARAMETER = "ordering"


@extend_schema_field({"type": "string", "enum": ["ja", "nee", "true", "false"]})
class YesNoFilter(filters.TypedChoiceFilter):
    """A yes/no filter that accepts the dashboard's ``ja``/``nee`` as well as ``true``/``false``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("ja", "ja"), ("nee", "nee"), ("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value in ("ja", "true"))
        kwargs.setdefault("empty_value", None)
        super().__init__(*args, **kwargs)


class SortWidget(BaseCSVWidget, forms.TextInput):
    """Reads every value of ``sorteer`` (or, failing that, of the old ``ordering``), each
    possibly a comma-separated list: ``sorteer=status,-code`` is ``sorteer=status&sorteer=-code``."""

    def value_from_datadict(self, data, files, name):
        for key in (name, DEPRECATED_ORDERING_PARAMETER):
            values = data.getlist(key) if hasattr(data, "getlist") else [data[key]] if key in data else []
            if values:
                return [part.strip() for value in values for part in value.split(",") if part.strip()]
        return None


class ApiOrderingFilter(filters.OrderingFilter):
    """``?sorteer=`` with Dutch names; one name may sort on several fields (code → 8, 8a, 9).

    Declare it as ``sorteer`` in the FilterSet. A fixed tie-break (the resource's usual
    order, then the primary key) keeps pages stable when the chosen fields have equal values.
    """

    def __init__(self, *args, expansions: dict[str, list[str]] | None = None,
                 tiebreak: Iterable[str] = (), **kwargs):
        self.expansions = expansions or {}
        self.tiebreak = list(tiebreak)
        names = [name for _field, name in self.normalize_fields(kwargs.get("fields", {})).items()]
        kwargs.setdefault("field_name", "sorteer")
        kwargs.setdefault("label", "Sorteer op")
        kwargs.setdefault("help_text", (
            "Een of meer velden, gescheiden door komma’s of als herhaalde parameter "
            "(sorteer=status&sorteer=-code is sorteer=status,-code); een minteken ervoor sorteert aflopend."
        ))
        kwargs.setdefault("widget", SortWidget)
        kwargs.setdefault("error_messages", {
            "invalid_choice": "Onbekend sorteerveld “%(value)s”; kies uit: " + ", ".join(names)
            + " (met een minteken ervoor: aflopend).",
        })
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        # Dutch labels: the parameter value itself, and "aflopend" for the reverse.
        ascending = [(name, name) for name in fields.values()]
        descending = [(f"-{name}", f"{name} (aflopend)") for name in fields.values()]
        return [choice for pair in zip(ascending, descending, strict=True) for choice in pair]

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            descending = param.startswith("-")
            field = self.param_map[param.lstrip("-")]
            ordering += [("-" if descending else "") + name for name in self.expansions.get(field, [field])]
        return qs.order_by(*ordering, *self.tiebreak, "pk")
