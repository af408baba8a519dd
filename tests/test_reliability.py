"""The app keeps working when Redis is down: pages are served uncached, staff keep editing."""
import pytest

from measures.models import Measure
from workspace import site
from workspace.models import Draft
from workspace.services import draft_save, edit_token

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
    settings.CACHES = REDIS_DOWN
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False


@pytest.mark.parametrize("url", ["/", "/maatregelen/", "/maatregelen/5/", "/moties/", "/wetgeving/", "/health/live"])
def test_public_pages_work_without_redis(client, programme_loaded, redis_down, url):
    assert client.get(url).status_code == 200


def test_staff_editing_works_without_redis(programme_loaded, redis_down, editor):
    measure = Measure.objects.get(code="5")
    draft_save(
        record=measure,
        user=editor,
        document=dict(site.for_record(measure).document(measure), summary="Zonder Redis."),
        expected_token=edit_token(record=measure, draft=None),
    )
    assert Draft.objects.get().document["summary"] == "Zonder Redis."
