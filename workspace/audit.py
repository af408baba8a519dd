"""Reads of the audit trail (ChangeRecord): a record's changes and published versions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import ChangeAction, ChangeRecord


def record_changes(*, record: models.Model) -> QuerySet[ChangeRecord]:
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("user")


@dataclass(frozen=True)
class PublishedVersion:
    number: int
    published_at: datetime | None
    published_by: str
    document: dict


def record_versions(*, record: models.Model) -> list[PublishedVersion]:
    """Every published version, oldest first. Version 1 is the content as loaded from
    the report, which the first publish recorded as its "before"."""
    publishes = list(record_changes(record=record).filter(action=ChangeAction.PUBLISHED).order_by("at", "id"))
    if not publishes:
        return []
    versions = [PublishedVersion(publishes[0].version - 1, None, "", publishes[0].before)]
    versions += [
        PublishedVersion(change.version, change.at, change.user.get_username() if change.user else "", change.after)
        for change in publishes
    ]
    return versions
