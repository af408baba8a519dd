"""The yearly cycle of report editions: open the next one, adopt (vaststellen) it.

An edition is *in voorbereiding* while staff bring the live data up to date; at most
one is open, and it is not public. Adopting it freezes the complete public state of the
programme as the report's snapshot (``ReportEdition.frozen_state``): from then on every
rendering of that edition (the Celery job, ``render_report``, the web version, the API)
reads the frozen state, so later edits never change a report sent to parliament.
"""
from __future__ import annotations

import copy
import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.content_version import content_changed
from measures.models import StepOutcome
from programme.models import EditionStatus, ReportEdition

from .snapshot import report_snapshot_build, report_snapshot_checksum, report_state_reconstruct

logger = logging.getLogger(__name__)

ADOPT_PERMISSION = "workspace.publish_content"
START_PERMISSION = "programme.manage_editions"

# Dutch ordinals for the default title ("Vijfde voortgangsrapportage ...").
ORDINALS = {
    1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde", 7: "zevende", 8: "achtste",
    9: "negende", 10: "tiende", 11: "elfde", 12: "twaalfde",
}
# Texts of an edition that a new one starts from: staff rewrite them for the new report.
CARRIED_TEXTS = [
    "introduction", "introduction_links", "introduction_notes", "reading_guide", "goals_text", "goals_links",
    "monitor_text", "matrix_intro", "cooperation_text", "measures_intro", "measures_intro_footnote", "laws_intro",
]


def edition_snapshot(*, edition: ReportEdition) -> dict:
    """What a report of ``edition`` shows: its frozen state once adopted, else the live
    published data."""
    if edition.is_adopted:
        if edition.frozen_state is None:
            raise ValidationError(
                _("Editie %(key)s is vastgesteld maar heeft geen vastgelegde stand.") % {"key": edition.key}
            )
        return copy.deepcopy(edition.frozen_state)
    return report_snapshot_build(edition=edition)


def edition_check_renderable(*, edition: ReportEdition) -> None:
    """A reconstructed edition never gets a report: it would be a document that never existed."""
    if edition.is_reconstructed:
        raise ValidationError(
            _("Van de %(title)s wordt geen rapport gemaakt: deze editie is gereconstrueerd uit %(source)s.")
            % {"title": edition.title, "source": edition.source.title if edition.source else _("de bronnen")}
        )


def _default_title(number: int) -> str:
    ordinal = ORDINALS.get(number, f"{number}e")
    return f"{ordinal.capitalize()} voortgangsrapportage verbeteraanpak passend onderwijs po/vo"


def edition_start(*, key: str, reference_date: datetime.date, title: str = "", user=None) -> ReportEdition:
    """Open the next edition after the newest one, starting from its texts.

    Refuses (ValidationError with a Dutch message, nothing written) a key that exists, a
    peildatum not after the newest edition's, or a second open edition."""
    if user is not None and not user.has_perm(START_PERMISSION):
        raise PermissionDenied(_("Alleen een beheerder mag een nieuwe editie openen."))
    with transaction.atomic():
        last = ReportEdition.objects.select_for_update().order_by("-number").first()
        errors = {}
        if ReportEdition.objects.filter(key=key).exists():
            errors["key"] = _("Er is al een editie met de sleutel %(key)s.") % {"key": key}
        if last is None:
            raise ValidationError(_("Er is nog geen editie om op voort te bouwen; laad eerst de gegevens."))
        if ReportEdition.objects.filter(programme=last.programme, status=EditionStatus.OPEN).exists():
            errors["status"] = _("Er is al een editie in voorbereiding; stel die eerst vast.")
        if last.reference_date and reference_date <= last.reference_date:
            errors["reference_date"] = _("De peildatum moet na die van %(title)s liggen (%(date)s).") % {
                "title": last.title, "date": last.reference_date.strftime("%d-%m-%Y")}
        if errors:
            raise ValidationError(errors)
        number = last.number + 1
        edition = ReportEdition(
            programme=last.programme, key=key, number=number, title=title.strip() or _default_title(number),
            year=reference_date.year, reference_date=reference_date, status=EditionStatus.OPEN,
            **{name: copy.deepcopy(getattr(last, name)) for name in CARRIED_TEXTS},
        )
        edition.full_clean(exclude=["source"])
        try:
            edition.save()
        except IntegrityError as error:
            # Two beheerders at once: the database holds the one-open-edition rule.
            raise ValidationError(_("Er is al een editie in voorbereiding; stel die eerst vast.")) from error
    logger.info("Edition %s opened by %s", key, user)
    return edition


