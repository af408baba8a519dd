"""Loading expected laws with their milestones and planning history."""
from __future__ import annotations

from django.utils.text import slugify

from legislation.models import ExpectedLaw, LawContentItem, LawKind, LawMilestone, MilestonePlanning, Phase

from .base import _choice, _code, _Context, _date, _save_fields, _sync, _text


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
        "internal_note": _text(entry.get("internal_note")),
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
        "internal_note": law.internal_note,
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
    latest = max(ctx.reported_editions(), key=lambda edition: edition.number, default=None)
    current_source = latest.source if latest else None
    for position, entry in enumerate(ctx.fixtures.laws, start=1):
        wanted = _law_wanted(ctx, entry)

        def apply(law: ExpectedLaw, wanted: dict, position=position) -> None:
            fields = {key: wanted[key] for key in
                      ["number", "kind", "title", "planning_note", "status_text", "internal_note"]}
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
