"""Between the workspace's HTML forms and the editable documents of every kind.

The forms work without JavaScript: each ordered list is a set of rows with a text,
a position number (to reorder) and a remove box, plus empty rows to add items. The
document functions do the validation; here we only translate.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.http import QueryDict

from .registry import site

EMPTY_ROWS = 2


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
    document = site.for_record(record).document_from_post(data)
    document["status_change"] = status_change_from_post(data)
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
    rows += [ListRow(len(values) + extra, "") for extra in range(1, EMPTY_ROWS + 1)]
    return rows


SUB_LABELS = {
    "date": "datum",
    "explanation": "toelichting",
    "source_title": "bron",
    "source_url": "webadres van de bron",
    "planned_text": "planning",
    "planned_start": "gepland vanaf",
    "planned_end": "gepland uiterlijk",
    "actual_date": "werkelijke datum",
    "actual_text": "werkelijk moment",
}


def error_label(key: str, labels: dict[str, str]) -> str:
    """'steps.3' → 'Stappen tot nu toe, punt 3'; 'status_change.date' → 'Onderbouwing statuswijziging, datum'."""
    parts = key.split(".")
    label = labels.get(parts[0], parts[0])
    for part in parts[1:]:
        label += f", punt {part}" if part.isdigit() else f", {SUB_LABELS.get(part, part)}"
    return label


def form_context(record, document: dict, errors: dict[str, str]) -> dict:
    """What the edit template needs to show ``document`` (with ``errors`` per field)."""
    kind = site.for_record(record)
    context = {
        "document": document,
        "errors": errors,
        "error_summary": [f"{error_label(key, kind.labels)}: {message}" for key, message in errors.items()],
        "status_change": document.get("status_change") or {},
        "original_json": json.dumps(document, ensure_ascii=False),
    }
    context.update(kind.form_context(record, document, errors))
    return context
