"""A snapshot of everything a report shows, as plain JSON.

A generation takes the snapshot when it starts and renders only from it: edits made
while the PDF renders cannot leak in, and rendering the same snapshot again gives the
same document. Display labels of choices are stored too, so that a renamed label in the
code does not change a regenerated report.
"""
import datetime
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from legislation.models import ExpectedLaw, LawMilestone, MilestonePlanning
from measures.models import Measure, MeasureItemKind
from motions.models import Motion
from programme.models import ReportEdition, SourceDocument, StatusRecord

from . import selectors

# Bump when the shape changes; rendering refuses snapshots it does not understand.
SNAPSHOT_VERSION = 1

ITEM_LISTS = {
    MeasureItemKind.DILEMMA: "dilemmas",
    MeasureItemKind.STEP: "steps",
    MeasureItemKind.NEXT_STEP: "next_steps",
    MeasureItemKind.SCHOOL_ACTION: "school_actions",
}


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _source(source: SourceDocument | None) -> dict | None:
    if source is None:
        return None
    return {
        "key": source.key,
        "title": source.title,
        "kind": source.kind,
        "date": _iso(source.date),
        "date_text": source.date_text,
        "reference_date": _iso(source.reference_date),
    }


def _status_record(record: StatusRecord) -> dict:
    return {
        "status": record.status,
        "status_label": str(record.get_status_display()),
        "when": record.when,
        "sort_date": _iso(record.sort_date),
        "explanation": record.explanation,
        "source": _source(record.source),
        "edition_key": record.edition.key if record.edition else None,
    }


def _measure(measure: Measure) -> dict:
    lists: dict[str, list[str]] = {name: [] for name in ITEM_LISTS.values()}
    links = []
    for item in sorted(measure.items.all(), key=lambda item: (item.kind, item.position)):
        if item.kind == MeasureItemKind.LINK:
            links.append({"title": item.text, "url": item.url})
        else:
            lists[ITEM_LISTS[item.kind]].append(item.text)
    return {
        "code": measure.code,
        "number": measure.number,
        "suffix": measure.suffix,
        "parent_code": measure.parent.code if measure.parent else None,
        "title": measure.title,
        "heading": measure.heading,
        "status": measure.status,
        "status_label": str(measure.get_status_display()),
        "status_note": measure.status_note,
        "is_prioritised": measure.is_prioritised,
        "has_chapter": measure.has_chapter,
        "introduction": measure.introduction,
        "summary": measure.summary,
        "stakeholders": [link.group.name for link in measure.ordered_stakeholders],
        **lists,
        "links": links,
        "history": [_status_record(record) for record in measure.status_changes.all()],
    }


def _planning(planning: MilestonePlanning) -> dict:
    return {
        "planned_text": planning.planned_text,
        "planned_start": _iso(planning.planned_start),
        "planned_end": _iso(planning.planned_end),
        "source": _source(planning.source),
        "edition_key": planning.edition.key if planning.edition else None,
        "superseded_on": _iso(planning.superseded_on),
    }


def _milestone(milestone: LawMilestone) -> dict:
    return {
        "phase": milestone.phase,
        "phase_label": str(milestone.get_phase_display()),
        "label": milestone.label,
        "planned_text": milestone.planned_text,
        "planned_start": _iso(milestone.planned_start),
        "planned_end": _iso(milestone.planned_end),
        "actual_date": _iso(milestone.actual_date),
        "actual_text": milestone.actual_text,
        "history": [_planning(planning) for planning in milestone.planning_history.all()],
    }


def _law(law: ExpectedLaw) -> dict:
    return {
        "number": law.number,
        "kind": law.kind,
        "title": law.title,
        "content": [item.text for item in law.content_items.all()],
        "measure_codes": [measure.code for measure in law.measures.all()],
        "planning_note": law.planning_note,
        "status_text": law.status_text,
        "milestones": [_milestone(milestone) for milestone in law.milestones.all()],
    }


def _motion(motion: Motion) -> dict:
    return {
        "kamerstuk": motion.kamerstuk,
        "number_as_written": motion.number_as_written,
        "title": motion.title,
        "explanation": motion.explanation,
        "status": motion.status,
        "status_label": str(motion.get_status_display()),
        "status_note": motion.status_note,
        "measure_codes": [measure.code for measure in motion.measures.all()],
        "history": [_status_record(record) for record in motion.status_changes.all()],
    }


def _edition(edition: ReportEdition) -> dict:
    return {
        "key": edition.key,
        "number": edition.number,
        "title": edition.title,
        "year": edition.year,
        "reference_date": _iso(edition.reference_date),
        "status": edition.status,
        "published_on": _iso(edition.published_on),
        "source": _source(edition.source),
        "introduction": edition.introduction,
        "introduction_links": edition.introduction_links,
        "reading_guide": edition.reading_guide,
        "goals_text": edition.goals_text,
        "goals_links": edition.goals_links,
        "monitor_text": edition.monitor_text,
        "matrix_intro": edition.matrix_intro,
        "cooperation_text": edition.cooperation_text,
        "measures_intro": edition.measures_intro,
        "measures_intro_footnote": edition.measures_intro_footnote,
        "laws_intro": edition.laws_intro,
    }


@contextmanager
def _consistent_read() -> Iterator[None]:
    """Read every table as of one moment, so a publish halfway cannot mix old and new.

    Inside an outer transaction (tests, a caller's atomic block) the isolation level can
    no longer be set; the caller's transaction is then what keeps the reads together.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        with transaction.atomic():
            yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def report_snapshot_build(*, edition: ReportEdition) -> dict[str, Any]:
    """Serialise the published data of ``edition``'s report to JSON-safe values."""
    with _consistent_read():
        edition = selectors.report_edition_get(key=edition.key)
        programme = edition.programme
        previous = selectors.report_edition_previous(edition=edition)
        return {
            "version": SNAPSHOT_VERSION,
            "taken_at": timezone.now().isoformat(timespec="seconds"),
            "edition": _edition(edition),
            "previous_edition": _edition(previous) if previous else None,
            "programme": {"name": programme.name, "start_year": programme.start_year, "end_year": programme.end_year},
            "goals": [
                {"number": goal.number, "title": goal.title, "measure_codes": [m.code for m in goal.measures.all()]}
                for goal in selectors.report_goals(programme=programme)
            ],
            "measures": [_measure(measure) for measure in selectors.report_measures(programme=programme)],
            "stakeholder_table": [
                {"name": group.name, "organisations": [o.name for o in group.organisations.all()], "note": group.note}
                for group in selectors.report_stakeholder_table()
            ],
            "laws": [_law(law) for law in selectors.report_laws(programme=programme)],
            "motions": [_motion(motion) for motion in selectors.report_motions(programme=programme)],
        }


def report_snapshot_checksum(snapshot: dict[str, Any]) -> str:
    """A checksum of the snapshot's content, independent of key order."""
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
