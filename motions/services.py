"""Writes of the motions app: bringing in the Tweede Kamer's facts about our motions.

``motion_sync_from_tweede_kamer`` fills in the Kamer's facts for one motion: submitters
and parties, the date, the Kamer's decision and its date, the cabinet's appraisal and the
link to the official text. OCW's own status, explanation and status note are never
touched: the Kamer's vote outcome is stored beside OCW's status, not in it.

A run over every motion (``tweede_kamer_sync_start``, then ``tweede_kamer_sync_run`` in a
Celery task) is what staff start with "Bijwerken vanuit de Tweede Kamer" and what Celery
beat starts every night; it keeps what changed per motion for the staff page, and the
audit trail keeps it too.
"""
from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from functools import partial

from celery import signature
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from core.content_version import content_changed
from workspace.models import ChangeAction, ChangeRecord

from .kamerstukken import parse_kamerstuk_number
from .models import ChamberDecision, Motion, MotionSubmitter, SyncState, SyncTrigger, TweedeKamerSync
from .tweedekamer import TweedeKamerClient, TweedeKamerError, tweede_kamer_client

logger = logging.getLogger(__name__)

FACT_FIELDS = ["submitted_on", "chamber_decision", "chamber_decision_on", "cabinet_appraisal", "official_url"]
FACT_LABELS = {
    "submitted_on": "Ingediend op",
    "chamber_decision": "Besluit van de Kamer",
    "chamber_decision_on": "Datum van het besluit",
    "cabinet_appraisal": "Kabinetsappreciatie",
    "official_url": "Officiële tekst",
    "submitters": "Indieners",
}
# The task by name: tasks.py is the thin shell around these services, which never import it back.
RUN_TASK = "motions.tasks.tweede_kamer_sync_run_task"
# A run still "bezig" after this long lost its worker; a new run may start.
STALE_AFTER = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class MotionSyncResult:
    kamerstuk: str
    ok: bool
    changed: bool
    message: str
    # What changed, as staff read it: {"label", "before", "after"}.
    changes: list[dict] = field(default_factory=list)
    # The Kamer's BesluitSoort that Passend does not know (the decision shows as "Onbekend").
    unknown_decision: str = ""

    def as_json(self) -> dict:
        return {"kamerstuk": self.kamerstuk, "ok": self.ok, "changed": self.changed, "message": self.message,
                "unknown_decision": self.unknown_decision, "changes": self.changes}


def _facts_of(motion: Motion) -> dict:
    return {
        "submitted_on": motion.submitted_on.isoformat() if motion.submitted_on else None,
        "chamber_decision": motion.chamber_decision,
        "chamber_decision_on": motion.chamber_decision_on.isoformat() if motion.chamber_decision_on else None,
        "cabinet_appraisal": motion.cabinet_appraisal,
        "official_url": motion.official_url,
        "submitters": [[person.name, person.party] for person in motion.submitters.order_by("position")],
    }


def _shown(name: str, value) -> str:
    if not value:
        return "–"
    if name == "chamber_decision":
        return str(ChamberDecision(value).label)
    if name in ("submitted_on", "chamber_decision_on"):
        return datetime.date.fromisoformat(value).strftime("%d-%m-%Y")
    if name == "submitters":
        return ", ".join(f"{person} ({party})" if party else person for person, party in value)
    return str(value)


def _changes(before: dict, after: dict) -> list[dict]:
    return [
        {"label": label, "before": _shown(name, before[name]), "after": _shown(name, after[name])}
        for name, label in FACT_LABELS.items() if before[name] != after[name]
    ]


def motion_sync_from_tweede_kamer(*, motion: Motion, client: TweedeKamerClient, user=None) -> MotionSyncResult:
    """Fill in the Tweede Kamer's facts about ``motion``; OCW's status and explanation stay as they are.

    Only facts the Kamer records replace ours (an empty value there keeps ours). Records
    when it last synced, and, if anything changed, a new version with an entry in the
    audit trail. An answer it cannot read changes nothing at all.
    """
    try:
        facts = client.motion_facts(kamerstuk=parse_kamerstuk_number(motion.kamerstuk))
    except TweedeKamerError as error:
        logger.warning("Tweede Kamer-synchronisatie van motie %s mislukt: %s", motion.kamerstuk, error)
        return MotionSyncResult(
            motion.kamerstuk, ok=False, changed=False,
            message=f"Motie {motion.kamerstuk} is niet bijgewerkt: {error} Er is niets gewijzigd.",
        )
    if facts is None:
        return MotionSyncResult(
            motion.kamerstuk, ok=False, changed=False,
            message=f"Motie {motion.kamerstuk} staat niet in de open data van de Tweede Kamer. "
            "Controleer het Kamerstuknummer; er is niets gewijzigd.",
        )

    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        before = _facts_of(motion)
        for name in FACT_FIELDS:
            value = getattr(facts, name)
            if value:
                setattr(motion, name, value)
        if facts.submitters and [list(person) for person in facts.submitters] != before["submitters"]:
            motion.submitters.all().delete()
            MotionSubmitter.objects.bulk_create(
                MotionSubmitter(motion=motion, name=name, party=party, position=position)
                for position, (name, party) in enumerate(facts.submitters, start=1)
            )
            # The submitters now come from the Kamer, not from the source named before.
            motion.submitters_source = None
        after = _facts_of(motion)
        changed = after != before
        motion.last_synced_at = timezone.now()
        update_fields = ["last_synced_at"]
        if changed:
            motion.version = F("version") + 1
            update_fields += [*FACT_FIELDS, "submitters_source", "version", "updated_at"]
        motion.save(update_fields=update_fields)
        if changed:
            motion.refresh_from_db(fields=["version"])
            ChangeRecord.objects.create(
                content_type=ContentType.objects.get_for_model(Motion),
                object_id=motion.pk,
                object_repr=str(motion)[:300],
                action=ChangeAction.SYNCED,
                user=user,
                version=motion.version,
                before=before,
                after=after,
            )
        # The API shows when a motion was last synced, so cached responses must go either way.
        content_changed()

    changes = _changes(before, after)
    if facts.unknown_decision:
        message = (f"Motie {motion.kamerstuk}: het besluit van de Kamer (“{facts.unknown_decision}”) is onbekend "
                   "voor Passend en staat als ‘Onbekend’.")
    elif changed:
        message = f"Motie {motion.kamerstuk} is bijgewerkt met de gegevens van de Tweede Kamer."
    else:
        message = f"Motie {motion.kamerstuk} was al bijgewerkt met de gegevens van de Tweede Kamer."
    return MotionSyncResult(motion.kamerstuk, ok=True, changed=changed, message=message, changes=changes,
                            unknown_decision=facts.unknown_decision)


