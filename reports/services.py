"""State changes of the reports app: starting, running and publishing report generations."""
import datetime
import hashlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from celery import signature
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from kombu.exceptions import OperationalError as BrokerError

from programme.models import ReportEdition

from . import selectors
from .editions import edition_check_renderable, edition_snapshot
from .models import ACTIVE_GENERATION_STATUSES, GenerationStatus, ReportGeneration
from .rendering import report_pdf
from .snapshot import report_snapshot_checksum

logger = logging.getLogger(__name__)

# A queued or running generation older than this is considered lost (the broker's
# visibility timeout is one hour: by then an unacknowledged task has been handed out again).
STALE_AFTER = datetime.timedelta(hours=1)
# A running generation whose worker gave no sign of life for this many heartbeats
# (settings.REPORT_HEARTBEAT_SECONDS) has lost its worker: killed, out of memory, gone.
HEARTBEATS_MISSED = 4

QUEUE_UNAVAILABLE = gettext_lazy(
    "De taakwachtrij is niet bereikbaar, daarom kon het genereren niet starten. "
    "Probeer het later opnieuw. Blijft dit gebeuren, meld het dan aan de beheerder."
)


class ReportGenerationRunning(Exception):
    """A generation of this edition is already queued or running."""

    def __init__(self, generation: ReportGeneration):
        super().__init__(_("Er loopt al een generatie van deze editie."))
        self.generation = generation


class ReportGenerationError(Exception):
    """A request that cannot be carried out; the message is meant for the user."""


def report_generations_expire_stale(*, edition: ReportEdition | None = None) -> int:
    """Mark generations whose worker is gone as failed, so none stays "bezig" until the
    broker hands its message out again an hour later: running ones without a heartbeat
    for a while, and any queued or running for an hour. Returns how many."""
    now = timezone.now()
    active = ReportGeneration.objects.filter(status__in=ACTIVE_GENERATION_STATUSES)
    if edition is not None:
        active = active.filter(edition=edition)
    silent_since = now - HEARTBEATS_MISSED * datetime.timedelta(seconds=settings.REPORT_HEARTBEAT_SECONDS)
    lost = active.filter(status=GenerationStatus.RUNNING).filter(
        Q(heartbeat_at__lt=silent_since) | Q(heartbeat_at__isnull=True, started_at__lt=silent_since)
    ).update(
        status=GenerationStatus.FAILED,
        finished_at=now,
        error_message=_("Afgebroken: het proces dat de PDF maakte, gaf geen teken van leven meer."),
    )
    return lost + active.filter(created_at__lt=now - STALE_AFTER).update(
        status=GenerationStatus.FAILED,
        finished_at=now,
        error_message=_("Afgebroken: de generatie kwam binnen een uur niet klaar."),
    )


