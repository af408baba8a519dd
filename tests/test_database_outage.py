"""While the database is unreachable, visitors get a Dutch 503 with Retry-After, not a
500 (the real outage, against a private PostgreSQL: tests/test_full_stack.py)."""
import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def _unreachable(*args, **kwargs):
    raise OperationalError('connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed')


@pytest.fixture
def outage_client(client, monkeypatch):
    """The database fails in every view; the page cache's version lookup too."""
    from django.db.models.query import QuerySet

    from core import content_version

    monkeypatch.setattr(QuerySet, "_fetch_all", _unreachable)
    monkeypatch.setattr(content_version, "_stored_version", _unreachable)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("url", ["/", "/maatregelen/5/", "/moties/", "/rapportages/"])
def test_public_pages_answer_503_in_dutch(outage_client, url):
    response = outage_client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert '<html lang="nl"' in html and "<h1>Tijdelijk niet beschikbaar</h1>" in html


def test_the_api_answers_a_problem_document(outage_client):
    response = outage_client.get("/api/v1/maatregelen")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["title"] == "Tijdelijk niet beschikbaar"


def test_other_errors_stay_500(client, monkeypatch):
    from django.db.models.query import QuerySet

    def broken(*args, **kwargs):
        raise RuntimeError("geen storing")

    monkeypatch.setattr(QuerySet, "_fetch_all", broken)
    client.raise_request_exception = False
    response = client.get("/maatregelen/5/")
    assert response.status_code == 500 and "Retry-After" not in response


def test_liveness_does_not_depend_on_the_database(outage_client):
    assert outage_client.get("/health/live").status_code == 200
