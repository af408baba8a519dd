"""Load the programme's content from the YAML files in ``fixtures/`` into the database.

Used by ``manage.py load_programme``. Three promises:

* **Idempotent**: loading the same files twice changes nothing the second time.
* **Staff edits are kept**: every loaded record stores a checksum of the fixture data it
  was loaded from. When a record no longer matches that checksum, someone edited it
  after loading; the loader then leaves it alone (and says so) unless asked to
  overwrite with ``overwrite_edits=True``.
* **Files and database agree**: ``programme_differences`` compares every record with
  its file, which the tests and ``load_programme --check`` use.

Each kind of record has a pair of functions: ``_<kind>_wanted`` turns a YAML entry into
a canonical dict, ``_<kind>_export`` turns a database record into the same shape, and
``_<kind>_apply`` writes a canonical dict to a record. History records (statuses as
earlier sources reported them) are append-only and never overwritten.
"""
from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify

from core.content_version import content_changed
from legislation.models import ExpectedLaw, LawContentItem, LawKind, LawMilestone, MilestonePlanning, Phase
from measures.documents import ITEM_LISTS, measure_document, measure_document_apply
from measures.models import Measure, MeasureStatus, MeasureStatusChange, Priority, PriorityKind
from motions.kamerstukken import parse_kamerstuk_number
from motions.models import (
    Commitment,
    CommitmentStatus,
    Motion,
    MotionScope,
    MotionStatus,
    MotionStatusChange,
    MotionSubmitter,
)
from programme.codes import parse_measure_code
from programme.models import (
    EditionStatus,
    Goal,
    Organisation,
    Programme,
    ReportEdition,
    SourceDocument,
    SourceKind,
    StakeholderGroup,
)


