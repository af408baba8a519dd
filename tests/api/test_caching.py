"""Conditional GET and the response cache, both keyed on the content version."""
import pytest

from core.content_version import content_changed
from measures.models import Measure

from .conftest import ALL_URLS

pytestmark = pytest.mark.usefixtures("programme", "generous_throttle")


@pytest.mark.parametrize("url", ALL_URLS)
def test_every_response_has_the_version_and_validators(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == response["ETag"]
    assert not_modified["API-Version"] == "1.0.0"


def test_if_none_match_is_answered_without_queries(client, django_assert_num_queries):
    etag = client.get("/api/v1/maatregelen/8a")["ETag"]
    with django_assert_num_queries(0):
        assert client.get("/api/v1/maatregelen/8a", HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304


def test_if_modified_since(client):
    response = client.get("/api/v1/moties")
    assert client.get("/api/v1/moties", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert client.get("/api/v1/moties", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_representations_have_their_own_etags(client):
    tags = {
        client.get("/api/v1/maatregelen")["ETag"],
        client.get("/api/v1/maatregelen", {"format": "csv"})["ETag"],
        client.get("/api/v1/maatregelen", {"status": "afgerond"})["ETag"],
    }
    assert len(tags) == 3


def test_cached_responses_are_served_without_queries_until_a_publish(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    first = client.get("/api/v1/maatregelen/8a")
    Measure.objects.filter(code="8a").update(title="Nieuwe titel")
    with django_assert_num_queries(0):
        cached = client.get("/api/v1/maatregelen/8a")
    assert cached.content == first.content
    assert cached["ETag"] == first["ETag"]
    # A publish calls content_changed() in its transaction; the version moves on commit.
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
    fresh = client.get("/api/v1/maatregelen/8a")
    assert fresh.json()["titel"] == "Nieuwe titel"
    assert fresh["ETag"] != first["ETag"]
    assert client.get("/api/v1/maatregelen/8a", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_cached_csv_keeps_its_download_headers(client):
    first = client.get("/api/v1/moties", {"format": "csv"})
    second = client.get("/api/v1/moties", {"format": "csv"})
    assert second.content == first.content
    assert second["Content-Type"] == "text/csv; charset=utf-8"
    assert second["Content-Disposition"] == first["Content-Disposition"]


def test_the_early_cache_serves_each_representation_without_the_api(client, monkeypatch):
    """PublicPageCacheMiddleware keeps API responses per address and Accept header, and
    answers conditional requests with 304 as the API does."""
    from core.api.views import PublicReadOnlyViewSet

    json_first = client.get("/api/v1/maatregelen", HTTP_ACCEPT="application/json")
    csv_first = client.get("/api/v1/maatregelen", HTTP_ACCEPT="text/csv")
    assert csv_first["Content-Type"].startswith("text/csv")

    def not_reached(*args, **kwargs):
        raise AssertionError("the API view ran")

    monkeypatch.setattr(PublicReadOnlyViewSet, "list", not_reached)
    json_again = client.get("/api/v1/maatregelen", HTTP_ACCEPT="application/json")
    csv_again = client.get("/api/v1/maatregelen", HTTP_ACCEPT="text/csv")
    assert (json_again.content, json_again["Content-Type"]) == (json_first.content, json_first["Content-Type"])
    assert (csv_again.content, csv_again["Content-Disposition"]) == (
        csv_first.content,
        csv_first["Content-Disposition"],
    )
    assert json_again["ETag"] == json_first["ETag"] and json_again["API-Version"] == "1.0.0"

    not_modified = client.get(
        "/api/v1/maatregelen", HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=json_first["ETag"]
    )
    assert not_modified.status_code == 304 and not_modified.content == b""
    since = client.get(
        "/api/v1/maatregelen", HTTP_ACCEPT="application/json", HTTP_IF_MODIFIED_SINCE=json_first["Last-Modified"]
    )
    assert since.status_code == 304
