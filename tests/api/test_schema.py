"""The OpenAPI document validates, documents every endpoint, and holds against a fuzzer."""
import json
import os
import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .conftest import CSV_URLS, DETAIL_URLS, LIST_URLS


def _document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    return json.loads(response.content)


@pytest.mark.usefixtures("programme", "generous_throttle")
def test_openapi_document_validates_and_covers_every_endpoint(client):
    document = _document(client)
    validate_schema(document)
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1.0.0"
    assert document["info"]["license"]["name"] == "CC0 1.0"
    assert set(document["info"]["contact"]) == {"name", "email", "url"}
    # The paths are relative to the server, which carries the major version.
    assert document["servers"] == [{"url": "/api/v1", "description": "Deze server"}]
    paths = {"/api/v1" + path for path in document["paths"]}
    for url in LIST_URLS + CSV_URLS + ["/api/v1/", "/api/v1/programma", "/api/v1/openapi.json", "/api/v1/dataset"]:
        assert url in paths
    templated = [re.sub(r"\{[^}]+\}", "x", path) for path in paths]
    for url in DETAIL_URLS:
        assert re.sub(r"[^/]+$", "x", url) in templated
    for path, operations in document["paths"].items():
        if path.endswith(("/concept", "/aanbieden", "/publiceren", "/terugsturen")):
            assert all(operation["security"] for operation in operations.values())
            assert all("API-Version" in operation["responses"]["200"]["headers"] for operation in operations.values())
            continue  # the staff write endpoints (tests/workspace/test_api.py)
        assert set(operations) == {"get"}, path
        operation = operations["get"]
        # Reading needs no sign-in, and the document does not suggest one.
        assert "security" not in operation, path
        responses = operation["responses"]
        assert {"200", "304", "400", "404", "406", "429", "500"} <= set(responses)
        assert "API-Version" in responses["200"]["headers"]
        assert "application/problem+json" in responses["404"]["content"]
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        if "/api/v1" + path in LIST_URLS:
            # JSON only: the CSV is an operation of its own, so generated clients never
            # parse it as JSON.
            assert set(responses["200"]["content"]) == {"application/json"}
            assert {"pagina", "paginaGrootte"} <= names and "format" not in names
        if "/api/v1" + path in CSV_URLS:
            assert responses["200"]["content"] == {"text/csv": {"schema": {"type": "string"}}}
            # The list's filters and sorting, without its pages.
            listed = document["paths"][path.removeprefix("/downloads").removesuffix(".csv")]["get"]["parameters"]
            assert names == {parameter["name"] for parameter in listed} - {"pagina", "paginaGrootte"}
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["example"], path
    maatregelen = {p["name"] for p in document["paths"]["/maatregelen"]["get"]["parameters"]}
    assert {"status", "doel", "betrokkene", "geprioriteerd", "q", "sorteer", "ordering"} <= maatregelen
    assert "Namen in het Nederlands" in document["info"]["description"]


@pytest.mark.usefixtures("programme", "generous_throttle")
def test_docs_page_works_under_the_strict_csp(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<script" not in html
    assert "style=" not in html and "<style" not in html
    assert '<html lang="nl">' in html
    assert "/api/v1/maatregelen/{code}" in html
    assert 'href="/api/v1/openapi.json"' in html
    assert re.search(r"<h1>Open data Verbeteraanpak Passend Onderwijs</h1>", html)


@pytest.fixture
def api_schema(programme, generous_throttle):
    """The document, called through the WSGI application itself (no server, no network).

    As Django's test client does, the WSGI requests keep the test's database connection
    (and so its transaction) open instead of closing it after each request.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    # Schemathesis 4 also sends invalid data (negative mode) and adds a coverage phase by
    # default; this test keeps what it did under schemathesis 3: valid requests, from the
    # document's examples and generated at random.
    loaded.config.generation.update(modes=[GenerationMode.POSITIVE])
    loaded.config.phases.update(phases=["examples", "fuzzing"])
    yield loaded
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")
# Examples per operation: 20, the same every run, in CI; bench/fuzz.py sets more (its
# --api-examples) and a random seed (the "fuzz" profile, tests/conftest.py).
FUZZ_SETTINGS = hypothesis_settings(
    max_examples=int(os.environ.get("FUZZ_API_EXAMPLES", "20")), deadline=None,
    derandomize=hypothesis_settings.default.derandomize,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzzing_finds_no_server_error_and_no_undocumented_response(case):
    response = case.call()  # through the schema's WSGI application
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ],
    )


@pytest.fixture
def staff_token(final_editor) -> str:
    return Token.objects.create(user=final_editor).key


@schema.parametrize()
@FUZZ_SETTINGS
def test_fuzzing_as_staff_finds_no_server_error(case, staff_token):
    """The same operations with an eindredacteur's token: the staff writes (concept,
    aanbieden, publiceren) get past authentication and meet the services' validation."""
    response = case.call(headers={"Authorization": f"Token {staff_token}"})
    case.validate_response(response, checks=[not_a_server_error])


@pytest.mark.usefixtures("programme", "generous_throttle")
@pytest.mark.parametrize("url", ["/api/v1/docs", "/over/"])
def test_the_licence_is_named_for_people_too(client, url):
    html = client.get(url).content.decode()
    assert '<a href="https://creativecommons.org/publicdomain/zero/1.0/deed.nl" rel="license">CC0 1.0</a>' in html
