"""A measure as one plain, editable document (a dict), and back.

The same document shape serves the fixture loader, staff drafts, the review diff, the
audit trail, the API and backups, so the rules for what a measure contains live here
once. ``measure_document`` reads a measure; ``measure_document_clean`` validates a
document someone submitted; ``measure_document_apply`` writes one to the database.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .editing import EditableKind
from programme.models import StakeholderGroup
from .models import Measure, MeasureItem, MeasureItemKind, MeasureStakeholder, MeasureStatus, MeasureStatusChange

# Document keys of the ordered narrative lists, in the report's order.
ITEM_LISTS = {
    "dilemmas": MeasureItemKind.DILEMMA,
    "steps": MeasureItemKind.STEP,
    "next_steps": MeasureItemKind.NEXT_STEP,
    "school_actions": MeasureItemKind.SCHOOL_ACTION,
}
TEXT_FIELDS = ["title", "chapter_title", "status", "status_note", "introduction", "summary"]
FLAG_FIELDS = ["is_prioritised", "has_chapter"]

# Generous for the report's real content (its longest introduction is ~1,500
# characters), small enough to refuse pasted documents.
MAX_TEXT_LENGTH = 10_000
MAX_ITEM_LENGTH = 3_000
MAX_ITEMS = 40
# Documents are flat: fields, lists of texts, lists of small objects (links, milestones).
MAX_DEPTH = 3

UNSTORABLE_TEXT = _lazy(
    "Deze tekst bevat een teken dat niet kan worden opgeslagen (een nul-teken of een los "
    "deel van een teken). Verwijder het en probeer het opnieuw."
)


def measure_document(measure: Measure) -> dict:
    """The measure's published content. Uses prefetched items and stakeholders if present."""
    lists: dict[str, list] = {kind: [] for kind in MeasureItemKind.values}
    for item in measure.items.all():
        lists[item.kind].append(item)
    document = {"code": measure.code}
    document.update({name: getattr(measure, name) for name in TEXT_FIELDS + FLAG_FIELDS})
    document["stakeholders"] = [
        link.group.name for link in MeasureStakeholder.objects.filter(measure=measure).select_related("group")
    ]
    for key, kind in ITEM_LISTS.items():
        document[key] = [item.text for item in lists[kind]]
    document["links"] = [{"title": item.text, "url": item.url} for item in lists[MeasureItemKind.LINK]]
    return document


def measure_document_apply(*, measure: Measure, document: dict) -> None:
    """Write a (clean) document to the measure, its items and its stakeholders."""
    for name in TEXT_FIELDS + FLAG_FIELDS:
        setattr(measure, name, document[name])
    measure.code = document["code"]
    measure.full_clean(exclude=["programme", "parent", "fixture_checksum"], validate_unique=False)
    measure.save()
    measure.items.all().delete()
    items = [
        MeasureItem(measure=measure, kind=kind, position=position, text=text)
        for key, kind in ITEM_LISTS.items()
        for position, text in enumerate(document[key], start=1)
    ]
    items += [
        MeasureItem(measure=measure, kind=MeasureItemKind.LINK, position=position, text=link["title"], url=link["url"])
        for position, link in enumerate(document["links"], start=1)
    ]
    MeasureItem.objects.bulk_create(items)
    MeasureStakeholder.objects.filter(measure=measure).delete()
    groups = {group.name: group for group in StakeholderGroup.objects.filter(name__in=document["stakeholders"])}
    MeasureStakeholder.objects.bulk_create(
        MeasureStakeholder(measure=measure, group=groups[name], position=position)
        for position, name in enumerate(document["stakeholders"], start=1)
    )


def _is_storable(text: str) -> bool:
    """PostgreSQL refuses NUL in text; a lone surrogate (from a JSON escape such as
    "\\ud800") cannot be encoded as UTF-8 at all."""
    if "\x00" in text:
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
    text = "" if value is None else str(value).replace("\r\n", "\n").strip()
    if not _is_storable(text):
        errors[field] = str(UNSTORABLE_TEXT)
        return ""
    if required and not text:
        errors[field] = _("Dit veld is verplicht.")
    elif len(text) > limit:
        errors[field] = _("Maximaal %(limit)s tekens; dit zijn er %(length)s.") % {"limit": limit, "length": len(text)}
    return text


