"""CORS: any web page may read the open data; the staff write endpoints stay same-origin."""
import pytest

from .conftest import ALL_URLS

pytestmark = pytest.mark.usefixtures("programme", "generous_throttle")

ORIGIN = "https://elders.example.org"


@pytest.mark.parametrize("url", ALL_URLS)
def test_public_reads_answer_every_origin(client, url):
    response = client.get(url, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    # Without cookies: a page elsewhere never reads as a signed-in member of staff.
    assert "Access-Control-Allow-Credentials" not in response
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"api-version", "etag", "link"} <= exposed


def test_responses_from_the_cache_carry_the_headers_too(client):
    client.get("/api/v1/maatregelen")
    cached = client.get("/api/v1/maatregelen", HTTP_ORIGIN=ORIGIN)
    assert cached["Access-Control-Allow-Origin"] == "*"
    not_modified = client.get("/api/v1/maatregelen", HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=cached["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["Access-Control-Allow-Origin"] == "*"


def test_preflight_for_reading_is_allowed(client):
    response = client.options(
        "/api/v1/maatregelen", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("url", [
    "/api/v1/maatregelen/8a/concept", "/api/v1/moties/31497-373/concept/aanbieden",
    "/api/v1/wetgeving/1-wetsvoorstel-terugdringen-verzuim/concept/publiceren",
])
def test_staff_writes_get_no_cors_headers(client, url):
    preflight = client.options(url, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="PUT")
    assert "Access-Control-Allow-Origin" not in preflight
    assert "Access-Control-Allow-Origin" not in client.get(url, HTTP_ORIGIN=ORIGIN)


def test_the_site_itself_gets_no_cors_headers(client):
    assert "Access-Control-Allow-Origin" not in client.get("/maatregelen/", HTTP_ORIGIN=ORIGIN)
