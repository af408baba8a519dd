"""Filters with Dutch values (ja/nee) and ordering with a clear error for unknown fields."""
from collections.abc import Iterable

from django_filters import filters
from drf_spectacular.utils import extend_schema_field


@extend_schema_field({"type": "string", "enum": ["ja", "nee", "true", "false"]})
class YesNoFilter(filters.TypedChoiceFilter):
    """A yes/no filter that accepts the dashboard's ``ja``/``nee`` as well as ``true``/``false``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("ja", "ja"), ("nee", "nee"), ("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value in ("ja", "true"))
        kwargs.setdefault("empty_value", None)
        super().__init__(*args, **kwargs)


class ApiOrderingFilter(filters.OrderingFilter):
    """``?ordering=`` with Dutch names; one name may sort on several fields (code → 8, 8a, 9).

    A fixed tie-break (the resource's usual order, then the primary key) keeps pages
    stable when the chosen field has equal values.
    """

    def __init__(self, *args, expansions: dict[str, list[str]] | None = None,
                 tiebreak: Iterable[str] = (), **kwargs):
        self.expansions = expansions or {}
        self.tiebreak = list(tiebreak)
        kwargs.setdefault("field_name", "ordering")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            descending = param.startswith("-")
            field = self.param_map[param.lstrip("-")]
            ordering += [("-" if descending else "") + name for name in self.expansions.get(field, [field])]
        return qs.order_by(*ordering, *self.tiebreak, "pk")
