"""The app keeps working when Redis is down: pages are served uncached, staff keep editing."""
import pytest

from measures.models import Measure
from workspace import site
from workspace.models import Draft
from workspace.services import draft_for, draft_publish, draft_save, edit_token

pytestmark = pytest.mark.django_db

REDIS_DOWN = {
    "default": {
        "BACKEND": "core.redis_cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.fixture
def redis_down(settings):
    """The page cache points at a port where nothing listens (Django rebuilds its cache
    handlers when CACHES changes). The broker is not involved: nothing here queues a task."""
    settings.CACHES = REDIS_DOWN


@pytest.mark.parametrize("url", ["/", "/maatregelen/", "/maatregelen/5/", "/moties/", "/wetgeving/", "/health/live"])
def test_public_pages_work_without_redis(client, programme_loaded, redis_down, url):
    assert client.get(url).status_code == 200


def test_staff_editing_and_publishing_work_without_redis(
    programme_loaded, redis_down, editor, final_editor, caplog, django_capture_on_commit_callbacks
):
    measure = Measure.objects.get(code="5")
    draft_save(
        record=measure,
        user=editor,
        document=dict(site.for_record(measure).document(measure), summary="Zonder Redis."),
        expected_token=edit_token(record=measure, draft=None),
    )
    assert Draft.objects.get().document["summary"] == "Zonder Redis."
    measure.refresh_from_db()
    # Publishing bumps the content version in Redis when it commits: that write fails
    # (and is logged), the publish does not.
    with django_capture_on_commit_callbacks(execute=True):
        draft_publish(record=measure, user=final_editor,
                      expected_token=edit_token(record=measure, draft=draft_for(record=measure)))
    assert Measure.objects.get(code="5").summary == "Zonder Redis." and not Draft.objects.exists()
    assert any("Cache unavailable during set" in record.getMessage() for record in caplog.records)