def _current_motions():
    return Motion.objects.filter(programme__successors__isnull=True).order_by("position", "dossier", "number")


def motions_sync_all(*, client: TweedeKamerClient, user=None) -> list[MotionSyncResult]:
    """Sync every motion of the current programme; one failure does not stop the others."""
    return [motion_sync_from_tweede_kamer(motion=motion, client=client, user=user) for motion in _current_motions()]


# --- Runs over every motion -------------------------------------------------------------------


class TweedeKamerSyncRunning(Exception):
    """A run is already under way; ``sync`` is that run."""

    def __init__(self, sync: TweedeKamerSync):
        super().__init__(f"sync {sync.pk} is running")
        self.sync = sync


def _sync_enqueue(*, sync_id: int) -> None:
    try:
        signature(RUN_TASK).apply_async(
            args=[sync_id], retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1},
        )
    except BrokerError:
        logger.exception("Broker unreachable; Tweede Kamer sync %s not queued", sync_id)
        tweede_kamer_sync_fail(sync_id=sync_id, message="De taak kon niet in de wachtrij worden gezet. "
                               "Probeer het later opnieuw.")


def tweede_kamer_sync_start(*, trigger: str, user=None) -> TweedeKamerSync:
    """Record a new run and queue it, unless one is under way (``TweedeKamerSyncRunning``)."""
    with transaction.atomic():
        TweedeKamerSync.objects.filter(
            state=SyncState.RUNNING, started_at__lt=timezone.now() - STALE_AFTER
        ).update(state=SyncState.FAILED, finished_at=timezone.now(),
                 message="Afgebroken: de taak is niet binnen een uur klaargekomen.")
        running = TweedeKamerSync.objects.filter(state=SyncState.RUNNING).first()
        if running is not None:
            raise TweedeKamerSyncRunning(running)
        try:
            with transaction.atomic():
                sync = TweedeKamerSync.objects.create(
                    trigger=trigger, started_by=user if user is not None and user.is_authenticated else None,
                )
        except IntegrityError as error:
            # Started at the same moment by someone else: the constraint keeps it to one.
            raise TweedeKamerSyncRunning(TweedeKamerSync.objects.get(state=SyncState.RUNNING)) from error
        transaction.on_commit(partial(_sync_enqueue, sync_id=sync.pk))
    return sync


def _audit_run(sync: TweedeKamerSync) -> None:
    ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(TweedeKamerSync),
        object_id=sync.pk,
        object_repr=str(sync)[:300],
        action=ChangeAction.SYNCED,
        user=sync.started_by,
        version=1,
        before=None,
        after={"aanleiding": sync.trigger, "stand": sync.state, "melding": sync.message, "moties": sync.results},
    )


def tweede_kamer_sync_run(*, sync_id: int, client: TweedeKamerClient | None = None) -> TweedeKamerSync:
    """Sync every motion and keep the outcome. A run that is no longer under way (finished,
    failed, or a redelivered message) is left alone."""
    sync = TweedeKamerSync.objects.select_related("started_by").get(pk=sync_id)
    if sync.state != SyncState.RUNNING:
        return sync
    results = motions_sync_all(client=client or tweede_kamer_client(), user=sync.started_by)
    with transaction.atomic():
        sync = TweedeKamerSync.objects.select_for_update(of=("self",)).select_related("started_by").get(pk=sync_id)
        if sync.state != SyncState.RUNNING:
            return sync
        sync.results = [result.as_json() for result in results]
        sync.state = SyncState.DONE
        sync.finished_at = timezone.now()
        changed, failed = len(sync.changed_results), len(sync.failed_results)
        sync.message = f"{len(results)} moties bekeken, {changed} bijgewerkt, {failed} niet gelukt."
        sync.save(update_fields=["results", "state", "finished_at", "message"])
        _audit_run(sync)
    logger.info("Tweede Kamer sync %s (%s): %s", sync.pk, sync.trigger, sync.message)
    return sync


def tweede_kamer_sync_fail(*, sync_id: int, message: str) -> None:
    """Close a run that could not finish; what its motions already got stays (each is whole)."""
    with transaction.atomic():
        sync = TweedeKamerSync.objects.select_for_update(of=("self",)).filter(pk=sync_id).first()
        if sync is None or sync.state != SyncState.RUNNING:
            return
        sync.state = SyncState.FAILED
        sync.finished_at = timezone.now()
        sync.message = message
        sync.save(update_fields=["state", "finished_at", "message"])
        _audit_run(sync)


def tweede_kamer_sync_scheduled() -> TweedeKamerSync | None:
    """The nightly run; skipped (None) while staff have one under way."""
    try:
        return tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)
    except TweedeKamerSyncRunning:
        logger.info("Scheduled Tweede Kamer sync skipped: a run is under way")
        return None
