"""Who may do what in the workspace: the two editorial rights, and what a kind adds."""
from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

from .registry import site

EDIT = "workspace.edit_content"
PUBLISH = "workspace.publish_content"


def user_can_edit(user, record: models.Model) -> bool:
    """Users with the editing role may edit a record when its kind allows them
    (e.g. a measure assigned to them); eindredacteuren edit everything."""
    if not user.is_authenticated or not user.has_perm(EDIT):
        return False
    return user.has_perm(PUBLISH) or site.for_record(record).may_edit(user, record)


def user_can_publish(user) -> bool:
    return user.is_authenticated and user.has_perm(PUBLISH)


def today() -> datetime.date:
    return timezone.localdate()
