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
from measures.figure_selectors import figure_list, figures_known_at
from measures.models import AnnouncedStep, KeyFigure, Measure, MeasureItemKind
from motions.models import Motion
from programme.models import ReportEdition, SourceDocument, StatusRecord
from programme.planning import parse_planning

from . import selectors
from .next_steps import step_outcomes
from .progress import edition_progress_between

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
        "next_step_details": [
            {"id": item.key, "text": item.text, "target_text": item.target_text,
             "target_start": _iso(item.target_start), "target_end": _iso(item.target_end)}
            for item in sorted(measure.items.all(), key=lambda item: item.position)
            if item.kind == MeasureItemKind.NEXT_STEP
        ],
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


def _figure(figure: KeyFigure) -> dict:
    return {
        "series": figure.series,
        "title": figure.title,
        "unit": figure.unit,
        # As text: JSON numbers would turn 9.5 into a float (and the checksum with it).
        "value": None if figure.value is None else str(figure.value),
        "wording": figure.wording,
        "period": figure.period,
        "date": _iso(figure.date),
        "source_key": figure.source.key,
        "edition_key": figure.edition_key or None,
        "measure_codes": [measure.code for measure in figure.measures.all()],
    }


def _figures(edition: ReportEdition) -> list[dict]:
    """The figures known at ``edition``: its own and those of earlier editions and sources."""
    return [_figure(figure) for figure in figures_known_at(edition=edition, figures=list(figure_list()))]


def _edition(edition: ReportEdition) -> dict:
    return {
        "key": edition.key,
        "number": edition.number,
        "title": edition.title,
        "year": edition.year,
        "reference_date": _iso(edition.reference_date),
        "reference_date_text": edition.reference_date_text,
        "reference_label": edition.reference_label,
        "reconstructed": edition.is_reconstructed,
        "status": edition.status,
        "published_on": _iso(edition.published_on),
        "source": _source(edition.source),
        "introduction": edition.introduction,
        "introduction_links": edition.introduction_links,
        "introduction_notes": edition.introduction_notes,
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


def _recorded_outcomes(edition: ReportEdition) -> dict[str, dict]:
    """What the sources say became of steps announced before ``edition`` (AnnouncedStep)."""
    return {
        step.key: {"outcome": step.outcome, "new_target_text": step.new_target_text, "note": step.outcome_text}
        for step in AnnouncedStep.objects.filter(outcome_edition=edition)
    }


def report_snapshot_build(*, edition: ReportEdition, step_answers: dict[str, dict] | None = None) -> dict[str, Any]:
    """Serialise the published data of ``edition``'s report to JSON-safe values.

    ``step_answers`` are the eindredacteur's outcomes for next steps the previous report
    announced and this one no longer lists (see next_steps.py)."""
    with _consistent_read():
        edition = selectors.report_edition_get(key=edition.key)
        programme = edition.programme
        previous = selectors.report_edition_previous(edition=edition)
        state = {
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
            "figures": _figures(edition),
        }
    # The report carries its own comparison with the previous one (its annex), so that
    # the annex, too, never changes once the edition is frozen.
    has_basis = previous is not None and previous.frozen_state is not None
    if has_basis:
        recorded = {**_recorded_outcomes(edition), **(step_answers or {})}
        state["next_step_outcomes"] = step_outcomes(previous.frozen_state, state, recorded)
    state["changes"] = edition_progress_between(previous.frozen_state, state).as_dict() if has_basis else None
    return state


def report_snapshot_checksum(snapshot: dict[str, Any]) -> str:
    """A checksum of the snapshot's content, independent of key order."""
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


# What a reconstructed edition says where its sources say nothing.
UNKNOWN = "niet bekend uit de bronnen"


def report_state_reconstruct(*, edition: ReportEdition) -> dict[str, Any]:
    """The state of an edition known only from its source (the 2024 report, from the
    Kamerbrief that accompanied it), in the shape of a snapshot.

    It holds only what that source states, each with the source: statuses from its history
    records, planning and milestones it reports, motions it names. Everything else is None
    (shown as "niet bekend uit de bronnen"); nothing is copied from a later edition.
    """
    with _consistent_read():
        edition = selectors.report_edition_get(key=edition.key)
        programme = edition.programme
        source_id = edition.source_id

        def stated(records) -> list:
            return [record for record in records if record.source_id == source_id]

        announced: dict[int, list[dict]] = {}
        for step in AnnouncedStep.objects.filter(edition=edition).order_by("position", "id"):
            period = parse_planning(step.target_text)
            announced.setdefault(step.measure_id, []).append({
                "id": step.key, "text": step.text, "target_text": step.target_text,
                "target_start": _iso(period[0]) if period else None, "target_end": _iso(period[1]) if period else None,
            })
        measures = []
        for measure in selectors.report_measures(programme=programme):
            records = stated(measure.status_changes.all())
            latest = records[-1] if records else None
            measures.append({
                "code": measure.code, "number": measure.number, "suffix": measure.suffix,
                "parent_code": measure.parent.code if measure.parent else None,
                "title": measure.title, "heading": measure.heading,
                "status": latest.status if latest else None,
                "status_label": str(latest.get_status_display()) if latest else UNKNOWN,
                "status_note": None, "is_prioritised": None, "has_chapter": False,
                "introduction": None, "summary": None, "stakeholders": None,
                **dict.fromkeys(ITEM_LISTS.values()), "links": [],
                "next_step_details": announced.get(measure.pk, []),
                "history": [_status_record(record) for record in records],
            })
        laws = []
        for law in selectors.report_laws(programme=programme):
            milestones = []
            for milestone in law.milestones.all():
                plans = stated(milestone.planning_history.all())
                happened = milestone.actual_source_id == source_id
                if plans or happened:
                    milestones.append({
                        "phase": milestone.phase, "phase_label": str(milestone.get_phase_display()),
                        "label": milestone.label,
                        "planned_text": plans[-1].planned_text if plans else None,
                        "planned_start": _iso(plans[-1].planned_start) if plans else None,
                        "planned_end": _iso(plans[-1].planned_end) if plans else None,
                        "actual_date": _iso(milestone.actual_date) if happened else None,
                        "actual_text": milestone.actual_text if happened else None,
                        "history": [_planning(planning) for planning in plans],
                    })
            if milestones:
                laws.append({
                    "number": law.number, "kind": law.kind, "title": law.title, "content": None,
                    "measure_codes": [measure.code for measure in law.measures.all()],
                    "planning_note": None, "status_text": None, "milestones": milestones,
                })
        motions = []
        for motion in selectors.report_motions(programme=programme):
            records = stated(motion.status_changes.all())
            if not records and motion.submitters_source_id != source_id:
                continue
            latest = records[-1] if records else None
            motions.append({
                "kamerstuk": motion.kamerstuk, "number_as_written": motion.number_as_written,
                "title": motion.title, "explanation": None,
                "status": latest.status if latest else None,
                "status_label": str(latest.get_status_display()) if latest else UNKNOWN,
                "status_note": None,
                "measure_codes": [measure.code for measure in motion.measures.all()],
                "history": [_status_record(record) for record in records],
            })
        return {
            "version": SNAPSHOT_VERSION,
            "taken_at": timezone.now().isoformat(timespec="seconds"),
            "reconstructed": True,
            "edition": _edition(edition),
            "previous_edition": None,
            "programme": {"name": programme.name, "start_year": programme.start_year, "end_year": programme.end_year},
            "goals": None,
            "measures": measures,
            "stakeholder_table": None,
            "laws": laws,
            "motions": motions,
            "figures": _figures(edition),
        }
