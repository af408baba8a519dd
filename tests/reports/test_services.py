"""Starting, running, failing and publishing generations (tasks run in-process here;
test_worker.py runs them on a real worker)."""
import datetime
import hashlib
from unittest import mock

import pypdf
import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import GenerationStatus, ReportGeneration
from reports.rendering import report_pdf as real_report_pdf
from reports.services import ReportGenerationRunning, report_generation_run, report_generation_start
from tests.factories import MeasureFactory, ReportEditionFactory


@pytest.fixture
def edition(db):
    edition = ReportEditionFactory(title="Proefrapportage", key="proef")
    MeasureFactory(programme=edition.programme, code="1", title="Een maatregel om te tonen")
    return edition


def _start(edition, user, capture, execute=True) -> ReportGeneration:
    with capture(execute=execute):
        generation = report_generation_start(edition=edition, user=user)
    generation.refresh_from_db()
    return generation


def test_start_snapshots_and_renders_a_kept_pdf(edition, final_editor, django_capture_on_commit_callbacks):
    generation = _start(edition, final_editor, django_capture_on_commit_callbacks)
    assert generation.status == GenerationStatus.DONE
    assert generation.started_by == final_editor
    assert generation.reference_date == edition.reference_date
    assert generation.snapshot["edition"]["key"] == "proef"
    content = generation.file.read()
    assert content.startswith(b"%PDF-1.7")
    assert generation.size == len(content)
    assert generation.sha256 == hashlib.sha256(content).hexdigest()
    assert generation.page_count == len(pypdf.PdfReader(generation.file.path).pages)
    assert generation.attempts == 1 and generation.finished_at is not None


def test_a_second_start_while_one_is_queued_starts_nothing(edition, final_editor, django_capture_on_commit_callbacks):
    first = _start(edition, final_editor, django_capture_on_commit_callbacks, execute=False)
    assert first.status == GenerationStatus.QUEUED
    with pytest.raises(ReportGenerationRunning) as refused:
        report_generation_start(edition=edition, user=final_editor)
    assert refused.value.generation == first
    assert ReportGeneration.objects.count() == 1


def test_the_database_allows_one_active_generation_per_edition(edition):
    values = {"edition": edition, "reference_date": edition.reference_date, "snapshot": {}, "snapshot_sha256": "x"}
    ReportGeneration.objects.create(status=GenerationStatus.RUNNING, **values)
    ReportGeneration.objects.create(status=GenerationStatus.FAILED, **values)
    with pytest.raises(IntegrityError):
        ReportGeneration.objects.create(status=GenerationStatus.QUEUED, **values)


def test_a_generation_lost_for_an_hour_no_longer_blocks(edition, final_editor, django_capture_on_commit_callbacks):
    stuck = _start(edition, final_editor, django_capture_on_commit_callbacks, execute=False)
    ReportGeneration.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - datetime.timedelta(hours=2))
    fresh = _start(edition, final_editor, django_capture_on_commit_callbacks)
    stuck.refresh_from_db()
    assert stuck.status == GenerationStatus.FAILED and "binnen een uur" in stuck.error_message
    assert fresh.status == GenerationStatus.DONE


def test_running_again_is_harmless(edition, final_editor, django_capture_on_commit_callbacks):
    generation = _start(edition, final_editor, django_capture_on_commit_callbacks)
    with mock.patch.object(services, "report_pdf") as render:
        assert report_generation_run(generation_id=generation.pk).status == GenerationStatus.DONE
    render.assert_not_called()


def test_a_redelivered_half_done_generation_is_rendered_again(
    edition, final_editor, django_capture_on_commit_callbacks
):
    generation = _start(edition, final_editor, django_capture_on_commit_callbacks, execute=False)
    ReportGeneration.objects.filter(pk=generation.pk).update(status=GenerationStatus.RUNNING, attempts=1)
    # The first attempt got as far as writing its file before the worker was lost.
    name = f"rapportages/proef/proef-{generation.pk}.pdf"
    storage = generation.file.storage
    storage.save(name, ContentFile(b"half geschreven"))
    generation = report_generation_run(generation_id=generation.pk)
    assert generation.status == GenerationStatus.DONE and generation.attempts == 2
    # The same name again, not a second file next to it, and the new content in it.
    assert generation.file.name == name
    assert storage.open(name).read().startswith(b"%PDF")
    assert storage.listdir("rapportages/proef")[1] == [f"proef-{generation.pk}.pdf"]


