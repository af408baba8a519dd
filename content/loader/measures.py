"""Loading measures, the goal-measure matrix, priorities, the measures' status history and
the next steps the sources announced."""
from __future__ import annotations

from measures.documents import ITEM_LISTS, measure_document, measure_document_apply
from measures.models import (
    AnnouncedStep,
    Measure,
    MeasureStatus,
    MeasureStatusChange,
    Priority,
    PriorityKind,
    StepOutcome,
)
from programme.codes import parse_measure_code
from programme.models import (
    Goal,
)
from programme.planning import parse_planning

from .base import (
    FixtureError,
    _add_status_record,
    _choice,
    _code,
    _Context,
    _date,
    _links,
    _save_fields,
    _set_edition_status,
    _sync,
    _sync_unchecked,
    _text,
)
from .programme import _group


def _measure_wanted(ctx: _Context, entry: dict, prioritised: set[str]) -> dict:
    where = f"measures/{entry.get('_file')}"
    code = _code(entry["code"], where)
    status = _choice(entry.get("status"), MeasureStatus, where)
    wanted = {
        "code": code,
        "title": _text(entry["title"]),
        "chapter_title": _text(entry.get("chapter_title")),
        "status": status,
        "status_note": _text(entry.get("status_note")),
        "is_prioritised": code in prioritised,
        "has_chapter": bool(entry.get("has_chapter")),
        "introduction": _text(entry.get("introduction")),
        "summary": _text(entry.get("summary")),
        "stakeholders": [_text(name) for name in entry.get("stakeholders") or []],
        "links": _links(entry.get("links")),
        "internal_note": _text(entry.get("internal_note")),
    }
    for key in ITEM_LISTS:
        wanted[key] = [_text(item) for item in entry.get(key) or []]
    return wanted


def _measure_apply(measure: Measure, wanted: dict) -> None:
    # Labels of a measure's "Betrokkenen" box are stakeholder groups too.
    for name in wanted["stakeholders"]:
        _group(name)
    measure_document_apply(measure=measure, document=wanted)


def _load_measures(ctx: _Context) -> None:
    prioritised = {_code(code, "prioritised_measures.yaml") for code in ctx.fixtures.prioritised["measures"]}
    entries = sorted(
        ctx.fixtures.measures,
        key=lambda entry: parse_measure_code(_code(entry["code"], f"measures/{entry['_file']}")),
    )
    seen = set()
    for entry in entries:
        wanted = _measure_wanted(ctx, entry, prioritised)
        code = wanted["code"]
        if code in seen:
            raise FixtureError(f"measures/{entry['_file']}: maatregel {code} staat er twee keer in.")
        seen.add(code)
        parent_code = parse_measure_code(code).parent

        def make(parent_code=parent_code, where=f"measures/{entry['_file']}") -> Measure:
            parent = ctx.measures.get(str(parent_code)) if parent_code else None
            if parent_code and parent is None:
                raise FixtureError(f"{where}: submaatregel zonder hoofdmaatregel {parent_code} in fixtures/measures/.")
            return Measure(programme=ctx.programme, parent=parent)

        ctx.measures[code] = _sync(
            ctx,
            f"maatregel {code}",
            Measure.objects.filter(programme=ctx.programme, code=code).first(),
            make,
            wanted,
            measure_document,
            _measure_apply,
        )
    for code in prioritised - seen:
        raise FixtureError(f"prioritised_measures.yaml: maatregel {code} bestaat niet.")


