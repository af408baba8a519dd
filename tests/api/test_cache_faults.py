"""The page cache and the API's response cache under faults and load: a failed cache
write, expiry, caching switched off, many Accept headers, a proxy's scheme, callers over
their budget, concurrent misses, and staff calling with a token."""
import threading
import time

import pytest
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from core import content_version as versions
from core import page_cache
from measures.models import Measure

pytestmark = pytest.mark.usefixtures("programme")

CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def clock(monkeypatch):
    """Moves the clocks of the shared (in-memory) cache and of the process's own copies."""
    offset = [0.0]

    class ShiftedTime:
        @staticmethod
        def time():
            return time.time() + offset[0]

    monkeypatch.setattr(locmem, "time", ShiftedTime)
    monkeypatch.setattr(page_cache, "_now", lambda: time.monotonic() + offset[0], raising=False)

    def advance(seconds: float) -> None:
        offset[0] += seconds

    return advance


def _title(client, url="/maatregelen/14/", **headers) -> bool:
    return "Een nieuwe titel" in client.get(url, **headers).content.decode()


def _publish(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        Measure.objects.filter(code="14").update(title="Een nieuwe titel")
        versions.content_changed()


def test_a_publish_whose_cache_write_failed_shows_once_the_cached_version_expires(
    client, clock, monkeypatch, settings, django_capture_on_commit_callbacks
):
    assert not _title(client)
    # Redis briefly unwritable: the resilient cache drops the write after the publish.
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda key, *args, **kwargs: None if key == versions._KEY
                        else real_set(key, *args, **kwargs))
    _publish(django_capture_on_commit_callbacks)
    monkeypatch.setattr(cache, "set", real_set)
    # The database kept the new version; the cache's stale copy lives a few seconds, far
    # less than the pages themselves.
    clock(versions.VERSION_CACHE_SECONDS + 1)
    assert versions.VERSION_CACHE_SECONDS + 1 < settings.PUBLIC_CACHE_SECONDS
    assert _title(client)


def test_the_processes_own_copies_expire_with_the_shared_cache(client, clock, settings):
    assert not _title(client)
    Measure.objects.filter(code="14").update(title="Een nieuwe titel")
    assert not _title(client)
    clock(settings.PUBLIC_CACHE_SECONDS + 1)
    assert _title(client)


@pytest.mark.parametrize("url", ["/maatregelen/8a/", "/api/v1/maatregelen/8a"])
def test_public_cache_seconds_zero_serves_nothing_stored(client, settings, url):
    client.get(url)
    settings.PUBLIC_CACHE_SECONDS = 0
    Measure.objects.filter(code="8a").update(title="Een nieuwe titel")
    assert _title(client, url)


def test_public_cache_seconds_zero_also_stops_the_apis_own_cache(client, settings):
    # A session passes the page cache by; the API's response cache is the one left.
    client.cookies[settings.SESSION_COOKIE_NAME] = "een-sessie"
    client.get("/api/v1/maatregelen/8a")
    settings.PUBLIC_CACHE_SECONDS = 0
    Measure.objects.filter(code="8a").update(title="Een nieuwe titel")
    assert _title(client, "/api/v1/maatregelen/8a")


@pytest.mark.parametrize("url", ["/maatregelen/8a/", "/api/v1/maatregelen"])
def test_browsers_accept_headers_share_one_entry(client, django_assert_num_queries, url):
    first = client.get(url, HTTP_ACCEPT=CHROME)
    with django_assert_num_queries(0):
        second = client.get(url, HTTP_ACCEPT=FIREFOX)
    assert second.content == first.content


