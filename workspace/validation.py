"""Validation shared by every kind's documents: text, lists, web addresses, a status
change's evidence, and what no database can store. Each helper adds its message to
``errors`` under the field's key ("steps.3"), so a form shows it next to the input."""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

# Generous for the report's real content (its longest introduction is ~1,500
# characters), small enough to refuse pasted documents.
MAX_TEXT_LENGTH = 10_000
MAX_ITEM_LENGTH = 3_000
MAX_ITEMS = 40
# Documents are flat: fields, lists of texts, lists of small objects (links, milestones).
MAX_DEPTH = 3

UNSTORABLE_TEXT = _lazy(
    "Deze tekst bevat een teken dat niet kan worden opgeslagen (een nul-teken, een los deel "
    "van een teken of een teken dat de leesrichting omdraait). Verwijder het en probeer het opnieuw."
)


# Bidirectional controls (e.g. U+202E, right-to-left override) make a title read
# differently from what it says; no narrative of the programme needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_storable(text: str) -> bool:
    """PostgreSQL refuses NUL in text; a lone surrogate (from a JSON escape such as
    "\\ud800") cannot be encoded as UTF-8 at all; bidirectional controls mislead readers."""
    if "\x00" in text or not BIDI_CONTROLS.isdisjoint(text):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def document_check_storable(document) -> None:
    """Refuse, before any kind looks at it, what no validation of a field should have to
    think about: a document that is not an object, nesting deeper than documents go, and
    text that cannot be stored. Raises ValidationError keyed like the kinds' own errors
    ("stakeholders.2"), so forms show the message next to the field.

    Iterative, so that a deeply nested value cannot exhaust the stack."""
    if not isinstance(document, dict):
        raise ValidationError({"document": _("Verwacht een object met velden.")})
    errors: dict[str, str] = {}
    pending = [((str(key),), value, 1) for key, value in document.items()]
    while pending:
        path, value, depth = pending.pop()
        field = ".".join(part if _is_storable(part) else "?" for part in path[:2])
        if not _is_storable(path[-1]) or (isinstance(value, str) and not _is_storable(value)):
            errors.setdefault(field, str(UNSTORABLE_TEXT))
        elif isinstance(value, str):
            continue
        elif isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH + 1:
                errors.setdefault(field, _("Deze waarde is dieper genest dan een document kan zijn."))
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value, start=1)
            pending.extend((path + (str(key),), item, depth + 1) for key, item in items)
        elif not (value is None or isinstance(value, (bool, int, float))):
            errors.setdefault(field, _("Deze waarde heeft een onbekend type."))
    if errors:
        raise ValidationError(errors)


def clean_text(value, *, field: str, errors: dict, required: bool = False, limit: int = MAX_TEXT_LENGTH) -> str:
    if value is not None and not isinstance(value, str):
        # A number or a list where text belongs (through the API) would otherwise be
        # stored as its Python spelling.
        errors[field] = _("Verwacht tekst.")
        return ""
    # Characters no database stores were refused for the whole document already
    # (document_check_storable, which draft_save runs before any kind's clean).
    text = "" if value is None else value.replace("\r\n", "\n").strip()
    if required and not text:
        errors[field] = _("Dit veld is verplicht.")
    elif len(text) > limit:
        errors[field] = _("Maximaal %(limit)s tekens; dit zijn er %(length)s.") % {
            "limit": number_format(limit, force_grouping=True),
            "length": number_format(len(text), force_grouping=True),
        }
    return text


# Fields of a document that only staff ever see; a change to them alone changes nothing public.
STAFF_ONLY_FIELDS = ("internal_note",)


def public_part(document: dict) -> dict:
    """The document as readers can see it."""
    return {key: value for key, value in document.items() if key not in STAFF_ONLY_FIELDS}


def clean_internal_note(document: dict, *, published: dict, errors: dict) -> str:
    """The staff-only note. A document without the key (an API client that predates it)
    keeps the published note instead of erasing it."""
    if "internal_note" not in document:
        return published.get("internal_note", "")
    return clean_text(document["internal_note"], field="internal_note", errors=errors)


def clean_flag(value, *, field: str, errors: dict, default: bool) -> bool:
    """A yes/no field: true or false, nothing else (the string "false" is not false)."""
    if value is None:
        return default
    if not isinstance(value, bool):
        errors[field] = _("Verwacht ja of nee (true of false).")
        return default
    return value


def _items(values, *, field: str, errors: dict) -> list:
    """The items of a list field; a value that is not a list gets a message and no items."""
    if not isinstance(values, list):
        errors[field] = _("Verwacht een lijst.")
        return []
    if len(values) > MAX_ITEMS:
        errors[field] = _("Maximaal %(limit)s punten.") % {"limit": MAX_ITEMS}
    return values


def clean_list(values, *, field: str, errors: dict) -> list[str]:
    cleaned = []
    for index, value in enumerate(_items(values, field=field, errors=errors), start=1):
        text = clean_text(value, field=f"{field}.{index}", errors=errors, limit=MAX_ITEM_LENGTH)
        if text:
            cleaned.append(text)
    return cleaned


def clean_objects(values, *, field: str, errors: dict) -> list[dict]:
    """A list of small objects (links, milestones): each item that is not one gets its
    own message and counts as empty, so the callers' numbering stays that of the input."""
    cleaned = []
    for index, value in enumerate(_items(values, field=field, errors=errors), start=1):
        if not isinstance(value, dict):
            errors[f"{field}.{index}"] = _("Verwacht een object met velden.")
            value = {}
        cleaned.append(value)
    return cleaned


def clean_url(value, *, field: str, errors: dict) -> str:
    url = "" if value is None else str(value).strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors[field] = _("Geef een volledig webadres dat begint met https:// of http://.")
    return url


def clean_status_change(value, *, errors: dict, today: datetime.date) -> dict:
    value = value if isinstance(value, dict) else {}
    change = {
        "date": value.get("date") or "",
        "explanation": clean_text(value.get("explanation"), field="status_change.explanation", errors=errors,
                                   required=True, limit=1_000),
        "source_title": clean_text(value.get("source_title"), field="status_change.source_title", errors=errors,
                                    limit=300),
        "source_url": clean_url(value.get("source_url"), field="status_change.source_url", errors=errors),
    }
    try:
        date = datetime.date.fromisoformat(str(change["date"]))
    except ValueError:
        errors["status_change.date"] = _("Geef de datum van de statuswijziging (JJJJ-MM-DD).")
    else:
        if date > today:
            errors["status_change.date"] = _("De datum van de statuswijziging ligt in de toekomst.")
        change["date"] = date.isoformat()
    return change


def status_change_record(*, model, before: dict, document: dict, **target) -> None:
    """On publish: when the status changed, add it to the domain history with its evidence."""
    if document["status"] == before["status"]:
        return
    change = document["status_change"]
    model.objects.create(
        **target,
        status=document["status"],
        effective_date=change["date"],
        explanation=change["explanation"],
        source_title=change["source_title"],
        source_url=change["source_url"],
    )