class FixtureError(Exception):
    """The fixture files are malformed; the message names the file and the entry."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)
    history_added: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.overwritten or self.history_added)

    def summary(self) -> str:
        lines = [
            f"Nieuw: {len(self.created)}, bijgewerkt: {len(self.updated)}, "
            f"ongewijzigd: {len(self.unchanged)}, historie toegevoegd: {self.history_added}."
        ]
        if self.kept_edits:
            lines.append(
                "Niet overschreven omdat ze na het laden zijn bewerkt (gebruik --overwrite-edits "
                "om ze toch te vervangen): " + ", ".join(self.kept_edits)
            )
        if self.overwritten:
            lines.append("Bewerkingen overschreven: " + ", ".join(self.overwritten))
        return "\n".join(lines)


# --- Reading the files ---------------------------------------------------------------------


@dataclass
class Fixtures:
    sources: list[dict]
    programmes: list[dict]
    editions: list[dict]
    goals: list[dict]
    stakeholders: list[dict]
    measures: list[dict]
    priorities: list[dict]
    prioritised: dict
    measure_history: list[dict]
    motions: list[dict]
    commitments: list[dict]
    laws: list[dict]


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise FixtureError(f"{path}: bestand ontbreekt.") from None
    except yaml.YAMLError as error:
        raise FixtureError(f"{path}: geen geldige YAML: {error}") from None


def read_fixtures(folder: Path) -> Fixtures:
    measures = []
    for path in sorted((folder / "measures").glob("*.yaml")):
        entry = _read_yaml(path)
        if not isinstance(entry, dict) or "code" not in entry:
            raise FixtureError(f"{path}: verwacht een maatregel met een code.")
        entry["_file"] = path.name
        measures.append(entry)
    return Fixtures(
        sources=_read_yaml(folder / "sources.yaml"),
        programmes=_read_yaml(folder / "programmes.yaml"),
        editions=_read_yaml(folder / "editions.yaml"),
        goals=_read_yaml(folder / "goals.yaml"),
        stakeholders=_read_yaml(folder / "stakeholders.yaml"),
        measures=measures,
        priorities=_read_yaml(folder / "priorities.yaml"),
        prioritised=_read_yaml(folder / "prioritised_measures.yaml"),
        measure_history=_read_yaml(folder / "history" / "measure_statuses.yaml") or [],
        motions=_read_yaml(folder / "motions.yaml"),
        commitments=_read_yaml(folder / "commitments.yaml") or [],
        laws=_read_yaml(folder / "laws.yaml"),
    )


# --- Small helpers -------------------------------------------------------------------------


def _text(value: Any) -> str:
    """Block scalars end in a newline; stored text does not."""
    return "" if value is None else str(value).strip()


def _choice(value: Any, choices: type[models.TextChoices], where: str) -> str:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise FixtureError(f"{where}: onbekende waarde “{value}”; toegestaan: {allowed}.")
    return value


def _date(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise FixtureError(f"{where}: “{value}” is geen datum (JJJJ-MM-DD).") from None


def _code(value: Any, where: str) -> str:
    try:
        return str(parse_measure_code(str(value)))
    except ValidationError as error:
        raise FixtureError(f"{where}: {error.messages[0]}") from None


def _links(entries: list | None) -> list[dict]:
    # A footnote that only gives an address is shown with the address as its text.
    return [
        {"title": _text(link.get("title")) or link["url"], "url": link["url"]}
        for link in entries or []
    ]


def _checksum(wanted: dict) -> str:
    return hashlib.sha256(json.dumps(wanted, sort_keys=True, default=str).encode()).hexdigest()


class _Context:
    """What the loaders share: looked-up records and the running report."""

    def __init__(self, fixtures: Fixtures, report: LoadReport, overwrite_edits: bool):
        self.fixtures = fixtures
        self.report = report
        self.overwrite_edits = overwrite_edits
        self.sources: dict[str, SourceDocument] = {}
        self.programme: Programme | None = None
        self.editions: dict[str, ReportEdition] = {}
        self.measures: dict[str, Measure] = {}

    def source(self, key: str | None, where: str) -> SourceDocument | None:
        if key is None:
            return None
        if key not in self.sources:
            raise FixtureError(f"{where}: onbekende bron “{key}” (zie sources.yaml).")
        return self.sources[key]

    def measure(self, code: Any, where: str) -> Measure:
        code = _code(code, where)
        if code not in self.measures:
            raise FixtureError(f"{where}: maatregel {code} bestaat niet in fixtures/measures/.")
        return self.measures[code]


def _sync(
    ctx: _Context,
    label: str,
    record: models.Model | None,
    make: Callable[[], models.Model],
    wanted: dict,
    export: Callable[[models.Model], dict],
    apply: Callable[[models.Model, dict], None],
) -> models.Model:
    """Create, update or leave alone one record, keeping staff edits (see module doc)."""
    checksum = _checksum(wanted)
    if record is None:
        record = make()
        apply(record, wanted)
        ctx.report.created.append(label)
    else:
        current = export(record)
        if current == wanted:
            ctx.report.unchanged.append(label)
        elif record.fixture_checksum == _checksum(current):
            # Untouched since it was loaded: the fixture itself changed.
            apply(record, wanted)
            ctx.report.updated.append(label)
        elif ctx.overwrite_edits:
            apply(record, wanted)
            ctx.report.overwritten.append(label)
        else:
            ctx.report.kept_edits.append(label)
            return record
    type(record).objects.filter(pk=record.pk).update(fixture_checksum=checksum)
    record.fixture_checksum = checksum
    return record


def _save_fields(record: models.Model, values: dict) -> None:
    for name, value in values.items():
        setattr(record, name, value)
    record.full_clean(exclude=["programme", "parent", "source", "fixture_checksum"], validate_unique=False)
    record.save()


# --- Sources, programmes, editions ---------------------------------------------------------


def _load_sources(ctx: _Context) -> None:
    for entry in ctx.fixtures.sources:
        where = f"sources.yaml [{entry.get('key')}]"
        values = {
            "title": _text(entry["title"]),
            "kind": _choice(entry["kind"], SourceKind, where),
            "date": _date(entry.get("date"), where),
            "date_text": _text(entry.get("date_text")),
            "reference_date": _date(entry.get("reference_date"), where),
            "url": _text(entry.get("url")),
            "seed_file": _text(entry.get("seed_file")),
        }
        source, _created = SourceDocument.objects.update_or_create(key=entry["key"], defaults=values)
        ctx.sources[source.key] = source


def _load_programmes(ctx: _Context) -> None:
    by_slug: dict[str, Programme] = {}
    for entry in ctx.fixtures.programmes:
        programme, _created = Programme.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "start_year": entry["start_year"],
                "end_year": entry["end_year"],
                "predecessor": by_slug.get(entry.get("predecessor")),
            },
        )
        by_slug[programme.slug] = programme
        if entry.get("current"):
            ctx.programme = programme
    if ctx.programme is None:
        raise FixtureError("programmes.yaml: geen programma met current: true.")


EDITION_TEXT_FIELDS = [
    "introduction", "reading_guide", "goals_text", "monitor_text", "matrix_intro",
    "cooperation_text", "measures_intro", "measures_intro_footnote", "laws_intro",
]


def _edition_wanted(ctx: _Context, entry: dict) -> dict:
    where = f"editions.yaml [{entry.get('key')}]"
    wanted = {name: _text(entry.get(name)) for name in EDITION_TEXT_FIELDS}
    wanted.update(
        number=entry["number"],
        title=_text(entry["title"]),
        year=entry["year"],
        reference_date=_date(entry["reference_date"], where),
        source=entry.get("source"),
        introduction_links=_links(entry.get("introduction_links")),
        goals_links=_links(entry.get("goals_links")),
    )
    ctx.source(entry.get("source"), where)
    return wanted


def _edition_export(edition: ReportEdition) -> dict:
    exported = {name: getattr(edition, name) for name in EDITION_TEXT_FIELDS}
    exported.update(
        number=edition.number,
        title=edition.title,
        year=edition.year,
        reference_date=edition.reference_date.isoformat() if edition.reference_date else None,
        source=edition.source.key if edition.source else None,
        introduction_links=edition.introduction_links,
        goals_links=edition.goals_links,
    )
    return exported


def _load_editions(ctx: _Context) -> None:
    for entry in ctx.fixtures.editions:
        def apply(edition: ReportEdition, wanted: dict) -> None:
            values = dict(wanted, source=ctx.source(wanted["source"], "editions.yaml"))
            _save_fields(edition, values)

        def make(key=entry["key"]) -> ReportEdition:
            # The editions in the files are the ones already sent to parliament.
            return ReportEdition(programme=ctx.programme, key=key, status=EditionStatus.PUBLISHED)

        edition = _sync(
            ctx,
            f"editie {entry['key']}",
            ReportEdition.objects.filter(key=entry["key"]).first(),
            make,
            _edition_wanted(ctx, entry),
            _edition_export,
            apply,
        )
        ctx.editions[edition.key] = edition


# --- Stakeholders --------------------------------------------------------------------------


def _group(name: str) -> StakeholderGroup:
    group = StakeholderGroup.objects.filter(name=name).first()
    if group is None:
        group = StakeholderGroup.objects.create(name=name, slug=slugify(name)[:200])
    return group


def _load_stakeholders(ctx: _Context) -> None:
    for position, entry in enumerate(ctx.fixtures.stakeholders, start=1):
        group = _group(_text(entry["name"]))
        group.table_position = position
        group.note = _text(entry.get("note"))
        group.save()
        names = [_text(name) for name in entry.get("organisations") or []]
        group.organisations.exclude(name__in=names).delete()
        for org_position, name in enumerate(names, start=1):
            Organisation.objects.update_or_create(group=group, name=name, defaults={"position": org_position})


# --- Measures ------------------------------------------------------------------------------


def _measure_wanted(ctx: _Context, entry: dict, prioritised: set[str]) -> dict:
    where = f"measures/{entry.get('_file')}"
    code = _code(entry["code"], where)
    status = _choice(entry.get("status"), MeasureStatus, where)
    if status == MeasureStatus.UNKNOWN and not _text(entry.get("status_note")):
        raise FixtureError(f"{where}: status onbekend vraagt om een status_note.")
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


def _sync_unchecked(ctx, label, record, make, wanted, export, apply) -> None:
    """For records without staff editing (goals): make the database match the file."""
    if record is None:
        apply(make(), wanted)
        ctx.report.created.append(label)
    elif export(record) != wanted:
        apply(record, wanted)
        ctx.report.updated.append(label)
    else:
        ctx.report.unchanged.append(label)


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


def _add_status_record(ctx: _Context, model: type[models.Model], values: dict, **key: Any) -> None:
    """History is append-only: add a record once, never change what was reported."""
    if not model.objects.filter(**key).exists():
        record = model(**key, **values)
        record.save()
        ctx.report.history_added += 1


def _set_edition_status(ctx: _Context, model: type[models.Model], edition, status: str, values: dict,
                        **key: Any) -> None:
    """An edition reports one status per record: a corrected fixture corrects it."""
    record = model.objects.filter(edition=edition, **key).first()
    if record is None:
        model(edition=edition, source=edition.source, status=status, **key, **values).save()
        ctx.report.history_added += 1
    elif record.status != status:
        record.status = status
        record.explanation = values["explanation"]
        record.save()
        ctx.report.updated.append(f"{model._meta.verbose_name} {edition.key}")


def _load_measure_history(ctx: _Context) -> None:
    # The status each measure has in an edition is history too: "In uitvoering per
    # peildatum 1 februari 2025, volgens de Vierde voortgangsrapportage".
    for edition in ctx.editions.values():
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


# --- Motions and commitments ---------------------------------------------------------------


def _motion_wanted(ctx: _Context, entry: dict) -> dict:
    where = f"motions.yaml [{entry.get('number')}]"
    try:
        kamerstuk = str(parse_kamerstuk_number(entry["number"]))
    except ValidationError as error:
        raise FixtureError(f"{where}: {error.messages[0]}") from None
    status = _choice(entry.get("status"), MotionStatus, where)
    if status == MotionStatus.UNKNOWN and not _text(entry.get("status_note")):
        raise FixtureError(f"{where}: status onbekend vraagt om een status_note.")
    codes = sorted(_code(code, where) for code in entry.get("measures") or [])
    for code in codes:
        ctx.measure(code, where)
    ctx.source(entry.get("source_of_submitters"), where)
    return {
        "kamerstuk": kamerstuk,
        "number_as_written": _text(entry.get("number_as_written")),
        "title": _text(entry["title"]),
        "explanation": _text(entry.get("explanation")),
        "status": status,
        "status_note": _text(entry.get("status_note")),
        "scope": _choice(entry.get("scope"), MotionScope, where),
        "measures": codes,
        "submitters": [
            {"name": _text(person["name"]), "party": _text(person.get("party"))}
            for person in entry.get("submitters") or []
        ],
        "submitters_source": entry.get("source_of_submitters"),
    }


def _motion_export(motion: Motion) -> dict:
    return {
        "kamerstuk": motion.kamerstuk,
        "number_as_written": motion.number_as_written,
        "title": motion.title,
        "explanation": motion.explanation,
        "status": motion.status,
        "status_note": motion.status_note,
        "scope": motion.scope,
        "measures": sorted(measure.code for measure in motion.measures.all()),
        "submitters": [{"name": person.name, "party": person.party} for person in motion.submitters.all()],
        "submitters_source": motion.submitters_source.key if motion.submitters_source else None,
    }


def _load_motions(ctx: _Context) -> None:
    for position, entry in enumerate(ctx.fixtures.motions, start=1):
        wanted = _motion_wanted(ctx, entry)

        def apply(motion: Motion, wanted: dict, position=position) -> None:
            fields = {key: wanted[key] for key in
                      ["kamerstuk", "number_as_written", "title", "explanation", "status", "status_note", "scope"]}
            fields["position"] = position
            fields["submitters_source"] = ctx.source(wanted["submitters_source"], "motions.yaml")
            _save_fields(motion, fields)
            motion.measures.set([ctx.measures[code] for code in wanted["measures"]])
            motion.submitters.all().delete()
            MotionSubmitter.objects.bulk_create(
                MotionSubmitter(motion=motion, position=index, **person)
                for index, person in enumerate(wanted["submitters"], start=1)
            )

        motion = _sync(
            ctx,
            f"motie {wanted['kamerstuk']}",
            Motion.objects.filter(kamerstuk=wanted["kamerstuk"]).first(),
            lambda: Motion(programme=ctx.programme),
            wanted,
            _motion_export,
            apply,
        )
        if motion.position != position:
            Motion.objects.filter(pk=motion.pk).update(position=position)
        _load_motion_history(ctx, motion, entry)


def _load_motion_history(ctx: _Context, motion: Motion, entry: dict) -> None:
    where = f"motions.yaml [{entry.get('number')}]"
    for edition in ctx.editions.values():
        _set_edition_status(
            ctx, MotionStatusChange, edition, entry["status"],
            {"effective_date": edition.reference_date, "explanation": _text(entry.get("explanation"))},
            motion=motion,
        )
    for item in entry.get("history") or []:
        source = ctx.source(item["source"], where)
        _add_status_record(
            ctx,
            MotionStatusChange,
            {
                "effective_date": _date(item.get("date"), where),
                "date_text": "" if item.get("date") else source.date_text,
                "explanation": _text(item.get("explanation")),
            },
            motion=motion,
            status=_choice(item["status"], MotionStatus, where),
            source=source,
        )


def _commitment_slug(entry: dict) -> str:
    return slugify(entry.get("code") or entry["title"])[:120]


def _load_commitments(ctx: _Context) -> None:
    for position, entry in enumerate(ctx.fixtures.commitments, start=1):
        where = f"commitments.yaml [{entry.get('code') or entry.get('title')}]"
        wanted = {
            "code": _text(entry.get("code")) or None,
            "title": _text(entry["title"]),
            "description": _text(entry.get("description")),
            "status": _choice(entry.get("status"), CommitmentStatus, where),
            "due_text": _text(entry.get("due_text")),
            "measures": sorted(_code(code, where) for code in entry.get("measures") or []),
            "source": entry.get("source"),
            "position": position,
        }
        for code in wanted["measures"]:
            ctx.measure(code, where)
        ctx.source(wanted["source"], where)

        def apply(commitment: Commitment, wanted: dict) -> None:
            fields = {key: wanted[key] for key in ["code", "title", "description", "status", "due_text", "position"]}
            fields["source"] = ctx.source(wanted["source"], "commitments.yaml")
            _save_fields(commitment, fields)
            commitment.measures.set([ctx.measures[code] for code in wanted["measures"]])

        def export(commitment: Commitment) -> dict:
            return {
                "code": commitment.code,
                "title": commitment.title,
                "description": commitment.description,
                "status": commitment.status,
                "due_text": commitment.due_text,
                "measures": sorted(measure.code for measure in commitment.measures.all()),
                "source": commitment.source.key if commitment.source else None,
                "position": commitment.position,
            }

        slug = _commitment_slug(entry)
        _sync(
            ctx,
            f"toezegging {wanted['code'] or slug}",
            Commitment.objects.filter(slug=slug).first(),
            lambda slug=slug: Commitment(programme=ctx.programme, slug=slug),
            wanted,
            export,
            apply,
        )


# --- Laws ----------------------------------------------------------------------------------


def _milestone_wanted(ctx: _Context, item: dict, where: str) -> dict:
    phase = _choice(item.get("phase"), Phase, where)
    for planning in item.get("history") or []:
        ctx.source(planning["source"], where)
    ctx.source(item.get("actual_source"), where)
    return {
        "phase": phase,
        "label": _text(item.get("label")),
        "planned": _text(item.get("planned")),
        "actual": _date(item.get("actual"), where),
        "actual_text": _text(item.get("actual_text")),
        "actual_source": item.get("actual_source"),
        "history": [
            {"planned": _text(planning.get("planned")), "source": planning["source"]}
            for planning in item.get("history") or []
        ],
    }


def _law_wanted(ctx: _Context, entry: dict) -> dict:
    where = f"laws.yaml [{entry.get('number')}]"
    codes = sorted(_code(code, where) for code in entry.get("measures") or [])
    for code in codes:
        ctx.measure(code, where)
    return {
        "number": str(entry["number"]),
        "kind": _choice(entry.get("kind"), LawKind, where),
        "title": _text(entry["title"]),
        "planning_note": _text(entry.get("planning_note")),
        "status_text": _text(entry.get("status_text")),
        "content": [_text(item) for item in entry.get("content") or []],
        "measures": codes,
        "milestones": [_milestone_wanted(ctx, item, where) for item in entry.get("milestones") or []],
    }


def _law_export(law: ExpectedLaw) -> dict:
    return {
        "number": law.number,
        "kind": law.kind,
        "title": law.title,
        "planning_note": law.planning_note,
        "status_text": law.status_text,
        "content": [item.text for item in law.content_items.all()],
        "measures": sorted(measure.code for measure in law.measures.all()),
        "milestones": [
            {
                "phase": milestone.phase,
                "label": milestone.label,
                "planned": milestone.planned_text,
                "actual": milestone.actual_date.isoformat() if milestone.actual_date else None,
                "actual_text": milestone.actual_text,
                "actual_source": milestone.actual_source.key if milestone.actual_source else None,
                "history": [
                    {"planned": planning.planned_text, "source": planning.source.key}
                    for planning in milestone.planning_history.all()
                ],
            }
            for milestone in law.milestones.all()
        ],
    }


def _load_laws(ctx: _Context) -> None:
    edition_by_source = {edition.source.key: edition for edition in ctx.editions.values() if edition.source}
    latest = max(ctx.editions.values(), key=lambda edition: edition.reference_date, default=None)
    current_source = latest.source if latest else None
    for position, entry in enumerate(ctx.fixtures.laws, start=1):
        wanted = _law_wanted(ctx, entry)

        def apply(law: ExpectedLaw, wanted: dict, position=position) -> None:
            fields = {key: wanted[key] for key in ["number", "kind", "title", "planning_note", "status_text"]}
            fields["position"] = position
            if not law.slug:
                fields["slug"] = slugify(f"{wanted['number']} {wanted['title']}")[:120]
            _save_fields(law, fields)
            law.measures.set([ctx.measures[code] for code in wanted["measures"]])
            law.content_items.all().delete()
            LawContentItem.objects.bulk_create(
                LawContentItem(law=law, position=index, text=text)
                for index, text in enumerate(wanted["content"], start=1)
            )
            law.milestones.all().delete()
            for index, item in enumerate(wanted["milestones"], start=1):
                milestone = LawMilestone.objects.create(
                    law=law,
                    position=index,
                    phase=item["phase"],
                    label=item["label"],
                    planned_text=item["planned"],
                    actual_date=item["actual"],
                    actual_text=item["actual_text"],
                    actual_source=ctx.source(item["actual_source"], "laws.yaml"),
                    # The current planning is the one the latest edition states.
                    planned_source=current_source if item["planned"] else None,
                )
                for order, planning in enumerate(item["history"], start=1):
                    MilestonePlanning.objects.create(
                        milestone=milestone,
                        position=order,
                        planned_text=planning["planned"],
                        source=ctx.sources[planning["source"]],
                        edition=edition_by_source.get(planning["source"]),
                    )

        _sync(
            ctx,
            f"wet {wanted['number']}",
            ExpectedLaw.objects.filter(programme=ctx.programme, number=wanted["number"]).first(),
            lambda: ExpectedLaw(programme=ctx.programme),
            wanted,
            _law_export,
            apply,
        )


# --- Entry points --------------------------------------------------------------------------


def programme_load(*, fixtures_dir: Path, overwrite_edits: bool = False) -> LoadReport:
    """Load every fixture file in one transaction: all of it or, on an error, nothing."""
    fixtures = read_fixtures(fixtures_dir)
    report = LoadReport()
    ctx = _Context(fixtures, report, overwrite_edits)
    try:
        with transaction.atomic():
            _load_sources(ctx)
            _load_programmes(ctx)
            _load_editions(ctx)
            _load_stakeholders(ctx)
            _load_measures(ctx)
            _load_goals(ctx)
            _load_priorities(ctx)
            _load_measure_history(ctx)
            _load_motions(ctx)
            _load_commitments(ctx)
            _load_laws(ctx)
            if report.changed:
                content_changed()
    except ValidationError as error:
        raise FixtureError(f"Ongeldige gegevens: {'; '.join(error.messages)}") from None
    return report


def programme_differences(*, fixtures_dir: Path) -> list[str]:
    """Every record whose database content differs from its fixture file."""
    fixtures = read_fixtures(fixtures_dir)
    ctx = _Context(fixtures, LoadReport(), overwrite_edits=False)
    ctx.sources = {source.key: source for source in SourceDocument.objects.all()}
    ctx.measures = {measure.code: measure for measure in Measure.objects.all()}
    prioritised = {str(parse_measure_code(str(code))) for code in fixtures.prioritised["measures"]}
    differences = []

    def compare(label: str, record: models.Model | None, wanted: dict, export: Callable) -> None:
        if record is None:
            differences.append(f"{label}: ontbreekt in de database")
            return
        current = export(record)
        for key in wanted:
            if current.get(key) != wanted[key]:
                differences.append(f"{label}: {key} verschilt")

    for entry in fixtures.editions:
        compare(f"editie {entry['key']}", ReportEdition.objects.filter(key=entry["key"]).first(),
                _edition_wanted(ctx, entry), _edition_export)
    for entry in fixtures.measures:
        wanted = _measure_wanted(ctx, entry, prioritised)
        compare(f"maatregel {wanted['code']}", ctx.measures.get(wanted["code"]), wanted, measure_document)
    for entry in fixtures.motions:
        wanted = _motion_wanted(ctx, entry)
        compare(f"motie {wanted['kamerstuk']}", Motion.objects.filter(kamerstuk=wanted["kamerstuk"]).first(),
                wanted, _motion_export)
    for entry in fixtures.laws:
        wanted = _law_wanted(ctx, entry)
        compare(f"wet {wanted['number']}", ExpectedLaw.objects.filter(number=wanted["number"]).first(),
                wanted, _law_export)
    for entry in fixtures.goals:
        goal = Goal.objects.filter(number=entry["number"]).first()
        codes = sorted(str(parse_measure_code(str(code))) for code in entry.get("measures") or [])
        if goal is None or sorted(m.code for m in goal.measures.all()) != codes or goal.title != _text(entry["title"]):
            differences.append(f"doel {entry['number']}: verschilt")
    for entry in fixtures.stakeholders:
        group = StakeholderGroup.objects.filter(name=_text(entry["name"])).first()
        names = [_text(name) for name in entry.get("organisations") or []]
        if group is None or [org.name for org in group.organisations.all()] != names:
            differences.append(f"betrokkenen {entry['name']}: verschilt")
    return differences
