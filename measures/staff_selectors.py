"""Reads for the measures' part of the workspace: what to work on, what changed, what
waits for review."""
from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from programme.models import EditionStatus, ReportEdition
from workspace.models import ChangeAction, ChangeRecord, Draft, DraftState

from .models import Measure


def previous_edition() -> ReportEdition | None:
    """The latest edition sent to parliament: updates are counted from its peildatum (a
    reconstructed edition may know it only as words, and then cannot be counted from)."""
    return (
        ReportEdition.objects.filter(status=EditionStatus.ADOPTED, reference_date__isnull=False)
        .order_by("-number").first()
    )


def upcoming_edition(*, today: datetime.date | None = None) -> ReportEdition | None:
    today = today or timezone.localdate()
    return (
        ReportEdition.objects.filter(status=EditionStatus.OPEN, reference_date__gte=today)
        .order_by("reference_date").first()
    )


def stale_measures(*, editor=None) -> QuerySet[Measure]:
    """Measures not published since the previous edition's peildatum ("nog bij te werken"),
    optionally only those assigned to ``editor``."""
    measures = Measure.objects.all()
    edition = previous_edition()
    if edition is not None:
        cutoff = timezone.make_aware(datetime.datetime.combine(edition.reference_date, datetime.time.min))
        measures = measures.filter(Q(last_published_at__isnull=True) | Q(last_published_at__lt=cutoff))
    if editor is not None:
        measures = measures.filter(editors=editor)
    return measures


def measures_to_update(*, user) -> dict:
    mine = stale_measures(editor=user)
    return {
        "previous_edition": previous_edition(),
        "upcoming_edition": upcoming_edition(),
        "mine": list(mine),
        "all_stale": list(stale_measures()),
    }


def staff_dashboard(*, user) -> dict:
    edition = previous_edition()
    changes = ChangeRecord.objects.filter(action=ChangeAction.PUBLISHED).select_related("user", "content_type")
    if edition is not None:
        changes = changes.filter(at__date__gte=edition.reference_date)
    return {
        "my_measures": list(Measure.objects.filter(editors=user)),
        "my_drafts": list(Draft.objects.filter(updated_by=user).select_related("content_type")),
        "in_review": Draft.objects.filter(state=DraftState.IN_REVIEW).count(),
        "recent_publications": list(changes[:30]),
        "previous_edition": edition,
        "upcoming_edition": upcoming_edition(),
        "stale_count": stale_measures().count(),
        "stale_mine_count": stale_measures(editor=user).count(),
    }