def test_transient_errors_are_retried(edition, final_editor, django_capture_on_commit_callbacks, eager_retries):
    calls = []

    def flaky(snapshot):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("server closed the connection unexpectedly")
        return real_report_pdf(snapshot)

    with mock.patch.object(services, "report_pdf", side_effect=flaky):
        generation = _start(edition, final_editor, django_capture_on_commit_callbacks)
    assert len(calls) == 3
    assert generation.status == GenerationStatus.DONE and generation.attempts == 3


def test_transient_errors_that_persist_are_recorded(
    edition, final_editor, django_capture_on_commit_callbacks, eager_retries
):
    with mock.patch.object(services, "report_pdf", side_effect=OperationalError("database down")):
        generation = _start(edition, final_editor, django_capture_on_commit_callbacks)
    assert generation.status == GenerationStatus.FAILED
    assert generation.attempts == 4
    assert "na 4 pogingen mislukt" in generation.error_message and "database down" in generation.error_message


def test_permanent_errors_are_recorded_at_once(edition, final_editor, django_capture_on_commit_callbacks):
    with mock.patch.object(services, "report_pdf", side_effect=ValueError("kapotte momentopname")):
        generation = _start(edition, final_editor, django_capture_on_commit_callbacks)
    assert generation.status == GenerationStatus.FAILED and generation.attempts == 1
    assert generation.error_message == "Het genereren is mislukt: ValueError: kapotte momentopname"
    assert not generation.file


def test_a_render_finishing_after_the_sweeper_gave_up_is_discarded(
    edition, final_editor, django_capture_on_commit_callbacks
):
    generation = _start(edition, final_editor, django_capture_on_commit_callbacks, execute=False)

    def render_while_swept(snapshot):
        # The sweeper marks the generation failed while the PDF is being made.
        ReportGeneration.objects.filter(pk=generation.pk).update(
            status=GenerationStatus.FAILED, error_message="Afgebroken")
        return real_report_pdf(snapshot)

    with mock.patch.object(services, "report_pdf", side_effect=render_while_swept):
        result = report_generation_run(generation_id=generation.pk)
    assert result.status == GenerationStatus.FAILED and not result.file


def test_a_failure_never_overwrites_a_finished_generation(edition, final_editor, django_capture_on_commit_callbacks):
    generation = _start(edition, final_editor, django_capture_on_commit_callbacks)
    assert generation.status == GenerationStatus.DONE
    services.report_generation_fail(generation_id=generation.pk, message="Te laat")
    generation.refresh_from_db()
    assert generation.status == GenerationStatus.DONE and generation.error_message == ""


def test_the_task_for_a_generation_that_no_longer_exists_does_nothing(edition, caplog):
    from reports.tasks import report_generation_render

    report_generation_render.apply(args=[987_654]).get()
    assert "no longer exists" in caplog.text
    assert not ReportGeneration.objects.exists()



def test_staff_cancel_and_retry_a_generation_that_stays_queued(edition, final_editor, client,
                                                               django_capture_on_commit_callbacks):
    """A queued generation whose message was lost (Redis restarted without persistence)
    stays "in wachtrij"; staff cancel it or start the edition again from its page."""
    with mock.patch("reports.services._generation_enqueue"):
        lost = report_generation_start(edition=edition, user=final_editor)
    client.force_login(final_editor)
    page = client.get(reverse("staff:report_generation", args=[lost.pk])).content.decode()
    assert "Opnieuw proberen" in page and "Annuleren" in page

    client.post(reverse("staff:report_generation_cancel", args=[lost.pk]))
    lost.refresh_from_db()
    assert lost.status == GenerationStatus.FAILED and lost.error_message == "Geannuleerd door eindredacteur."
    again = client.post(reverse("staff:report_generation_cancel", args=[lost.pk]), follow=True)
    assert "er valt niets te annuleren" in again.content.decode()

    with mock.patch("reports.services._generation_enqueue"):
        second = report_generation_start(edition=edition, user=final_editor)
    with mock.patch("reports.services._generation_enqueue") as enqueue, \
            django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:report_generation_retry", args=[second.pk]))
    second.refresh_from_db()
    retried = ReportGeneration.objects.latest("pk")
    assert second.status == GenerationStatus.FAILED and retried.status == GenerationStatus.QUEUED
    assert response.url == reverse("staff:report_generation", args=[retried.pk])
    enqueue.assert_called_once_with(generation_id=retried.pk)


def test_only_staff_who_render_reports_may_cancel(edition, editor, client):
    generation = ReportGeneration.objects.create(edition=edition, reference_date=edition.reference_date,
                                                 snapshot={}, snapshot_sha256="0" * 64)
    client.force_login(editor)
    assert client.post(reverse("staff:report_generation_cancel", args=[generation.pk])).status_code == 403
    generation.refresh_from_db()
    assert generation.is_active
