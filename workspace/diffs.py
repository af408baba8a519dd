"""Field-by-field comparison of two documents, for the reviewer's side-by-side view and
for showing an editor what someone else changed."""
from __future__ import annotations

from dataclasses import dataclass

# Labels of the fields every kind has; each kind adds its own (EditableKind.field_labels).
COMMON_LABELS = {
    "title": "Titel",
    "status": "Status",
    "status_note": "Toelichting op de status",
    "status_change": "Onderbouwing statuswijziging",
}
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


def _as_lines(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return ["ja" if value else "nee"]
    if isinstance(value, dict):
        return [f"{key}: {item}" for key, item in value.items() if item not in ("", None)]
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict):
                lines.append(
                    " · ".join(str(part) for key, part in item.items() if key != "id" and part not in ("", None))
                )
            else:
                lines.append(str(item))
        return lines
    return [str(value)]


def document_diff(old: dict, new: dict, *, labels: dict[str, str] = COMMON_LABELS,
                  changed_only: bool = False) -> list[FieldDiff]:
    """Compare two documents. Items present on only one side are marked as changed."""
    rows = []
    for key in list(dict.fromkeys([*old, *new])):
        if key in _SKIPPED:
            continue
        old_lines, new_lines = _as_lines(old.get(key)), _as_lines(new.get(key))
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
            )
        )
    return rows