@contextmanager
def _heartbeat(*, generation_id: int) -> Iterator[None]:
    """Renew the generation's heartbeat from a thread while the render runs."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.REPORT_HEARTBEAT_SECONDS):
                with transaction.atomic():
                    # Never waits for a lock: a beat skipped is harmless, a beat stuck is not.
                    running = ReportGeneration.objects.select_for_update(skip_locked=True).filter(
                        pk=generation_id, status=GenerationStatus.RUNNING)
                    ReportGeneration.objects.filter(pk__in=list(running.values_list("pk", flat=True))).update(
                        heartbeat_at=timezone.now())
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"heartbeat-generation-{generation_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


# The task by name: tasks.py is the thin shell around these services, which never
# import it back.
RENDER_TASK = "reports.tasks.report_generation_render"


def _generation_enqueue(*, generation_id: int) -> None:
    try:
        # Few, quick publish retries: the person who clicked is waiting for the page.
        signature(RENDER_TASK).apply_async(
            args=[generation_id],
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1},
        )
    except BrokerError:
        logger.exception("Broker unreachable; report generation %s not queued", generation_id)
        report_generation_fail(generation_id=generation_id, message=str(QUEUE_UNAVAILABLE))


def report_generation_start(*, edition: ReportEdition, user) -> ReportGeneration:
    """Take a snapshot of the data and queue its rendering, unless one is already running.

    Raises ``ReportGenerationRunning`` with the running generation in that case.
    """
    edition_check_renderable(edition=edition)
    # Outside the locking transaction, so the snapshot reads one consistent moment.
    snapshot = edition_snapshot(edition=edition)
    with transaction.atomic():
        edition = ReportEdition.objects.select_for_update().get(pk=edition.pk)
        report_generations_expire_stale(edition=edition)
        running = ReportGeneration.objects.filter(edition=edition, status__in=ACTIVE_GENERATION_STATUSES).first()
        if running is not None:
            raise ReportGenerationRunning(running)
        try:
            with transaction.atomic():
                generation = ReportGeneration.objects.create(
                    edition=edition,
                    started_by=user if user is not None and user.is_authenticated else None,
                    reference_date=datetime.date.fromisoformat(snapshot["edition"]["reference_date"]),
                    snapshot=snapshot,
                    snapshot_sha256=report_snapshot_checksum(snapshot),
                )
        except IntegrityError as error:
            # Only reachable if someone bypassed the lock; the constraint still holds.
            raise ReportGenerationRunning(
                ReportGeneration.objects.get(edition=edition, status__in=ACTIVE_GENERATION_STATUSES)
            ) from error
        transaction.on_commit(partial(_generation_enqueue, generation_id=generation.pk))
    return generation


def report_generation_run(*, generation_id: int) -> ReportGeneration:
    """Render a generation's snapshot to its PDF. Safe to call again for the same generation:
    a finished or failed one is left alone, a half-done one (worker lost) is rendered again."""
    with transaction.atomic():
        generation = ReportGeneration.objects.select_for_update().select_related("edition").get(pk=generation_id)
        if not generation.is_active:
            return generation
        generation.status = GenerationStatus.RUNNING
        generation.started_at = generation.heartbeat_at = timezone.now()
        generation.attempts += 1
        generation.save(update_fields=["status", "started_at", "heartbeat_at", "attempts"])

    with _heartbeat(generation_id=generation_id):
        rendered = report_pdf(generation.snapshot)
    name = f"{generation.edition.key}-{generation.pk}.pdf"

    with transaction.atomic():
        generation = ReportGeneration.objects.select_for_update().select_related("edition").get(pk=generation_id)
        if generation.status != GenerationStatus.RUNNING:
            return generation
        storage = generation.file.storage
        path = generation.file.field.generate_filename(generation, name)
        # A retried render writes the same name again instead of piling up copies.
        if storage.exists(path):
            storage.delete(path)
        generation.file.save(name, ContentFile(rendered.pdf), save=False)
        generation.size = len(rendered.pdf)
        generation.page_count = rendered.page_count
        generation.sha256 = hashlib.sha256(rendered.pdf).hexdigest()
        generation.status = GenerationStatus.DONE
        generation.error_message = ""
        generation.finished_at = timezone.now()
        fields = ["file", "size", "page_count", "sha256", "status", "error_message", "finished_at"]
        edition = generation.edition
        if (edition.is_adopted and generation.snapshot_sha256 == edition.frozen_sha256
                and selectors.report_generation_frozen(edition=edition) is None):
            # The first PDF of an adopted edition's frozen state is the one it keeps serving.
            generation.is_frozen = True
            fields.append("is_frozen")
        generation.save(update_fields=fields)
    return generation


def report_generation_fail(*, generation_id: int, message: str) -> ReportGeneration | None:
    """Record that a generation failed for good; a finished one is never overwritten."""
    with transaction.atomic():
        generation = ReportGeneration.objects.select_for_update().filter(pk=generation_id).first()
        if generation is None or generation.status == GenerationStatus.DONE:
            return generation
        generation.status = GenerationStatus.FAILED
        generation.error_message = message
        generation.finished_at = timezone.now()
        generation.save(update_fields=["status", "error_message", "finished_at"])
    return generation


def report_generation_cancel(*, generation: ReportGeneration, user) -> ReportGeneration:
    """Stop waiting for a queued or running generation (staff's "Annuleren"). A worker
    still rendering it finds it no longer running when done and discards its PDF."""
    with transaction.atomic():
        generation = ReportGeneration.objects.select_for_update().get(pk=generation.pk)
        if not generation.is_active:
            raise ReportGenerationError(_("Deze generatie loopt niet meer; er valt niets te annuleren."))
        generation.status = GenerationStatus.FAILED
        generation.error_message = _("Geannuleerd door %(user)s.") % {"user": user.get_username()}
        generation.finished_at = timezone.now()
        generation.save(update_fields=["status", "error_message", "finished_at"])
    return generation


def report_generation_retry(*, generation: ReportGeneration, user) -> ReportGeneration:
    """Start the edition's PDF again (staff's "Opnieuw proberen"), cancelling this
    generation first when it still counts as running (a worker that died, a lost message)."""
    if generation.is_active:
        report_generation_cancel(generation=generation, user=user)
    return report_generation_start(edition=generation.edition, user=user)
