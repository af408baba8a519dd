"""The task on a real Celery worker with the real Redis broker, and with the broker gone."""
import io
import time

import pypdf
import pytest
from django.urls import reverse

from measures.models import Measure
from reports.models import GenerationStatus, ReportEdition, ReportGeneration
from reports.services import report_generation_start

ORIGINAL_TITLE = "Een landelijke norm voor basisondersteuning"
EDITED_TITLE = "Titel gewijzigd terwijl de PDF werd gemaakt"


def _wait_for(generation: ReportGeneration, statuses: set[str], timeout: float = 180) -> ReportGeneration:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        generation.refresh_from_db()
        if generation.status in statuses:
            return generation
        time.sleep(0.05)
    pytest.fail(f"generation stayed {generation.status}")


@pytest.mark.django_db(transaction=True)
def test_real_worker_renders_the_snapshot_and_not_edits_made_meanwhile(programme_loaded, final_editor, live_worker):
    edition = ReportEdition.objects.get(key="vgr-2025")
    generation = report_generation_start(edition=edition, user=final_editor)

    # The worker picked the task up; now somebody publishes an edit.
    assert _wait_for(generation, {GenerationStatus.RUNNING, GenerationStatus.DONE}).status == GenerationStatus.RUNNING
    Measure.objects.filter(programme=edition.programme, code="2").update(title=EDITED_TITLE)

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
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:report_generation_start", args=["vgr-2025"]))
    assert time.monotonic() - started < 15, "the staff member is not kept waiting"
    assert response.status_code == 302
    generation = ReportGeneration.objects.get()
    assert generation.status == GenerationStatus.FAILED
    page = client.get(response.url)
    assert page.status_code == 200
    assert "De taakwachtrij is niet bereikbaar" in page.content.decode()
    # A failed start does not block the next one.
    assert client.post(reverse("staff:report_generation_start", args=["vgr-2025"])).status_code == 302


def _worker_process(visibility_timeout: int):
    """A real `celery worker` in its own process, against this test database."""
    import subprocess
    import sys

    from tests.processes import server_environment

    env = server_environment(CELERY_VISIBILITY_TIMEOUT=str(visibility_timeout))
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "passend", "worker", "--pool", "solo", "--without-heartbeat",
         "--without-mingle", "--without-gossip", "--loglevel", "WARNING"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_render_hands_the_job_to_another(programme_loaded, final_editor, eager_off):
    """acks_late: the task is acknowledged only when done, so after SIGKILL the broker
    hands it to the next worker once the visibility timeout has passed."""
    first = _worker_process(visibility_timeout=5)
    try:
        generation = report_generation_start(edition=ReportEdition.objects.get(key="vgr-2025"), user=final_editor)
        assert _wait_for(generation, {GenerationStatus.RUNNING, GenerationStatus.DONE}).status == GenerationStatus.RUNNING
    finally:
        first.kill()
        first.wait(timeout=10)
    generation.refresh_from_db()
    assert generation.status == GenerationStatus.RUNNING

    second = _worker_process(visibility_timeout=5)
    try:
        generation = _wait_for(generation, {GenerationStatus.DONE, GenerationStatus.FAILED}, timeout=120)
    finally:
        second.terminate()
        second.wait(timeout=30)
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
