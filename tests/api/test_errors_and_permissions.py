"""Errors are problem+json (RFC 9457); nobody can change anything through the public endpoints."""
import pytest
from django.core.cache import cache

from .conftest import ALL_URLS

pytestmark = pytest.mark.usefixtures("programme", "generous_throttle")

UNSAFE_METHODS = ["post", "put", "patch", "delete"]


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["type"] == "about:blank"
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert body["instance"].startswith("/api/v1")
    return body


@pytest.mark.parametrize("method", UNSAFE_METHODS)
@pytest.mark.parametrize("url", ALL_URLS)
def test_anonymous_clients_get_401_for_every_unsafe_method(client, url, method):
    response = getattr(client, method)(url, data={"titel": "Gewijzigd"}, content_type="application/json")
    _problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Session")


@pytest.mark.parametrize("method", UNSAFE_METHODS)
@pytest.mark.parametrize("url", ALL_URLS)
def test_signed_in_readers_get_403_and_editors_405(client, reader, editor, url, method):
    client.force_login(reader)
    body = _problem(getattr(client, method)(url, content_type="application/json"), 403)
    assert body["detail"] == "U heeft geen recht om de gegevens te wijzigen."
    client.force_login(editor)
    # The read endpoints have no write operations; editing goes through the staff workspace.
    _problem(getattr(client, method)(url, content_type="application/json"), 405)


def test_nothing_changed_after_refused_writes(client, editor):
    from measures.models import Measure

    before = Measure.objects.get(code="8a").title
    client.put("/api/v1/maatregelen/8a", data={"titel": "X"}, content_type="application/json")
    client.force_login(editor)
    client.patch("/api/v1/maatregelen/8a", data={"titel": "X"}, content_type="application/json")
    assert Measure.objects.get(code="8a").title == before


@pytest.mark.parametrize(
    "url, detail",
    [
        ("/api/v1/maatregelen/99", "Er is geen maatregel met code 99."),
        ("/api/v1/moties/31497-9999", "Er is geen motie met Kamerstuknummer 31497-9999."),
        ("/api/v1/doelen/42", "Er is geen doel met nummer 42."),
        ("/api/v1/wetgeving/bestaat-niet", "Er is geen wet of regeling met de korte naam bestaat-niet."),
        ("/api/v1/rapportages/bestaat-niet", "Er is geen gepubliceerde rapportage met de sleutel bestaat-niet."),
    ],
)
def test_unknown_resources_are_404_problems(client, url, detail):
    assert _problem(client.get(url), 404)["detail"] == detail


@pytest.mark.parametrize(
    "url",
    ["/api/v1/bestaat-niet", "/api/v1/maatregelen/", "/api/v1/maatregelen/8A", "/api/v1/downloads/bestaat-niet.csv",
     "/api/v1/be%0Astaat-niet", "/api/v1/x%0Amoties/8a/concept"],
)
def test_unknown_addresses_and_trailing_slashes_are_404_problems(client, url):
    _problem(client.get(url), 404)


def test_invalid_parameters_are_400_problems_naming_each_parameter(client):
    body = _problem(
        client.get("/api/v1/maatregelen", {"status": "klaar", "doel": "drie", "geprioriteerd": "misschien",
                                          "sorteer": "kleur", "paginaGrootte": "0"}),
        400,
    )
    names = {param["name"] for param in body["invalidParams"]}
    assert {"status", "doel", "geprioriteerd", "sorteer"} <= names
    assert all(param["reason"] and param["code"] for param in body["invalidParams"])
    body = _problem(client.get("/api/v1/moties", {"maatregel": "abc"}), 400)
    assert body["invalidParams"][0]["name"] == "maatregel"
    assert "geen geldige maatregelcode" in body["invalidParams"][0]["reason"]


@pytest.mark.parametrize("params", [{"sorteer": "code,kleur"}, {"sorteer": ["code", "-kleur"]}, {"ordering": "kleur"}])
def test_unknown_sort_fields_are_400_in_dutch(client, params):
    body = _problem(client.get("/api/v1/maatregelen", params), 400)
    [invalid] = body["invalidParams"]
    assert invalid["name"] == "sorteer"
    assert invalid["reason"].startswith("Onbekend sorteerveld “")
    assert "kies uit: code, titel, status, laatstGewijzigd" in invalid["reason"]
    _problem(client.get("/api/v1/downloads/maatregelen.csv", params), 400)


@pytest.mark.parametrize("params", [{"pagina": "0"}, {"pagina": "x"}, {"paginaGrootte": "201"}])
def test_invalid_paging_is_400(client, params):
    body = _problem(client.get("/api/v1/maatregelen", params), 400)
    assert body["invalidParams"][0]["name"] == next(iter(params))


def test_page_beyond_the_last_is_404(client):
    assert "bestaat niet" in _problem(client.get("/api/v1/maatregelen", {"pagina": 999}), 404)["detail"]


def test_unknown_format_is_400_and_errors_in_csv_requests_are_still_json(client):
    body = _problem(client.get("/api/v1/maatregelen", {"format": "xml"}), 400)
    assert body["invalidParams"][0]["name"] == "format"
    _problem(client.get("/api/v1/maatregelen", {"format": "csv", "status": "klaar"}), 400)
    _problem(client.get("/api/v1/maatregelen/8a", {"format": "csv"}), 400)


def test_unacceptable_media_type_is_406(client):
    _problem(client.get("/api/v1/maatregelen", HTTP_ACCEPT="application/xml"), 406)


def test_unexpected_errors_are_500_problems_without_details(client, monkeypatch):
    from measures.api import MeasureViewSet

    def broken(self):
        raise RuntimeError("geheime interne details")

    monkeypatch.setattr(MeasureViewSet, "get_queryset", broken)
    body = _problem(client.get("/api/v1/maatregelen"), 500)
    assert "geheime" not in body["detail"]


def test_anonymous_clients_are_throttled_with_429_and_retry_after(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    cache.clear()
    for url in ["/api/v1/doelen", "/api/v1/moties", "/api/v1/wetgeving"]:
        assert client.get(url).status_code == 200
    response = client.get("/api/v1/maatregelen")
    body = _problem(response, 429)
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Retry-After"] in body["detail"]
    # The throttle guards the work of rendering: a response already in the page cache
    # (PublicPageCacheMiddleware) costs no more than a static file and is still served.
    assert client.get("/api/v1/doelen").status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"}}
    cache.clear()
    statuses = [
        client.get(url, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code
        for number, url in enumerate(["/api/v1/doelen", "/api/v1/moties", "/api/v1/wetgeving"])
    ]
    assert statuses == [200, 200, 429]


def test_signed_in_staff_are_not_throttled_as_anonymous(client, settings, reader):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"}}
    cache.clear()
    client.force_login(reader)
    assert [client.get("/api/v1/doelen").status_code for _ in range(3)] == [200, 200, 200]
