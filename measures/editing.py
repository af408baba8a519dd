"""The kinds of record staff can edit, and what the workflow needs to know of each.

The draft → review → publish services (measures/services.py) are written once for all
kinds; each kind supplies how to read, validate and write its document and what to
record in the domain history when it is published.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.db import models


@dataclass(frozen=True)
class EditableKind:
    model: type[models.Model]
    # The record's published content as a document.
    document: Callable[[models.Model], dict]
    # Validate a submitted document against the published one; raises ValidationError.
    clean: Callable[..., dict]
    # Write a clean document to the record.
    apply: Callable[..., None]
    # Record domain history (status changes, moved plans) when publishing.
    record_history: Callable[..., None]
    # Where the public page of a record is.
    public_url: Callable[[models.Model], str]


def editable_kinds() -> dict[type[models.Model], EditableKind]:
    # Imported here: the kinds live in their own apps, which import measures.models.
    from legislation.documents import LAW_KIND
    from motions.documents import MOTION_KIND

    from .documents import MEASURE_KIND

    return {kind.model: kind for kind in (MEASURE_KIND, MOTION_KIND, LAW_KIND)}


def kind_for(record: models.Model) -> EditableKind:
    return editable_kinds()[type(record)]


def user_can_edit(user, record: models.Model) -> bool:
    """Redacteuren edit the measures assigned to them, or all when so configured;
    eindredacteuren edit everything; motions and laws are open to every redacteur."""
    if not user.is_authenticated or not user.has_perm("measures.edit_content"):
        return False
    from .models import Measure

    if isinstance(record, Measure) and not settings.PASSEND_EDITORS_MAY_EDIT_ALL:
        return user.has_perm("measures.publish_content") or record.editors.filter(pk=user.pk).exists()
    return True


def user_can_publish(user) -> bool:
    return user.is_authenticated and user.has_perm("measures.publish_content")


def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()
