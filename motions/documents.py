"""A motion as one editable document (see measures/documents.py for the pattern).

Staff edit OCW's own side of a motion: its implementation status, the explanation and
the measures it is carried out in. The parliamentary facts (submitters, decision) come
from the Tweede Kamer and are not part of the document.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from measures.documents import clean_status_change, clean_text, status_change_record
from measures.editing import EditableKind
from measures.models import Measure

from .models import Motion, MotionScope, MotionStatus, MotionStatusChange


def motion_document(motion: Motion) -> dict:
    return {
        "kamerstuk": motion.kamerstuk,
        "title": motion.title,
        "explanation": motion.explanation,
        "status": motion.status,
        "status_note": motion.status_note,
        "scope": motion.scope,
        "measures": sorted((measure.code for measure in motion.measures.all()), key=Measure.sort_key_for_code),
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
    codes = [str(code).strip() for code in document.get("measures", []) if str(code).strip()]
    known = set(Measure.objects.filter(code__in=codes).values_list("code", flat=True))
    if set(codes) - known:
        errors["measures"] = _("Onbekende maatregel(en): %(codes)s.") % {"codes": ", ".join(sorted(set(codes) - known))}
    cleaned["measures"] = sorted(set(codes), key=Measure.sort_key_for_code)
    if cleaned["status"] != published["status"]:
        cleaned["status_change"] = clean_status_change(document.get("status_change"), errors=errors, today=today)
    if errors:
        raise ValidationError(errors)
    return cleaned


def motion_document_apply(*, record: Motion, document: dict) -> None:
    for name in ["title", "explanation", "status", "status_note", "scope"]:
        setattr(record, name, document[name])
    record.save()
    record.measures.set(Measure.objects.filter(code__in=document["measures"]))


MOTION_KIND = EditableKind(
    model=Motion,
    document=motion_document,
    clean=motion_document_clean,
    apply=motion_document_apply,
    record_history=lambda *, record, before, document, user: status_change_record(
        model=MotionStatusChange, before=before, document=document, motion=record),
    public_url=lambda motion: motion.get_absolute_url(),
)
