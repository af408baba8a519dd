"""The app keeps working when Redis is down: pages are served uncached, staff keep editing."""
import pytest

from measures.models import Measure
from tests.helpers import publish
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
def test_public_pages_work_without_redis(client, programme, redis_down, url):
    assert client.get(url).status_code == 200


def test_staff_editing_and_publishing_work_without_redis(
    programme, redis_down, editor, final_editor, caplog, django_capture_on_commit_callbacks
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


@pytest.fixture
def real_redis_cache(settings):
    """The production cache backend against the machine's Redis: in this run's own
    database (the broker's, CELERY_BROKER_URL), under a key prefix of this test's own."""
    import uuid

    settings.CACHES = {"default": {
        "BACKEND": "core.redis_cache.ResilientRedisCache", "LOCATION": settings.CELERY_BROKER_URL,
        "KEY_PREFIX": f"passend-test-{uuid.uuid4().hex}",
    }}
    from django.core.cache import cache

    yield cache
    # Only this test's keys: clear() would empty the whole Redis database.
    redis = cache._cache.get_client(write=True)
    keys = list(redis.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        redis.delete(*keys)


def test_the_resilient_cache_works_against_a_real_redis(real_redis_cache, django_capture_on_commit_callbacks):
    from core.content_version import content_changed, content_version

    cache = real_redis_cache
    cache.set("seite", {"a": 1}, timeout=60)
    assert cache.get("seite") == {"a": 1}
    assert cache.add("seite", "ander") is False and cache.add("nieuw", 2) is True
    assert cache.get_many(["seite", "nieuw", "ontbreekt"]) == {"seite": {"a": 1}, "nieuw": 2}
    assert cache.touch("nieuw", timeout=60) is True and cache.touch("ontbreekt") is False
    assert 0 < cache._cache.get_client().ttl(cache.make_and_validate_key("nieuw")) <= 60
    assert cache.delete("seite") is True and cache.get("seite") is None
    # One client per connection pool, reused (Django would build a new one per call).
    client = cache._cache
    assert client.get_client(write=True) is client.get_client(write=True)
    first = content_version()
    assert content_version() == first
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    assert content_version() != first


def test_public_pages_are_cached_in_a_real_redis_until_a_publish(
    real_redis_cache, programme, client, editor, final_editor, settings, monkeypatch,
    django_assert_num_queries, django_capture_on_commit_callbacks,
):
    from core import page_cache

    first = client.get("/maatregelen/5/").content.decode()
    redis = real_redis_cache._cache.get_client()
    assert any(b":public-page:" in key for key in redis.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    # Without this process's own copy the page can only come from Redis.
    monkeypatch.setattr(page_cache, "_recent_pages", {})
    with django_assert_num_queries(0):
        assert client.get("/maatregelen/5/").content.decode() == first

    with django_capture_on_commit_callbacks(execute=True):
        publish(Measure.objects.get(code="5"), editor=editor, final_editor=final_editor, summary="Na de publicatie.")
    assert "Na de publicatie." in client.get("/maatregelen/5/").content.decode()
