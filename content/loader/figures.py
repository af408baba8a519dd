"""Loading the key figures (kerncijfers) of fixtures/figures.yaml."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from measures.models import FigureUnit, KeyFigure

from .base import FixtureError, _choice, _code, _Context, _date, _save_fields, _sync, _text

WHERE = "figures.yaml"


def _value(value, where: str) -> str | None:
    """The number as text (a float would turn 9.5 into 9.50000001 somewhere)."""
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise FixtureError(f"{where}: “{value}” is geen getal.") from None
    if number < 0:
        raise FixtureError(f"{where}: een kerncijfer is niet negatief.")
    return str(number.quantize(Decimal("0.01")))


def _figure_wanted(ctx: _Context, entry: dict, position: int) -> dict:
    where = f"{WHERE} [{entry.get('key')}]"
    for name in ("key", "series", "title", "wording", "period", "source", "quote"):
        if not _text(entry.get(name)):
            raise FixtureError(f"{where}: {name} ontbreekt.")
    codes = sorted(_code(code, where) for code in entry.get("measures") or [])
    for code in codes:
        ctx.measure(code, where)
    ctx.source(entry["source"], where)
    return {
        "key": _text(entry["key"]),
        "series": _text(entry["series"]),
        "title": _text(entry["title"]),
        "unit": _choice(entry.get("unit"), FigureUnit, where),
        "value": _value(entry.get("value"), where),
        "wording": _text(entry["wording"]),
        "period": _text(entry["period"]),
        "date": _date(entry.get("date"), where),
        "source": entry["source"],
        "edition_key": _text(entry.get("edition")),
        "measures": codes,
        "quote": _text(entry["quote"]),
        "position": position,
    }


def _figure_export(figure: KeyFigure) -> dict:
    return {
        "key": figure.key,
        "series": figure.series,
        "title": figure.title,
        "unit": figure.unit,
        "value": None if figure.value is None else str(Decimal(figure.value).quantize(Decimal("0.01"))),
        "wording": figure.wording,
        "period": figure.period,
        "date": figure.date.isoformat() if figure.date else None,
        "source": figure.source.key,
        "edition_key": figure.edition_key,
        "measures": sorted(measure.code for measure in figure.measures.all()),
        "quote": figure.quote,
        "position": figure.position,
    }


def _load_figures(ctx: _Context) -> None:
    units: dict[str, str] = {}
    keys: set[str] = set()
    for position, entry in enumerate(ctx.fixtures.figures, start=1):
        wanted = _figure_wanted(ctx, entry, position)
        where = f"{WHERE} [{wanted['key']}]"
        if wanted["key"] in keys:
            raise FixtureError(f"{where}: deze sleutel komt twee keer voor.")
        keys.add(wanted["key"])
        # A chart of a series compares its values: one series, one unit.
        if units.setdefault(wanted["series"], wanted["unit"]) != wanted["unit"]:
            raise FixtureError(f"{where}: reeks {wanted['series']} heeft al de eenheid {units[wanted['series']]}.")

        def apply(figure: KeyFigure, wanted: dict) -> None:
            fields = {name: wanted[name] for name in
                      ["key", "series", "title", "unit", "value", "wording", "period", "date", "edition_key",
                       "quote", "position"]}
            fields["source"] = ctx.source(wanted["source"], WHERE)
            _save_fields(figure, fields)
            figure.measures.set([ctx.measures[code] for code in wanted["measures"]])

        _sync(
            ctx,
            f"kerncijfer {wanted['key']}",
            KeyFigure.objects.filter(key=wanted["key"]).select_related("source").first(),
            lambda: KeyFigure(programme=ctx.programme),
            wanted,
            _figure_export,
            apply,
        )
