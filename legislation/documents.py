"""An expected law as one editable document (see measures/documents.py for the pattern).

Staff keep the planning current: per milestone the planning as written, its date range
and, once it happened, the actual date. When a planning moves, the old one is kept as
history (MilestonePlanning), so "augustus 2024 → 1 augustus 2025 → 1 januari 2026"
stays visible.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from programme.planning import parse_planning
from workspace import EditableKind
from workspace.validation import clean_internal_note, clean_objects, clean_text

from .models import ExpectedLaw, LawMilestone, MilestonePlanning

# The law's own text fields staff edit; internal_note never reaches public output.
EDITED_FIELDS = ["title", "planning_note", "status_text", "internal_note"]


def _iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def law_document(law: ExpectedLaw) -> dict:
    return {
        "number": law.number,
        "title": law.title,
        "planning_note": law.planning_note,
        "status_text": law.status_text,
        "internal_note": law.internal_note,
        "milestones": [
            {
                "id": milestone.pk,
                "phase": milestone.get_phase_display(),
                "label": milestone.label,
                "planned_text": milestone.planned_text,
                "planned_start": _iso(milestone.planned_start),
                "planned_end": _iso(milestone.planned_end),
                "actual_date": _iso(milestone.actual_date),
                "actual_text": milestone.actual_text,
            }
            for milestone in law.milestones.all()
        ],
    }


def _clean_date(value, *, field: str, errors: dict) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        errors[field] = _("Geef een datum als JJJJ-MM-DD.")
        return text


def law_document_clean(*, document: dict, published: dict, today: datetime.date) -> dict:
    errors: dict[str, str] = {}
    cleaned = {"number": published["number"]}
    cleaned["title"] = clean_text(document.get("title"), field="title", errors=errors, required=True, limit=300)
    cleaned["planning_note"] = clean_text(document.get("planning_note"), field="planning_note", errors=errors,
                                          limit=1_000)
    cleaned["status_text"] = clean_text(document.get("status_text"), field="status_text", errors=errors, limit=2_000)
    cleaned["internal_note"] = clean_internal_note(document, published=published, errors=errors)
    published_ids = {str(milestone["id"]) for milestone in published["milestones"]}
    submitted = {}
    for index, item in enumerate(clean_objects(document.get("milestones", []), field="milestones", errors=errors),
                                 start=1):
        if not item:
            continue
        if str(item.get("id")) not in published_ids:
            # The milestones are the law's own; a document cannot add one or name another's.
            errors[f"milestones.{index}"] = _("Onbekende mijlpaal: %(id)s.") % {"id": item.get("id")}
        submitted[str(item.get("id"))] = item
    cleaned["milestones"] = []
    for index, milestone in enumerate(published["milestones"], start=1):
        item = submitted.get(str(milestone["id"]), milestone)
        field = f"milestones.{index}"
        planned_text = clean_text(item.get("planned_text"), field=f"{field}.planned_text", errors=errors, limit=200)
        start = _clean_date(item.get("planned_start"), field=f"{field}.planned_start", errors=errors)
        end = _clean_date(item.get("planned_end"), field=f"{field}.planned_end", errors=errors)
        if planned_text != milestone["planned_text"] and not (item.get("planned_start") or item.get("planned_end")):
            # A new planning text without dates gets the range it names.
            period = parse_planning(planned_text)
            start, end = (period[0].isoformat(), period[1].isoformat()) if period else ("", "")
        if start and end and f"{field}.planned_start" not in errors and f"{field}.planned_end" not in errors \
                and end < start:
            errors[f"{field}.planned_end"] = _("De einddatum ligt voor de begindatum.")
        cleaned["milestones"].append({
            "id": milestone["id"],
            "phase": milestone["phase"],
            "label": milestone["label"],
            "planned_text": planned_text,
            "planned_start": start,
            "planned_end": end,
            "actual_date": _clean_date(item.get("actual_date"), field=f"{field}.actual_date", errors=errors),
            "actual_text": clean_text(item.get("actual_text"), field=f"{field}.actual_text", errors=errors,
                                      limit=1_000),
        })
    if errors:
        raise ValidationError(errors)
    return cleaned


def law_document_apply(*, record: ExpectedLaw, document: dict) -> None:
    for name in EDITED_FIELDS:
        setattr(record, name, document[name])
    record.save()
    milestones = {milestone.pk: milestone for milestone in record.milestones.all()}
    for item in document["milestones"]:
        milestone = milestones[item["id"]]
        milestone.planned_text = item["planned_text"]
        milestone.planned_start = item["planned_start"] or None
        milestone.planned_end = item["planned_end"] or None
        milestone.actual_date = item["actual_date"] or None
        milestone.actual_text = item["actual_text"]
        milestone.save()


def _law_record_history(*, record: ExpectedLaw, before: dict, document: dict, user) -> None:
    """Keep every planning that was replaced, with where it had been stated."""
    from workspace.permissions import today

    previous = {item["id"]: item for item in before["milestones"]}
    for item in document["milestones"]:
        old = previous[item["id"]]
        if old["planned_text"] == item["planned_text"] or not old["planned_text"]:
            continue
        milestone = LawMilestone.objects.get(pk=item["id"])
        MilestonePlanning.objects.create(
            milestone=milestone,
            planned_text=old["planned_text"],
            planned_start=old["planned_start"] or None,
            planned_end=old["planned_end"] or None,
            source=milestone.planned_source,
            position=milestone.planning_history.count() + 1,
            superseded_on=today(),
        )
        LawMilestone.objects.filter(pk=milestone.pk).update(planned_source=None)


def law_document_from_post(data: QueryDict) -> dict:
    """A law's document from the workspace form: one set of fields per milestone."""
    document = {name: data.get(name, "") for name in EDITED_FIELDS}
    document["milestones"] = [
        {
            "id": milestone_id,
            **{name: data.get(f"milestone-{milestone_id}-{name}", "")
               for name in ["planned_text", "planned_start", "planned_end", "actual_date", "actual_text"]},
        }
        for milestone_id in data.getlist("milestone_ids")
    ]
    return document


LAW_KIND = EditableKind(
    slug="wetgeving",
    model=ExpectedLaw,
    lookup="slug",
    singular=_lazy("Wet of regeling"),
    plural=_lazy("Wet- en regelgeving"),
    document=law_document,
    clean=law_document_clean,
    apply=law_document_apply,
    record_history=_law_record_history,
    public_url=lambda law: law.get_absolute_url(),
    document_from_post=law_document_from_post,
    field_labels={"planning_note": "Opmerking over de planning", "status_text": "Stand van zaken",
                  "milestones": "Planning"},
    rich_text_fields=("status_text", "planning_note"),
)
