"""Loading the programme core: sources, programmes, editions, stakeholder groups."""
from __future__ import annotations

from django.utils.text import slugify

from programme.models import (
    EditionStatus,
    Organisation,
    Programme,
    ReportEdition,
    SourceDocument,
    SourceKind,
    StakeholderGroup,
)

from .base import FixtureError, _choice, _Context, _date, _links, _save_fields, _sync, _text


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
        reference_date_text=_text(entry.get("reference_date_text")),
        is_reconstructed=bool(entry.get("reconstructed")),
        source=entry.get("source"),
        introduction_links=_links(entry.get("introduction_links")),
        introduction_notes=[
            {"text": _text(note["text"]), "after": _text(note["after"])}
            for note in entry.get("introduction_notes") or []
        ],
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
        reference_date_text=edition.reference_date_text,
        is_reconstructed=edition.is_reconstructed,
        source=edition.source.key if edition.source else None,
        introduction_links=edition.introduction_links,
        introduction_notes=edition.introduction_notes,
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
            return ReportEdition(programme=ctx.programme, key=key, status=EditionStatus.ADOPTED)

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
    table = [entry for entry in ctx.fixtures.stakeholders if entry.get("in_table", True)]
    for entry in ctx.fixtures.stakeholders:
        group = _group(_text(entry["name"]))
        group.table_position = table.index(entry) + 1 if entry in table else None
        group.note = _text(entry.get("note"))
        group.save()
        # The measures' labels that count under this group (created here if no measure
        # has named them yet; the measures find them by name).
        group.labels.set([_group(_text(label)) for label in entry.get("labels") or []])
        names = [_text(name) for name in entry.get("organisations") or []]
        group.organisations.exclude(name__in=names).delete()
        for org_position, name in enumerate(names, start=1):
            Organisation.objects.update_or_create(group=group, name=name, defaults={"position": org_position})
