"""Between the workspace's HTML forms and the editable documents of every kind.

The forms work without JavaScript: each ordered list is a set of rows with a text,
a position number (to reorder) and a remove box, plus an empty row to add an item. The
document functions do the validation; here we only translate.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.http import QueryDict

from .diffs import SUB_LABELS
from .registry import site


@dataclass
class ListRow:
    position: int
    text: str
    url: str = ""
    error: str = ""


@dataclass
class EditableList:
    key: str
    label: str
    rows: list[ListRow] = field(default_factory=list)
    is_links: bool = False


def rows_from_post(data: QueryDict, key: str, with_url: bool = False) -> list[dict]:
    """Rows in the order of their position numbers; removed and empty rows dropped."""
    rows = []
    index = 1
    while f"{key}-{index}-text" in data or f"{key}-{index}-url" in data:
        text = data.get(f"{key}-{index}-text", "")
        url = data.get(f"{key}-{index}-url", "")
        removed = data.get(f"{key}-{index}-remove") == "on"
        try:
            position = float(data.get(f"{key}-{index}-position") or index)
        except ValueError:
            position = index
        if not removed and (text.strip() or url.strip()):
            rows.append((position, index, {"title": text, "url": url} if with_url else text))
        index += 1
    return [row for _position, _index, row in sorted(rows, key=lambda item: (item[0], item[1]))]


def status_change_from_post(data: QueryDict) -> dict:
    return {
        "date": data.get("status_change_date", ""),
        "explanation": data.get("status_change_explanation", ""),
        "source_title": data.get("status_change_source_title", ""),
        "source_url": data.get("status_change_source_url", ""),
    }


def document_from_post(record, data: QueryDict) -> dict:
    """The document an editor submitted, before validation: the kind reads its own
    fields; the evidence of a status change is the same for every kind."""
    kind = site.for_record(record)
    document = kind.document_from_post(data)
    document["status_change"] = status_change_from_post(data)
    # Items of object lists (a law's milestones) come back with only what the form edits;
    # what names them (a milestone's phase) comes from the record, so that a refused form
    # shows them again and its errors can name them.
    for key, items in kind.document(record).items():
        if isinstance(items, list) and isinstance(document.get(key), list):
            known = {str(item.get("id")): item for item in items if isinstance(item, dict) and "id" in item}
            document[key] = [
                {**known.get(str(item.get("id")), {}), **item} if isinstance(item, dict) else item
                for item in document[key]
            ]
    return document


def list_rows(values: list, errors: dict, key: str, with_url: bool = False) -> list[ListRow]:
    rows = []
    for position, value in enumerate(values, start=1):
        if with_url:
            value = value if isinstance(value, dict) else {}
            rows.append(
                ListRow(position, value.get("title", ""), value.get("url", ""), errors.get(f"{key}.{position}", ""))
            )
        else:
            rows.append(ListRow(position, value, error=errors.get(f"{key}.{position}", "")))
    # One empty row to add an item without JavaScript; the script (staff.js) adds more in place.
    rows.append(ListRow(len(values) + 1, ""))
    return rows


def field_id(key: str) -> str:
    """The id of the input an error key belongs to: "title" → "id_title",
    "steps.3" → "id_steps-3", "milestones.2.planned_end" → "id_milestones-2-planned_end".
    The edit templates give their inputs these ids, so the error summary can link to them."""
    return "id_" + key.replace(".", "-")


def error_label(key: str, labels: dict[str, str], document: dict) -> str:
    """The label the form shows for the field of an error key: 'title' → 'Titel',
    'steps.3' → 'Stappen tot nu toe, punt 3', 'status_change.date' → 'Datum van de wijziging',
    'milestones.2.planned_end' → 'Inwerkingtreding: Gepland uiterlijk'."""
    parts = key.split(".")
    label = labels.get(parts[0], parts[0])
    if len(parts) == 1:
        return label
    if not parts[1].isdigit():
        return SUB_LABELS.get(parts[1], parts[1])
    items = document.get(parts[0])
    index = int(parts[1]) - 1
    item = items[index] if isinstance(items, list) and 0 <= index < len(items) else None
    if isinstance(item, dict) and any(item.get(name) for name in ("phase", "label")):
        label = ": ".join(str(item[name]) for name in ("phase", "label") if item.get(name))
    elif isinstance(item, dict) and "url" in item:
        # A link's error is about its address; the summary links to that input.
        label += f", webadres van punt {parts[1]}"
    else:
        label += f", punt {parts[1]}"
    return f"{label}: {SUB_LABELS.get(parts[2], parts[2])}" if len(parts) > 2 else label


def error_summary(errors: dict[str, str], labels: dict[str, str], document: dict) -> list[dict]:
    """The lines of the error summary at the top of a form, each linking to its field.
    An error about the document as a whole has no field to link to."""
    return [
        {
            "anchor": field_id(key) if key != "document" else "",
            "label": error_label(key, labels, document) if key != "document" else "",
            "message": message,
        }
        for key, message in errors.items()
    ]


def form_context(record, document: dict, errors: dict[str, str]) -> dict:
    """What the edit template needs to show ``document`` (with ``errors`` per field)."""
    kind = site.for_record(record)
    context = {
        "document": document,
        "errors": errors,
        "labels": kind.labels,
        "sub_labels": SUB_LABELS,
        "error_summary": error_summary(errors, kind.labels, document),
        "status_change": document.get("status_change") or {},
        "original_json": json.dumps(document, ensure_ascii=False),
    }
    context.update(kind.form_context(record, document, errors))
    return context