def _load_goals(ctx: _Context) -> None:
    for entry in ctx.fixtures.goals:
        where = f"goals.yaml [doel {entry.get('number')}]"
        wanted = {
            "number": entry["number"],
            "title": _text(entry["title"]),
            "measures": sorted(_code(code, where) for code in entry.get("measures") or []),
        }
        for code in wanted["measures"]:
            ctx.measure(code, where)

        def apply(goal: Goal, wanted: dict) -> None:
            _save_fields(goal, {"number": wanted["number"], "title": wanted["title"]})
            goal.measures.set([ctx.measures[code] for code in wanted["measures"]])

        def export(goal: Goal) -> dict:
            return {
                "number": goal.number,
                "title": goal.title,
                "measures": sorted(measure.code for measure in goal.measures.all()),
            }

        _sync_unchecked(
            ctx,
            f"doel {entry['number']}",
            Goal.objects.filter(programme=ctx.programme, number=entry["number"]).first(),
            lambda: Goal(programme=ctx.programme),
            wanted,
            export,
            apply,
        )


def _load_priorities(ctx: _Context) -> None:
    for entry in ctx.fixtures.priorities:
        where = f"priorities.yaml [{entry.get('kind')} {entry.get('number')}]"
        priority, _created = Priority.objects.update_or_create(
            programme=ctx.programme,
            kind=_choice(entry["kind"], PriorityKind, where),
            number=entry["number"],
            defaults={
                "title": _text(entry["title"]),
                "year": entry["year"],
                "description": _text(entry.get("description")),
                "source": ctx.source(entry["source"], where),
            },
        )
        priority.measures.set([ctx.measure(code, where) for code in entry.get("measures") or []])


def _load_measure_history(ctx: _Context) -> None:
    # The status each measure has in an edition is history too: "In uitvoering per
    # peildatum 1 februari 2025, volgens de Vierde voortgangsrapportage".
    for edition in ctx.reported_editions():
        for entry in ctx.fixtures.measures:
            measure = ctx.measures[_code(entry["code"], "measures")]
            _set_edition_status(
                ctx, MeasureStatusChange, edition, entry["status"],
                {"effective_date": edition.reference_date, "explanation": _text(entry.get("status_note"))},
                measure=measure,
            )
    for entry in ctx.fixtures.measure_history:
        where = f"history/measure_statuses.yaml [maatregel {entry.get('measure')}]"
        source = ctx.source(entry["source"], where)
        _add_status_record(
            ctx,
            MeasureStatusChange,
            {
                "effective_date": _date(entry.get("date"), where),
                "date_text": "" if entry.get("date") else source.date_text,
                "explanation": _text(entry.get("explanation")),
            },
            measure=ctx.measure(entry["measure"], where),
            status=_choice(entry["status"], MeasureStatus, where),
            source=source,
        )


def _load_announced_steps(ctx: _Context) -> None:
    """Next steps the sources announced and what a later report said became of them. The
    file is the whole record of them: a step taken out of it is removed."""
    keys = []
    for position, entry in enumerate(ctx.fixtures.announced_steps, start=1):
        where = f"history/announced_steps.yaml [{entry.get('key')}]"
        period = parse_planning(entry.get("target_period"))
        if entry.get("target_period") and period is None:
            raise FixtureError(f"{where}: target_period “{entry['target_period']}” is geen periode.")
        editions = {}
        for name in ("edition", "outcome_edition"):
            if entry.get(name) and entry[name] not in ctx.editions:
                raise FixtureError(f"{where}: onbekende editie “{entry[name]}” (zie editions.yaml).")
            editions[name] = ctx.editions.get(entry.get(name))
        AnnouncedStep.objects.update_or_create(key=entry["key"], defaults={
            "measure": ctx.measure(entry["measure"], where),
            "edition": editions["edition"],
            "text": _text(entry["text"]),
            "target_text": _text(entry.get("target")),
            "target_start": period[0] if period else None,
            "target_end": period[1] if period else None,
            "outcome_edition": editions["outcome_edition"],
            "outcome": _choice(entry.get("outcome") or StepOutcome.NOT_RECORDED, StepOutcome, where),
            "outcome_text": _text(entry.get("outcome_text")),
            "new_target_text": _text(entry.get("new_target")),
            "position": position,
        })
        keys.append(entry["key"])
    AnnouncedStep.objects.exclude(key__in=keys).delete()