def clean_list(values, *, field: str, errors: dict) -> list[str]:
    if not isinstance(values, list):
        errors[field] = _("Verwacht een lijst.")
        return []
    if len(values) > MAX_ITEMS:
        errors[field] = _("Maximaal %(limit)s punten.") % {"limit": MAX_ITEMS}
    cleaned = []
    for index, value in enumerate(values, start=1):
        text = clean_text(value, field=f"{field}.{index}", errors=errors, limit=MAX_ITEM_LENGTH)
        if text:
            cleaned.append(text)
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


def measure_document_clean(*, document: dict, published: dict, today: datetime.date | None = None) -> dict:
    """Validate a submitted document against the published one.

    Returns the cleaned document or raises ValidationError with one message per field
    (keys like "steps.3" or "status_change.date"), so a form can show each message next
    to its input and keep everything that was typed.
    """
    today = today or datetime.date.today()
    errors: dict[str, str] = {}
    cleaned: dict = {"code": published["code"]}
    cleaned["title"] = clean_text(document.get("title"), field="title", errors=errors, required=True, limit=255)
    cleaned["chapter_title"] = clean_text(document.get("chapter_title"), field="chapter_title", errors=errors,
                                           limit=255)
    cleaned["status"] = document.get("status")
    if cleaned["status"] not in MeasureStatus.values:
        errors["status"] = _("Kies een status uit de lijst.")
    cleaned["status_note"] = clean_text(document.get("status_note"), field="status_note", errors=errors, limit=1_000)
    cleaned["introduction"] = clean_text(document.get("introduction"), field="introduction", errors=errors)
    cleaned["summary"] = clean_text(document.get("summary"), field="summary", errors=errors)
    for name in FLAG_FIELDS:
        cleaned[name] = bool(document.get(name, published[name]))
    for key in ITEM_LISTS:
        cleaned[key] = clean_list(document.get(key, []), field=key, errors=errors)

    stakeholders = clean_list(document.get("stakeholders", []), field="stakeholders", errors=errors)
    known = set(StakeholderGroup.objects.filter(name__in=stakeholders).values_list("name", flat=True))
    unknown = [name for name in stakeholders if name not in known]
    if unknown:
        errors["stakeholders"] = _("Onbekende groep(en): %(names)s.") % {"names": ", ".join(unknown)}
    cleaned["stakeholders"] = list(dict.fromkeys(stakeholders))

    cleaned["links"] = []
    links = document.get("links", [])
    if not isinstance(links, list):
        errors["links"] = _("Verwacht een lijst.")
        links = []
    for index, link in enumerate(links, start=1):
        link = link if isinstance(link, dict) else {}
        url = clean_url(link.get("url"), field=f"links.{index}", errors=errors)
        title = clean_text(link.get("title"), field=f"links.{index}", errors=errors, limit=300)
        if url or title:
            if not url:
                errors[f"links.{index}"] = _("Een link heeft een webadres nodig.")
            cleaned["links"].append({"title": title or url, "url": url})

    if cleaned["status"] != published["status"]:
        # Evidence with every status change: when, why and where it is written down.
        cleaned["status_change"] = clean_status_change(document.get("status_change"), errors=errors, today=today)
    if errors:
        raise ValidationError(errors)
    return cleaned


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


MEASURE_KIND = EditableKind(
    model=Measure,
    document=measure_document,
    clean=measure_document_clean,
    apply=lambda *, record, document: measure_document_apply(measure=record, document=document),
    record_history=lambda *, record, before, document, user: status_change_record(
        model=MeasureStatusChange, before=before, document=document, measure=record),
    public_url=lambda measure: measure.get_absolute_url(),
)
