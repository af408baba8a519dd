"""Field-by-field comparison of two documents, for the reviewer's side-by-side view and
for showing an editor what someone else changed.

Reviewers read what the public will read: labels instead of internal codes
("In opstartfase", not ``in_opstartfase``), Dutch field names, dates as dates, and the
rendered narrative text next to the diff.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.formats import date_format
from django.utils.safestring import SafeString

from core.richtext import render_rich_text

if TYPE_CHECKING:
    from .registry import EditableKind

# Labels of the fields every kind has; each kind adds its own (EditableKind.field_labels).
# They are the labels of the fields on the edit forms, so an error summary and a diff
# name a field as the form does.
COMMON_LABELS = {
    "title": "Titel",
    "status": "Status",
    "status_note": "Toelichting op de status (openbaar)",
    "status_change": "Bij een statuswijziging",
    "internal_note": "Interne notitie (wordt nooit gepubliceerd)",
}
# Parts of the small objects inside documents (a status change's evidence, a milestone).
SUB_LABELS = {
    "date": "Datum van de wijziging",
    "explanation": "Korte toelichting",
    "source_title": "Bron (titel)",
    "source_url": "Bron (webadres)",
    "title": "Omschrijving",
    "url": "Webadres",
    "planned_text": "Planning zoals geschreven",
    "planned_start": "Gepland vanaf",
    "planned_end": "Gepland uiterlijk",
    "actual_date": "Werkelijke datum",
    "actual_text": "Werkelijk moment zoals de bron het meldt",
}
DATE_KEYS = {"date", "planned_start", "planned_end", "actual_date"}
# What names an item of a list of objects (a milestone's phase), shown before its parts.
_HEADING_KEYS = ("phase", "label")
# Identity fields never change through the workspace.
_SKIPPED = {"code", "kamerstuk", "number"}


@dataclass(frozen=True)
class Item:
    text: str
    changed: bool


@dataclass(frozen=True)
class FieldDiff:
    key: str
    label: str
    old: list[Item]
    new: list[Item]
    changed: bool
    # The new text as the public site renders it, for changed narrative fields.
    preview: SafeString | None = None


def _date(value) -> str:
    try:
        return date_format(datetime.date.fromisoformat(str(value)), "j F Y")
    except ValueError:
        return str(value)


def _part(key: str, value) -> str:
    return _date(value) if key in DATE_KEYS else str(value)


def _object_line(value: dict) -> str:
    heading = ": ".join(str(value[key]) for key in _HEADING_KEYS if value.get(key))
    parts = [
        f"{SUB_LABELS.get(key, key)}: {_part(key, part)}"
        for key, part in value.items()
        if key != "id" and key not in _HEADING_KEYS and part not in ("", None)
    ]
    return " – ".join(filter(None, [heading, "; ".join(parts)]))


def _as_lines(value, values: dict[str, str]) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return ["ja" if value else "nee"]
    if isinstance(value, dict):
        return [f"{SUB_LABELS.get(key, key)}: {_part(key, item)}" for key, item in value.items()
                if item not in ("", None)]
    if isinstance(value, list):
        return [_object_line(item) if isinstance(item, dict) else values.get(str(item), str(item)) for item in value]
    return [values.get(str(value), str(value))]


def document_diff(old: dict, new: dict, *, kind: EditableKind | None = None,
                  changed_only: bool = False) -> list[FieldDiff]:
    """Compare two documents. Items present on only one side are marked as changed."""
    labels = kind.labels if kind else COMMON_LABELS
    value_labels = kind.value_labels if kind else {}
    rich = kind.rich_text_fields if kind else ()
    rows = []
    for key in list(dict.fromkeys([*old, *new])):
        if key in _SKIPPED:
            continue
        values = {str(code): str(label) for code, label in value_labels.get(key, {}).items()}
        old_lines, new_lines = _as_lines(old.get(key), values), _as_lines(new.get(key), values)
        changed = old_lines != new_lines
        if changed_only and not changed:
            continue
        rows.append(
            FieldDiff(
                key=key,
                label=labels.get(key, key),
                old=[Item(line, line not in new_lines) for line in old_lines],
                new=[Item(line, line not in old_lines) for line in new_lines],
                changed=changed,
                preview=render_rich_text(new.get(key)) if changed and key in rich and new.get(key) else None,
            )
        )
    return rows