def edition_adopt(*, edition: ReportEdition, user, step_answers: dict[str, dict] | None = None) -> ReportEdition:
    """Vaststellen: freeze the programme's complete public state for ``edition`` and make
    it public. A decision about a report to parliament: the eindredacteur's.

    ``step_answers`` records what became of next steps the previous report announced and
    this one no longer lists: {key: {"outcome": "uitgevoerd" or "vervallen", "note": ...}};
    a step left out is recorded as "niet vastgelegd"."""
    if not user.has_perm(ADOPT_PERMISSION):
        raise PermissionDenied(_("Alleen een eindredacteur mag een editie vaststellen."))
    unknown = [key for key, answer in (step_answers or {}).items() if answer.get("outcome") not in StepOutcome.values]
    if unknown:
        raise ValidationError(_("Onbekende uitkomst voor vervolgstap(pen): %(keys)s.") % {"keys": ", ".join(unknown)})
    with transaction.atomic():
        edition = ReportEdition.objects.select_for_update().get(pk=edition.pk)
        if edition.is_adopted:
            raise ValidationError(_("Deze editie is al vastgesteld."))
        edition.published_on = timezone.localdate()
        _set_frozen_state(edition, step_answers)
        edition.status = EditionStatus.ADOPTED
        edition.adopted_at = timezone.now()
        edition.adopted_by = user
        edition.save()
        content_changed()
    logger.info("Edition %s adopted by %s", edition.key, user)
    return edition


# The fields a freeze writes; each caller saves them once, with whatever else it changes.
FROZEN_FIELDS = ["frozen_state", "frozen_sha256", "frozen_summary"]


def edition_freeze(*, edition: ReportEdition) -> None:
    """Store the live published data as the edition's frozen state, as adopted (never on
    an edition that staff have adopted)."""
    _set_frozen_state(edition)
    edition.save(update_fields=FROZEN_FIELDS)


def _set_frozen_state(edition: ReportEdition, step_answers: dict[str, dict] | None = None) -> None:
    if edition.is_reconstructed:
        state = report_state_reconstruct(edition=edition)
    else:
        state = report_snapshot_build(edition=edition, step_answers=step_answers)
    state["edition"].update(status=EditionStatus.ADOPTED,
                            published_on=edition.published_on.isoformat() if edition.published_on else None)
    edition.frozen_state = state
    edition.frozen_sha256 = report_snapshot_checksum(state)
    edition.frozen_summary = {
        "measures": {
            measure["code"]: {"status": measure["status"], "label": measure["status_label"]}
            for measure in state["measures"]
        },
        # What became of the previous report's next steps, per measure.
        "step_outcomes": _by_measure(state.get("next_step_outcomes") or []),
    }


def _by_measure(outcomes: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for outcome in outcomes:
        grouped.setdefault(outcome["measure"], []).append(outcome)
    return grouped


def editions_freeze_from_fixtures(*, edition_keys: list[str], fixtures_sha256: str, staff_edits_kept: bool,
                                  **kwargs) -> None:
    """After load_programme (the programme_loaded signal): freeze the editions of the
    files, whose state is what the files say, if they have no frozen state yet or were
    frozen from files that changed since. An edition adopted by staff is never touched;
    nor is a frozen one while staff edits were kept (the data is then not the files')."""
    editions = ReportEdition.objects.filter(key__in=edition_keys, status=EditionStatus.ADOPTED)
    for edition in editions:
        if edition.frozen_state is not None:
            frozen_by_staff = not edition.frozen_from_fixtures
            if frozen_by_staff or edition.frozen_from_fixtures == fixtures_sha256 or staff_edits_kept:
                continue
        _set_frozen_state(edition)
        edition.frozen_from_fixtures = fixtures_sha256
        edition.save(update_fields=[*FROZEN_FIELDS, "frozen_from_fixtures"])
        logger.info("Edition %s frozen from the fixtures", edition.key)
