"""A motion as one editable document, registered with the workspace (see apps.py).

Staff edit OCW's own side of a motion: its implementation status, the explanation and
the measures it is carried out in. The parliamentary facts (submitters, decision) come
from the Tweede Kamer and are not part of the document.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from programme.codes import measure_code_sort_key
from workspace import EditableKind
from workspace.validation import (
    clean_internal_note,
    clean_list,
    clean_status_change,
    clean_text,
    status_change_record,
)

from .models import Motion, MotionScope, MotionStatus, MotionStatusChange
from .selectors import ordered_measures

# The motion's own fields staff edit (measures aside); internal_note never reaches public output.
EDITED_FIELDS = ["title", "explanation", "status", "status_note", "scope", "internal_note"]


def motion_document(motion: Motion) -> dict:
    return {
        "kamerstuk": motion.kamerstuk,
        "title": motion.title,
        "explanation": motion.explanation,
        "status": motion.status,
        "status_note": motion.status_note,
        "scope": motion.scope,
        "measures": sorted((measure.code for measure in motion.measures.all()), key=measure_code_sort_key),
        "internal_note": motion.internal_note,
    }


def motion_document_clean(*, document: dict, published: dict, today: datetime.date) -> dict:
    errors: dict[str, str] = {}
    cleaned = {"kamerstuk": published["kamerstuk"]}
    cleaned["title"] = clean_text(document.get("title"), field="title", errors=errors, required=True, limit=300)
    cleaned["explanation"] = clean_text(document.get("explanation"), field="explanation", errors=errors)
    cleaned["status"] = document.get("status")
    if cleaned["status"] not in MotionStatus.values:
        errors["status"] = _("Kies een status uit de lijst.")
    cleaned["status_note"] = clean_text(document.get("status_note"), field="status_note", errors=errors, limit=1_000)
    cleaned["scope"] = document.get("scope")
    if cleaned["scope"] not in MotionScope.values:
        errors["scope"] = _("Kies waarbinnen de motie wordt uitgevoerd.")
    codes = clean_list(document.get("measures", []), field="measures", errors=errors)
    known = set(ordered_measures().filter(code__in=codes).values_list("code", flat=True))
    if set(codes) - known:
        errors["measures"] = _("Onbekende maatregel(en): %(codes)s.") % {"codes": ", ".join(sorted(set(codes) - known))}
    cleaned["measures"] = sorted(set(codes), key=measure_code_sort_key)
    cleaned["internal_note"] = clean_internal_note(document, published=published, errors=errors)
    if cleaned["status"] != published["status"]:
        cleaned["status_change"] = clean_status_change(document.get("status_change"), errors=errors, today=today)
    if errors:
        raise ValidationError(errors)
    return cleaned


def motion_document_apply(*, record: Motion, document: dict) -> None:
    for name in EDITED_FIELDS:
        setattr(record, name, document[name])
    record.save()
    record.measures.set(ordered_measures().filter(code__in=document["measures"]))


def motion_document_from_post(data: QueryDict) -> dict:
    document = {name: data.get(name, "") for name in EDITED_FIELDS}
    document["measures"] = data.getlist("measures")
    return document


def motion_form_context(record: Motion, document: dict, errors: dict) -> dict:
    return {
        "status_choices": MotionStatus.choices,
        "scope_choices": MotionScope.choices,
        "measure_choices": [
            (code, f"{code}. {title}") for code, title in ordered_measures().values_list("code", "title")
        ],
    }


MOTION_KIND = EditableKind(
    slug="moties",
    model=Motion,
    lookup="kamerstuk",
    singular=_lazy("Motie"),
    plural=_lazy("Moties"),
    document=motion_document,
    clean=motion_document_clean,
    apply=motion_document_apply,
    record_history=lambda *, record, before, document, user: status_change_record(
        model=MotionStatusChange, before=before, document=document, motion=record),
    public_url=lambda motion: motion.get_absolute_url(),
    document_from_post=motion_document_from_post,
    form_context=motion_form_context,
    field_labels={"status": "Status van de uitvoering", "explanation": "Toelichting", "scope": "Uitgevoerd binnen",
                  "measures": "Gekoppelde maatregelen"},
    value_labels={"status": dict(MotionStatus.choices), "scope": dict(MotionScope.choices)},
    rich_text_fields=("explanation",),
)
