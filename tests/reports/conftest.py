import threading

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connections, transaction

from passend.celery import app as celery_app
from programme.models import ReportEdition
from reports import services as report_services
from reports.rendering import report_pdf
from reports.snapshot import report_snapshot_build
from tests.helpers import programme_load


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def snapshot_2025(django_db_setup, django_db_blocker):
    """The snapshot of the real 2025 edition, taken once: the data is loaded in a
    transaction that is rolled back, so no other test sees it."""
    with django_db_blocker.unblock(), transaction.atomic():
        programme_load()
        snapshot = report_snapshot_build(edition=ReportEdition.objects.get(key="vgr-2025"))
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture(scope="session")
def rendered_2025(snapshot_2025):
    """The full 2025 report rendered once for the whole session (it takes seconds)."""
    return report_pdf(snapshot_2025)


def _celery_setting(name: str, value):
    """Change a Celery setting for one test. The app reads Django's CELERY_* names, which
    win over the lowercase ones, so those are what must change."""
    key = f"CELERY_{name.upper()}"
    previous = celery_app.conf[key]
    celery_app.conf[key] = value
    return lambda: celery_app.conf.__setitem__(key, previous)


@pytest.fixture
def eager_off():
    """Send tasks through the real broker instead of running them in-process."""
    restore = _celery_setting("task_always_eager", False)
    yield celery_app
    restore()


@pytest.fixture
def eager_retries():
    """In-process tasks retry only when exceptions are not propagated (Celery's eager mode
    raises the Retry instead); the real worker in test_worker.py needs no such help."""
    restore = _celery_setting("task_eager_propagates", False)
    yield
    restore()


@pytest.fixture
def broker_down(eager_off, monkeypatch):
    """Point the broker at a port where nothing listens."""

    def reset_pools():
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    # Celery reads CELERY_BROKER_URL from the environment before its settings.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    restore = _celery_setting("broker_url", "redis://127.0.0.1:1/0")
    reset_pools()
    yield celery_app
    restore()
    monkeypatch.undo()
    reset_pools()


def _close_worker_connections(**kwargs) -> None:
    # The worker thread would keep its connection (CONN_MAX_AGE), and an open session
    # stops the test database from being dropped at the end.
    connections.close_all()


@pytest.fixture
def live_worker(eager_off):
    """A real Celery worker (in a thread) consuming from the real Redis broker."""
    celery_app.control.purge()
    task_postrun.connect(_close_worker_connections)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=60):
            yield celery_app
    finally:
        task_postrun.disconnect(_close_worker_connections)


@pytest.fixture
def render_gate(monkeypatch):
    """Renders in this process (the in-thread worker's) start, then wait until the test
    opens the gate: while it is closed, a generation is certainly RUNNING, so the test
    can act "during" a render without racing it."""
    gate = threading.Event()
    render = report_services.report_pdf

    def gated(snapshot):
        if not gate.wait(timeout=300):
            raise TimeoutError("the test never opened the render gate")
        return render(snapshot)

    monkeypatch.setattr(report_services, "report_pdf", gated)
    yield gate
    gate.set()
