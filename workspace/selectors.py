"""Reads for the workspace's generic pages."""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import Draft


def records_with_drafts(*, model: type[models.Model]) -> list[models.Model]:
    """All records of ``model``, each with ``staff_draft`` (or None): two queries."""
    drafts = {
        draft.object_id: draft
        for draft in Draft.objects.filter(content_type=ContentType.objects.get_for_model(model)).select_related(
            "updated_by"
        )
    }
    records = list(model.objects.all())
    for record in records:
        record.staff_draft = drafts.get(record.pk)
    return records
