"""What every part of the loader shares: reading the files, small converters, and the
context that syncs one record with its fixture entry (checksums, staff edits kept)."""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import models

from measures.models import Measure
from programme.codes import parse_measure_code
from programme.models import (
    Programme,
    ReportEdition,
    SourceDocument,
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
    announced_steps: list[dict]
    motions: list[dict]
    commitments: list[dict]
    laws: list[dict]
    figures: list[dict]

    @property
    def sha256(self) -> str:
        """A checksum of the files' content (not of their comments or layout)."""
        content = json.dumps(dataclasses.asdict(self), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(content.encode()).hexdigest()


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
        announced_steps=_read_yaml(folder / "history" / "announced_steps.yaml") or [],
        motions=_read_yaml(folder / "motions.yaml"),
        commitments=_read_yaml(folder / "commitments.yaml") or [],
        laws=_read_yaml(folder / "laws.yaml"),
        figures=_read_yaml(folder / "figures.yaml") or [],
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
    # ``after``: the words of the text the source's footnote follows, where the report
    # cites the link in a footnote rather than in the list of links.
    links = []
    for link in entries or []:
        entry = {"title": _text(link.get("title")) or link["url"], "url": link["url"]}
        if link.get("after"):
            entry["after"] = _text(link["after"])
        links.append(entry)
    return links


def _checksum(wanted: dict) -> str:
    # An empty internal note is left out, so records loaded before the field existed keep
    # their checksum and are still told apart from staff edits.
    if not wanted.get("internal_note"):
        wanted = {key: value for key, value in wanted.items() if key != "internal_note"}
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

    def reported_editions(self) -> list[ReportEdition]:
        """The editions whose report the files transcribe: the current statuses in the files
        are what those reports state. A reconstructed edition states only its own sources'
        history records."""
        return [edition for edition in self.editions.values() if not edition.is_reconstructed]

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
