"""Loading motions (with their status history and submitters) and commitments."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import slugify

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

from .base import (
    FixtureError,
    _add_status_record,
    _choice,
    _code,
    _Context,
    _date,
    _save_fields,
    _set_edition_status,
    _sync,
    _text,
)


def _motion_wanted(ctx: _Context, entry: dict) -> dict:
    where = f"motions.yaml [{entry.get('number')}]"
    try:
        kamerstuk = str(parse_kamerstuk_number(entry["number"]))
    except ValidationError as error:
        raise FixtureError(f"{where}: {error.messages[0]}") from None
    status = _choice(entry.get("status"), MotionStatus, where)
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
        "internal_note": _text(entry.get("internal_note")),
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
        "internal_note": motion.internal_note,
    }


def _load_motions(ctx: _Context) -> None:
    for position, entry in enumerate(ctx.fixtures.motions, start=1):
        wanted = _motion_wanted(ctx, entry)

        def apply(motion: Motion, wanted: dict, position=position) -> None:
            fields = {key: wanted[key] for key in
                      ["kamerstuk", "number_as_written", "title", "explanation", "status", "status_note", "scope",
                       "internal_note"]}
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
    for edition in ctx.reported_editions():
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
            "internal_note": _text(entry.get("internal_note")),
        }
        for code in wanted["measures"]:
            ctx.measure(code, where)
        ctx.source(wanted["source"], where)

        def apply(commitment: Commitment, wanted: dict) -> None:
            fields = {key: wanted[key] for key in ["code", "title", "description", "status", "due_text", "position",
                                                     "internal_note"]}
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
                "internal_note": commitment.internal_note,
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
