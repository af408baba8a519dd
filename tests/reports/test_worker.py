"""The task on a real Celery worker with the real Redis broker, and with the broker gone."""
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
import redis
from django.conf import settings
from django.urls import reverse

from measures.models import Measure
from programme.models import ReportEdition
from reports.models import GenerationStatus, ReportGeneration
from reports.services import report_generation_start
from tests.processes import ROOT, server_environment, wait_until

ORIGINAL_TITLE = "Een landelijke norm voor basisondersteuning"
EDITED_TITLE = "Titel gewijzigd terwijl de PDF werd gemaakt"


def _wait_for(generation: ReportGeneration, statuses: set[str], timeout: float = 300) -> ReportGeneration:
    """Wait until the generation reaches one of ``statuses``; the timeout only ends a hang."""
    def reached() -> bool:
        generation.refresh_from_db()
        return generation.status in statuses

    wait_until(reached, timeout=timeout, message=f"generation stayed {generation.status}")
    return generation


@pytest.mark.django_db(transaction=True)
def test_real_worker_renders_the_snapshot_and_not_edits_made_meanwhile(
    programme_loaded, final_editor, render_gate, live_worker
):
    edition = ReportEdition.objects.get(key="vgr-2025")
    generation = report_generation_start(edition=edition, user=final_editor)

    # The worker picked the task up and waits at the gate; now somebody publishes an edit.
    _wait_for(generation, {GenerationStatus.RUNNING})
    Measure.objects.filter(programme=edition.programme, code="2").update(title=EDITED_TITLE)
    render_gate.set()

    generation = _wait_for(generation, {GenerationStatus.DONE, GenerationStatus.FAILED})
    assert generation.status == GenerationStatus.DONE, generation.error_message
    content = generation.file.read()
    assert generation.size == len(content) and generation.page_count > 50
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert ORIGINAL_TITLE in text
    assert EDITED_TITLE not in text


def test_broker_down_fails_the_generation_with_a_clear_message(
    programme_loaded, final_editor, client, broker_down, django_capture_on_commit_callbacks
):
    client.force_login(final_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:report_generation_start", args=["vgr-2025"]))
    assert response.status_code == 302
    generation = ReportGeneration.objects.get()
    assert generation.status == GenerationStatus.FAILED
    page = client.get(response.url)
    assert page.status_code == 200
    assert "De taakwachtrij is niet bereikbaar" in page.content.decode()
    # A failed start does not block the next one.
    assert client.post(reverse("staff:report_generation_start", args=["vgr-2025"])).status_code == 302


def _worker_process(visibility_timeout: int, gate: Path | None = None):
    """A real `celery worker` in its own process, against this test database; with a
    ``gate``, its renders wait until that file exists (tests/gated_worker.py)."""
    env = server_environment(CELERY_VISIBILITY_TIMEOUT=str(visibility_timeout))
    command = ["-m", "tests.gated_worker", str(gate)] if gate else ["-m", "celery", "-A", "passend"]
    return subprocess.Popen(
        [sys.executable, *command, "worker", "--pool", "solo", "--without-heartbeat",
         "--without-mingle", "--without-gossip", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _unacknowledged_for(queue: str) -> float:
    """Seconds since the oldest message of ``queue`` that a worker took but never
    acknowledged was handed out (kombu's Redis transport keeps them in "unacked")."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    handed_out = client.zrange("unacked_index", 0, -1, withscores=True)
    ours = [score for tag, score in handed_out
            if json.loads(client.hget("unacked", tag) or "[null, null, null]")[2] == queue]
    return time.time() - min(ours) if ours else 0.0


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_render_hands_the_job_to_another(programme_loaded, final_editor, eager_off, tmp_path):
    """acks_late: the task is acknowledged only when done, so after SIGKILL the broker
    hands it to the next worker once the visibility timeout has passed."""
    first = _worker_process(visibility_timeout=5, gate=tmp_path / "never-opened")
    try:
        generation = report_generation_start(edition=ReportEdition.objects.get(key="vgr-2025"), user=final_editor)
        _wait_for(generation, {GenerationStatus.RUNNING})
    finally:
        first.kill()
        first.wait(timeout=10)
    generation.refresh_from_db()
    assert generation.status == GenerationStatus.RUNNING
    # A starting worker hands out unacknowledged messages that have passed the visibility
    # timeout (later it checks only every 100 s), so it starts once that has happened.
    wait_until(lambda: _unacknowledged_for(settings.CELERY_TASK_DEFAULT_QUEUE) > 5, timeout=120,
               message="the killed worker's message never became unacknowledged")

    second = _worker_process(visibility_timeout=5)
    try:
        generation = _wait_for(generation, {GenerationStatus.DONE, GenerationStatus.FAILED})
    finally:
        second.terminate()
        second.wait(timeout=60)
    assert generation.status == GenerationStatus.DONE, generation.error_message
    assert generation.attempts == 2


@pytest.mark.django_db
def test_the_sweeper_fails_generations_left_running_too_long(programme_loaded):
    import datetime

    from django.utils import timezone

    from reports.tasks import sweep_stale_generations

    edition = ReportEdition.objects.get(key="vgr-2025")
    stuck = ReportGeneration.objects.create(edition=edition, reference_date=edition.reference_date, snapshot={},
                                            snapshot_sha256="0" * 64, status=GenerationStatus.RUNNING)
    ReportGeneration.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - datetime.timedelta(hours=2))

    assert sweep_stale_generations.apply().get() == 1
    stuck.refresh_from_db()
    assert stuck.status == GenerationStatus.FAILED and "binnen een uur" in stuck.error_message


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_render_frees_the_edition_within_seconds(
    programme_loaded, final_editor, eager_off, tmp_path, settings, client
):
    """kill -9 of the whole worker: its render stops beating, so the generation shows as
    failed after a few missed heartbeats (not after the hour of the visibility timeout),
    and staff start it again with "Opnieuw proberen"."""
    settings.REPORT_HEARTBEAT_SECONDS = 1
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.gated_worker", str(tmp_path / "never-opened"), "worker", "--pool", "solo",
         "--without-heartbeat", "--without-mingle", "--without-gossip", "--loglevel", "WARNING"],
        cwd=ROOT, env=server_environment(REPORT_HEARTBEAT_SECONDS="1"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        generation = report_generation_start(edition=ReportEdition.objects.get(key="vgr-2025"), user=final_editor)
        _wait_for(generation, {GenerationStatus.RUNNING})
        first_beat = generation.heartbeat_at
        # The render waits at the gate and its worker keeps saying so.
        wait_until(lambda: ReportGeneration.objects.get(pk=generation.pk).heartbeat_at > first_beat,
                   timeout=60, message="the rendering worker never renewed its heartbeat")
    finally:
        worker.kill()
        worker.wait(timeout=10)
    client.force_login(final_editor)
    status_url = reverse("staff:report_generation_status", args=[generation.pk])
    wait_until(lambda: client.get(status_url).json()["status"] == GenerationStatus.FAILED, timeout=60,
               message="the killed worker's generation stayed running")
    generation.refresh_from_db()
    assert "geen teken van leven" in generation.error_message
    page = client.get(reverse("staff:report_generation", args=[generation.pk])).content.decode()
    assert "Opnieuw proberen" in page
    response = client.post(reverse("staff:report_generation_retry", args=[generation.pk]))
    retried = ReportGeneration.objects.latest("pk")
    assert retried.pk != generation.pk and retried.is_active
    assert response.url == reverse("staff:report_generation", args=[retried.pk])