def test_representations_that_differ_keep_their_own_entries(client):
    plain = client.get("/api/v1/maatregelen/8a", HTTP_ACCEPT="application/json")
    indented = client.get("/api/v1/maatregelen/8a", HTTP_ACCEPT="application/json; indent=4")
    csv = client.get("/api/v1/maatregelen", HTTP_ACCEPT="text/csv, application/json")
    assert indented.content != plain.content and b"\n    " in indented.content
    assert csv["Content-Type"].startswith("application/json")  # DRF ignores order and q: its first renderer
    assert client.get("/api/v1/maatregelen", HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")


def test_the_scheme_is_part_of_the_key(client):
    secure = client.get("/api/v1/maatregelen", {"pagina": 1, "paginagrootte": 5}, secure=True)
    assert "https://testserver/" in secure["Link"]
    plain = client.get("/api/v1/maatregelen", {"pagina": 1, "paginagrootte": 5})
    assert "https://" not in plain["Link"] + plain.content.decode()


def _over_budget(client, settings) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/hour"}}
    for url in ["/api/v1/doelen", "/api/v1/moties"]:
        assert client.get(url).status_code == 200
    assert client.get("/api/v1/wetgeving").status_code == 429


def test_a_caller_over_budget_still_gets_a_known_page_after_a_publish(
    client, settings, django_capture_on_commit_callbacks
):
    assert client.get("/api/v1/maatregelen", REMOTE_ADDR="198.51.100.7").status_code == 200
    _over_budget(client, settings)
    _publish(django_capture_on_commit_callbacks)
    # The first request after the publish renders the page for everyone: it does not
    # depend on that caller's budget, and nobody is refused a page that was cached.
    response = client.get("/api/v1/maatregelen")
    assert response.status_code == 200
    assert "Een nieuwe titel" in response.content.decode()
    assert client.get("/api/v1/maatregelen", REMOTE_ADDR="198.51.100.7").content == response.content
    # An address never rendered before is still the caller's own work, and refused.
    assert client.get("/api/v1/toezeggingen").status_code == 429


def test_a_page_another_process_renders_is_waited_for_not_rendered_again(client, django_assert_num_queries):
    request = RequestFactory().get("/maatregelen/8a/")
    key = page_cache._key(page_cache._address(request, "response"), versions.content_version())
    cache.add(key + ":rendering", 1, 10)
    rendered_elsewhere = ({"Content-Type": "text/html; charset=utf-8"}, b"elders gemaakt")
    threading.Timer(0.05, lambda: cache.set(key, rendered_elsewhere, 60)).start()
    with django_assert_num_queries(0):
        assert client.get("/maatregelen/8a/").content == b"elders gemaakt"


def test_the_render_lock_is_released(client):
    request = RequestFactory().get("/maatregelen/8a/")
    key = page_cache._key(page_cache._address(request, "response"), versions.content_version())
    client.get("/maatregelen/8a/")
    client.get("/bestaat-niet/")
    assert cache.get(key + ":rendering") is None
    assert cache.add(key + ":rendering", 1, 10) is True


def test_throttling_warnings_carry_the_request_id(client, settings, caplog):
    from core.request_logging import RequestIdFilter

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/hour"}}
    client.get("/api/v1/doelen")
    response = client.get("/api/v1/moties", HTTP_X_REQUEST_ID="verzoek-429")
    assert response.status_code == 429
    refused = [record for record in caplog.records if record.getMessage().startswith("Too Many Requests")]
    assert refused
    RequestIdFilter().filter(refused[-1])
    assert refused[-1].request_id == "verzoek-429"


def test_staff_with_a_token_are_not_counted_as_anonymous(client, settings, final_editor):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/hour"}}
    token = Token.objects.create(user=final_editor)
    urls = ["/api/v1/doelen", "/api/v1/moties", "/api/v1/wetgeving"]
    assert [client.get(url, HTTP_AUTHORIZATION=f"Token {token.key}").status_code for url in urls] == [200] * 3
    # A token that is not valid is refused, as anywhere in the API: it is a mistake to fix.
    assert client.get("/api/v1/toezeggingen", HTTP_AUTHORIZATION="Token onbekend").status_code == 401
    assert [client.get(url).status_code for url in ["/api/v1/rapportages", "/api/v1/betrokkenen"]] == [200, 429]


def test_public_operations_stay_documented_as_needing_no_authentication(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "security" not in schema
    for path, operations in schema["paths"].items():
        if "concept" not in path and "get" in operations:
            assert {} in operations["get"].get("security", [{}]), path


# Stale-while-revalidate: after a publish, the publish renders the pages read since the
# previous one; a reader whose page another process is rendering gets its previous copy.


@pytest.fixture
def not_rendered_by_the_publish(monkeypatch):
    """Pages beyond what a publish renders itself (here: all), left to their readers."""
    monkeypatch.setattr(page_cache, "_PRERENDER_PAGES", 0, raising=False)


def _held_elsewhere(url: str) -> None:
    """Another process is rendering the page for the current version right now. (For
    long: the in-memory cache reckons expiry from the real clock, the ``clock`` fixture
    checks it against the shifted one.)"""
    key = page_cache._key(page_cache._address(RequestFactory().get(url), "response"), versions.content_version())
    cache.add(key + ":rendering", 1, 3600)


@pytest.mark.usefixtures("not_rendered_by_the_publish")
def test_a_reader_gets_the_previous_copy_while_another_process_renders(
    client, monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(page_cache, "_RENDER_LOCK_SECONDS", 2)
    before = client.get("/maatregelen/14/")
    _publish(django_capture_on_commit_callbacks)
    _held_elsewhere("/maatregelen/14/")
    with django_assert_num_queries(0):
        stale = client.get("/maatregelen/14/")
    assert stale.status_code == 200
    assert stale.content == before.content
    assert stale["Cache-Control"] == "no-cache"


@pytest.mark.usefixtures("not_rendered_by_the_publish")
def test_the_previous_copy_is_never_older_than_public_cache_seconds(
    client, clock, monkeypatch, settings, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(page_cache, "_RENDER_LOCK_SECONDS", 1)
    client.get("/maatregelen/14/")
    _publish(django_capture_on_commit_callbacks)
    clock(settings.PUBLIC_CACHE_SECONDS + 1)
    _held_elsewhere("/maatregelen/14/")
    # No copy young enough: the reader waits for the render, then renders itself.
    assert _title(client)


@pytest.mark.usefixtures("not_rendered_by_the_publish")
def test_public_cache_seconds_zero_serves_no_previous_copy(
    client, monkeypatch, settings, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(page_cache, "_RENDER_LOCK_SECONDS", 1)
    client.get("/maatregelen/14/")
    _publish(django_capture_on_commit_callbacks)
    _held_elsewhere("/maatregelen/14/")
    settings.PUBLIC_CACHE_SECONDS = 0
    assert _title(client)


@pytest.mark.parametrize("url", ["/maatregelen/14/", "/api/v1/maatregelen"])
def test_a_publish_renders_the_pages_read_before_it_returns(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, settings, url
):
    client.get(url, REMOTE_ADDR="198.51.100.7")
    # The publish's renders are for everyone: an address over its budget does not matter.
    _over_budget(client, settings)
    _publish(django_capture_on_commit_callbacks)
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    assert "Een nieuwe titel" in response.content.decode()


def test_pages_nobody_read_since_the_previous_publish_are_left_to_their_next_reader(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    client.get("/maatregelen/14/")
    client.get("/maatregelen/")
    _publish(django_capture_on_commit_callbacks)
    client.get("/maatregelen/")
    _publish(django_capture_on_commit_callbacks)
    with django_assert_num_queries(0):
        client.get("/maatregelen/")
    with CaptureQueriesContext(connection) as rendered:
        client.get("/maatregelen/14/")
    assert rendered.captured_queries


def test_the_client_who_published_sees_the_change(client, final_editor, django_capture_on_commit_callbacks):
    token = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=final_editor).key}"}
    client.get("/maatregelen/8a/")
    concept = "/api/v1/maatregelen/8a/concept"
    state = client.get(concept, **token).json()
    document = {**state["gepubliceerd"], "summary": "Een nieuwe samenvatting."}
    with django_capture_on_commit_callbacks(execute=True):
        state = client.put(concept, {"versie": state["versie"], "inhoud": document},
                           content_type="application/json", **token).json()
        state = client.post(concept + "/aanbieden", {"versie": state["versie"]},
                            content_type="application/json", **token).json()
        assert client.post(concept + "/publiceren", {"versie": state["versie"]},
                           content_type="application/json", **token).status_code == 200
    # Even while a reader's process renders the page again, it is not the old copy.
    cache.add(page_cache._key(page_cache._address(RequestFactory().get("/maatregelen/8a/"), "response"),
                              versions.content_version()) + ":rendering", 1, 60)
    assert "Een nieuwe samenvatting." in client.get("/maatregelen/8a/").content.decode()
