"""Runs over every motion: the staff action "Bijwerken vanuit de Tweede Kamer" and the nightly job."""
import datetime

import pytest
import requests
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from motions import tasks
from motions.models import ChamberDecision, MotionStatus, SyncState, SyncTrigger, TweedeKamerSync
from motions.services import TweedeKamerSyncRunning, tweede_kamer_sync_run, tweede_kamer_sync_start
from tests.factories import MotionFactory
from workspace.models import ChangeAction, ChangeRecord


@pytest.fixture
def motions(db):
    return [
        MotionFactory(kamerstuk="31497-373", status=MotionStatus.IN_PROGRESS, status_note="Notitie van OCW."),
        MotionFactory(kamerstuk="31497-999", status=MotionStatus.STARTING),
    ]


@pytest.fixture
def recorded_service(gegevensmagazijn, monkeypatch):
    """Every run in the test reads the recordings instead of the real service."""
    client, adapter = gegevensmagazijn({
        (31497, 373): "motie_gevonden.json",
        (31497, 999): requests.ConnectionError("refused"),
    })
    monkeypatch.setattr("motions.services.tweede_kamer_client", lambda: client)
    return adapter


def _run_audit(sync: TweedeKamerSync) -> ChangeRecord:
    return ChangeRecord.objects.get(content_type=ContentType.objects.get_for_model(TweedeKamerSync), object_id=sync.pk)


def test_a_run_syncs_every_motion_and_keeps_what_changed(
        motions, final_editor, recorded_service, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sync = tweede_kamer_sync_start(trigger=SyncTrigger.MANUAL, user=final_editor)
    sync.refresh_from_db()
    assert sync.state == SyncState.DONE
    assert sync.message == "2 moties bekeken, 1 bijgewerkt, 1 niet gelukt."
    assert [result["kamerstuk"] for result in sync.changed_results] == ["31497-373"]
    assert {"label": "Besluit van de Kamer", "before": "–", "after": "Aangenomen"} in sync.changed_results[0]["changes"]
    assert [result["kamerstuk"] for result in sync.failed_results] == ["31497-999"]
    # The Kamer's outcome sits beside OCW's status, which stays OCW's.
    adopted = motions[0]
    adopted.refresh_from_db()
    assert (adopted.chamber_decision, adopted.status, adopted.status_note) == (
        ChamberDecision.ADOPTED, MotionStatus.IN_PROGRESS, "Notitie van OCW.")
    audit = _run_audit(sync)
    assert (audit.action, audit.user, audit.after["stand"]) == (ChangeAction.SYNCED, final_editor, "klaar")
    assert audit.after["moties"] == sync.results
    # The motion's own audit entry names who started the run.
    motion_type = ContentType.objects.get_for_model(adopted)
    assert ChangeRecord.objects.get(content_type=motion_type, object_id=adopted.pk).user == final_editor


def test_only_one_run_at_a_time(motions, final_editor, recorded_service):
    # Without running the queued task: the first run stays under way.
    first = tweede_kamer_sync_start(trigger=SyncTrigger.MANUAL, user=final_editor)
    with pytest.raises(TweedeKamerSyncRunning) as running:
        tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)
    assert running.value.sync == first


def test_a_run_whose_worker_vanished_makes_way_after_an_hour(motions, recorded_service):
    stale = tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)
    TweedeKamerSync.objects.filter(pk=stale.pk).update(started_at=timezone.now() - datetime.timedelta(hours=2))
    fresh = tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)
    stale.refresh_from_db()
    assert stale.state == SyncState.FAILED and "niet binnen een uur" in stale.message
    assert fresh.state == SyncState.RUNNING


def test_a_finished_run_is_not_run_again(motions, recorded_service, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sync = tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)
    requests_before = len(recorded_service.requests)
    tweede_kamer_sync_run(sync_id=sync.pk)
    assert len(recorded_service.requests) == requests_before


def test_the_task_closes_a_run_that_breaks(motions, recorded_service, monkeypatch):
    sync = tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr("motions.services.motions_sync_all", broken)
    tasks.tweede_kamer_sync_run_task.delay(sync.pk)
    sync.refresh_from_db()
    assert (sync.state, sync.message) == (SyncState.FAILED, "Het bijwerken is mislukt: RuntimeError: database gone")
    assert _run_audit(sync).after["stand"] == "mislukt"


def test_the_nightly_job_is_scheduled_and_runs(motions, recorded_service, django_capture_on_commit_callbacks):
    schedule = settings.CELERY_BEAT_SCHEDULE["tweede-kamer-sync"]
    assert schedule["task"] == tasks.tweede_kamer_sync_nightly.name
    with django_capture_on_commit_callbacks(execute=True):
        tasks.tweede_kamer_sync_nightly.delay()
    sync = TweedeKamerSync.objects.get()
    assert (sync.trigger, sync.state, sync.started_by) == (SyncTrigger.SCHEDULED, SyncState.DONE, None)


def test_the_nightly_job_skips_while_a_run_is_under_way(motions, recorded_service):
    running = tweede_kamer_sync_start(trigger=SyncTrigger.MANUAL)
    tasks.tweede_kamer_sync_nightly.delay()
    assert list(TweedeKamerSync.objects.all()) == [running]


# --- The staff page ------------------------------------------------------------------------------


def test_an_eindredacteur_starts_a_run_and_sees_what_changed(
        client, motions, final_editor, recorded_service, django_capture_on_commit_callbacks):
    client.force_login(final_editor)
    page = client.get(reverse("staff:tweede_kamer_sync"))
    assert page.status_code == 200
    assert "Bijwerken vanuit de Tweede Kamer</button>" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:tweede_kamer_sync"))
    sync = TweedeKamerSync.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:tweede_kamer_sync_detail", args=[sync.pk])
    detail = client.get(response["Location"]).content.decode()
    assert "2 moties bekeken, 1 bijgewerkt, 1 niet gelukt." in detail
    assert "<td>Besluit van de Kamer</td><td>–</td><td>Aangenomen</td>" in detail
    assert "Motie 31497-999 is niet bijgewerkt: de open data van de Tweede Kamer is niet bereikbaar." in detail
    overview = client.get(reverse("staff:tweede_kamer_sync")).content.decode()
    assert "<td>Datum van het besluit</td><td>–</td><td>18-04-2023</td>" in overview


def test_a_second_click_shows_the_run_under_way(client, motions, final_editor, recorded_service):
    client.force_login(final_editor)
    first = tweede_kamer_sync_start(trigger=SyncTrigger.SCHEDULED)
    response = client.post(reverse("staff:tweede_kamer_sync"), follow=True)
    assert response.redirect_chain == [(reverse("staff:tweede_kamer_sync_detail", args=[first.pk]), 302)]
    assert "Het bijwerken loopt al" in response.content.decode()
    assert TweedeKamerSync.objects.count() == 1


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_only_an_eindredacteur_may_sync(client, motions, recorded_service, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("staff:tweede_kamer_sync")).status_code == 403
    assert client.post(reverse("staff:tweede_kamer_sync")).status_code == 403
    assert not TweedeKamerSync.objects.exists()


def test_an_unknown_run_is_404(client, final_editor):
    client.force_login(final_editor)
    assert client.get(reverse("staff:tweede_kamer_sync_detail", args=[999])).status_code == 404
