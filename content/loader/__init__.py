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

from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models, transaction

from core.content_version import content_changed
from legislation.models import ExpectedLaw
from measures.documents import measure_document
from measures.models import KeyFigure, Measure
from motions.models import Motion
from programme.codes import parse_measure_code
from programme.models import Goal, ReportEdition, SourceDocument, StakeholderGroup
from programme.signals import programme_loaded

from .base import FixtureError, LoadReport, _Context, _text, read_fixtures
from .figures import _figure_export, _figure_wanted, _load_figures
from .laws import _law_export, _law_wanted, _load_laws
from .measures import (
    _load_announced_steps,
    _load_goals,
    _load_measure_history,
    _load_measures,
    _load_priorities,
    _measure_wanted,
)
from .motions import _load_commitments, _load_motions, _motion_export, _motion_wanted
from .programme import (
    _edition_export,
    _edition_wanted,
    _load_editions,
    _load_programmes,
    _load_sources,
    _load_stakeholders,
)


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
            _load_announced_steps(ctx)
            _load_motions(ctx)
            _load_commitments(ctx)
            _load_laws(ctx)
            # Before the editions are frozen (programme_loaded): their state includes the figures.
            _load_figures(ctx)
            programme_loaded.send(
                sender=programme_load, edition_keys=[entry["key"] for entry in fixtures.editions],
                fixtures_sha256=fixtures.sha256, staff_edits_kept=bool(report.kept_edits),
            )
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
    for position, entry in enumerate(fixtures.figures, start=1):
        wanted = _figure_wanted(ctx, entry, position)
        compare(f"kerncijfer {wanted['key']}", KeyFigure.objects.filter(key=wanted["key"]).first(),
                wanted, _figure_export)
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
