"""The programme's published history across every kind of record: status changes of
measures and motions, moved planning of laws and rewritten narratives of measures, for
the change list and the feeds."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import Lag
from django.utils import timezone
from django.utils.formats import date_format

from legislation.models import ExpectedLaw, LawMilestone, MilestonePlanning
from measures.models import Measure, MeasureStatusChange
from measures.selectors import CURRENT, edition_is_public, long_text_fields, source_date
from motions.models import Motion, MotionStatusChange
from programme.models import ReportEdition
from reports.progress import ListChange, TextChange, narrative_changes
from workspace.models import ChangeAction, ChangeRecord


@dataclass
class Change:
    """One entry of the programme's published history, for the change list and the feeds.

    ``kind`` is "measure" or "motion" (a status as recorded: ``record`` is the
    MeasureStatusChange or MotionStatusChange), "planning" (a law's planning moved:
    ``record`` is the MilestonePlanning that was replaced) or "text" (a measure's narrative
    was published rewritten: ``record`` is the publish in the audit trail, ``texts`` and
    ``lists`` say what changed). ``subject`` is the Measure, Motion or ExpectedLaw it is about.
    """

    kind: str
    date: datetime.date
    when: str
    subject: Any
    record: Any
    current: str
    previous: str | None
    is_change: bool
    milestone: LawMilestone | None = None
    source_title: str = ""
    source_url: str = ""
    edition: Any = None
    explanation: str = ""
    texts: list[TextChange] | None = None
    lists: list[ListChange] | None = None

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.record.pk}"


def record_source_title(record) -> str:
    """The source of a status record: a known document, or the title staff typed."""
    return record.source.title if record.source_id else record.source_title


def _status_changes(
    model, subject_field: str, filters: Q, only_changes: bool, limit: int | None
) -> list[Change]:
    records = (
        model.objects.filter(filters)
        .select_related(subject_field, "source", "edition")
        .defer(
            *long_text_fields(model._meta.get_field(subject_field).related_model, subject_field),
            *long_text_fields(ReportEdition, "edition"),
        )
        .annotate(
            previous_status=Window(
                Lag("status"), partition_by=[F(f"{subject_field}_id")], order_by=[F("sort_date").asc(), F("id").asc()]
            )
        )
        .order_by("-sort_date", "-id")
    )
    if only_changes:
        # Filtering on the window runs after it, so the previous status stays correct.
        records = records.filter(previous_status__isnull=False).exclude(previous_status=F("status"))
    if limit:
        records = records[:limit]
    labels = dict(model._meta.get_field("status").choices)
    return [
        Change(
            kind="measure" if model is MeasureStatusChange else "motion",
            date=record.sort_date,
            when=record.when,
            subject=getattr(record, subject_field),
            record=record,
            current=record.get_status_display(),
            previous=str(labels[record.previous_status]) if record.previous_status else None,
            is_change=record.previous_status is not None and record.previous_status != record.status,
            source_title=record_source_title(record),
            source_url=record.source_url,
            edition=record.edition if edition_is_public(record.edition) else None,
            explanation=record.explanation,
        )
        for record in records
    ]


def _planning_changes(filters: Q) -> list[Change]:
    """Each time a law's planning moved: the replaced planning and what replaced it.

    The move is dated by the day staff replaced the planning or, for plannings loaded
    from the sources, by the source that stated the new planning.
    """
    plannings = list(
        MilestonePlanning.objects.filter(filters)
        .select_related("milestone__law", "milestone__planned_source", "source", "edition")
        .order_by("milestone_id", "position", "id")
    )
    changes = []
    for index, planning in enumerate(plannings):
        milestone = planning.milestone
        following = plannings[index + 1] if index + 1 < len(plannings) else None
        if following is not None and following.milestone_id == planning.milestone_id:
            new_text, new_source, new_edition = following.planned_text, following.source, following.edition
        else:
            new_text, new_source, new_edition = milestone.planned_text, milestone.planned_source, None
        if not new_text or new_text == planning.planned_text:
            continue
        if planning.superseded_on:
            date, when = planning.superseded_on, date_format(planning.superseded_on, "j F Y")
        elif new_source is not None:
            date, when = source_date(new_source, new_edition)
        else:
            continue
        if date is None:
            continue
        changes.append(
            Change(
                kind="planning",
                date=date,
                when=when,
                subject=milestone.law,
                record=planning,
                milestone=milestone,
                current=new_text,
                previous=planning.planned_text or None,
                is_change=True,
                source_title=new_source.title if new_source else "",
                edition=new_edition if edition_is_public(new_edition) else None,
            )
        )
    return changes


def _narrative_changes(measures: Any, limit: int | None) -> list[Change]:
    """Publishes that rewrote a measure's narrative (texts, steps, next steps, ...), from
    the audit trail: its before and after are the published versions."""
    publishes = ChangeRecord.objects.filter(
        action=ChangeAction.PUBLISHED, content_type=ContentType.objects.get_for_model(Measure)
    ).order_by("-at", "-id")
    if measures is not None:
        publishes = publishes.filter(object_id__in=measures)
    changes = []
    found = []
    for publish in publishes.iterator():
        texts, lists = narrative_changes(publish.before or {}, publish.after or {})
        if texts or lists:
            found.append((publish, texts, lists))
            if limit and len(found) >= limit:
                break
    subjects = Measure.objects.in_bulk([publish.object_id for publish, _texts, _lists in found])
    for publish, texts, lists in found:
        if publish.object_id not in subjects:
            continue
        day = timezone.localdate(publish.at)
        changes.append(Change(
            kind="text", date=day, when=date_format(day, "j F Y"), subject=subjects[publish.object_id],
            record=publish, current="", previous=None, is_change=True, texts=texts, lists=lists,
        ))
    return changes


def change_list(
    *, goal: int | None = None, measure: str | None = None, only_changes: bool = False, limit: int | None = None
) -> list[Change]:
    """The published history, newest first: measure and motion statuses as recorded, the
    planning of laws as sources stated it, and narratives of measures as published.

    ``goal`` (a number) or ``measure`` (a code) narrows it to what concerns that goal or
    measure (its sub-measures, linked motions and laws included). ``only_changes`` keeps
    the entries where something changed: a new status or a moved planning.
    """
    measure_filter = Q(measure__programme__successors__isnull=True)
    motion_filter = Q(motion__programme__successors__isnull=True)
    law_filter = Q(milestone__law__programme__successors__isnull=True)
    linked = None
    if measure is not None:
        linked = Q(code=measure) | Q(parent__code=measure)
    elif goal is not None:
        linked = Q(goals__number=goal) | Q(parent__goals__number=goal)
    if linked is not None:
        measures = Measure.objects.filter(linked, CURRENT).values("pk")
        measure_filter &= Q(measure__in=measures)
        motion_filter &= Q(
            Exists(Motion.measures.through.objects.filter(motion=OuterRef("motion"), measure__in=measures))
        )
        law_filter &= Q(
            Exists(
                ExpectedLaw.measures.through.objects.filter(
                    expectedlaw=OuterRef("milestone__law"), measure__in=measures
                )
            )
        )
    measure_ids = Measure.objects.filter(linked, CURRENT).values("pk") if linked is not None else None
    changes = (
        _status_changes(MeasureStatusChange, "measure", measure_filter, only_changes, limit)
        + _status_changes(MotionStatusChange, "motion", motion_filter, only_changes, limit)
        + _planning_changes(law_filter)
        + _narrative_changes(measure_ids, limit)
    )
    if only_changes:
        changes = [change for change in changes if change.is_change]
    changes.sort(key=lambda change: (change.date, change.kind, change.record.pk), reverse=True)
    return changes[:limit] if limit else changes
