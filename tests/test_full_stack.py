"""The real stack: gunicorn (several worker processes) and a Celery worker, against the
local PostgreSQL and Redis, exercised over HTTP.

The servers run against the test database, so these tests commit their data
(transaction=True) for the other processes to see it.
"""
import concurrent.futures
import re
import subprocess
import sys

import pytest
import requests

from measures.models import Measure
from tests.processes import ROOT, private_postgresql, server_environment, wait_until
from tests.processes import gunicorn as gunicorn_server
from workspace import site
from workspace.models import Draft
from workspace.services import draft_for

PASSWORD = "een-lang-wachtwoord-123"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gunicorn(programme_loaded, tmp_path):
    with gunicorn_server(server_environment(), tmp_path / "gunicorn.log") as url:
        yield url


def _signed_in(url: str, username: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{url}/beheer/inloggen/", timeout=10)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(f"{url}/beheer/inloggen/", timeout=10, allow_redirects=False,
                            data={"csrfmiddlewaretoken": csrf, "username": username, "password": PASSWORD},
                            headers={"Referer": f"{url}/beheer/inloggen/"})
    assert response.status_code == 302, response.text[:500]
    return session


def test_public_pages_and_readiness_over_gunicorn(gunicorn):
    for path in ["/", "/maatregelen/", "/maatregelen/8a/", "/moties/31497-373/", "/api/v1/maatregelen"]:
        assert requests.get(gunicorn + path, timeout=10).status_code == 200, path
    ready = requests.get(f"{gunicorn}/health/ready", timeout=10)
    assert ready.status_code == 200 and ready.json()["database"] == "ok" and ready.json()["broker"] == "ok"


def test_concurrent_saves_from_several_processes_lose_nothing(gunicorn, django_user_model):
    from django.contrib.auth.models import Group

    editors = []
    for index in range(6):
        user = django_user_model.objects.create_user(f"redacteur{index}", password=PASSWORD)
        user.groups.add(Group.objects.get(name="redacteur"))
        editors.append(_signed_in(gunicorn, user.username))
    forms = [session.get(f"{gunicorn}/beheer/maatregelen/5/", timeout=10).text for session in editors]
    measure = Measure.objects.get(code="5")

    def save(index: int) -> int:
        html = forms[index]
        data = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
            "token": re.search(r'name="token" value="([^"]+)"', html).group(1),
            "original": "{}",
            "title": measure.title,
            "status": measure.status,
            "summary": f"Versie van redacteur {index}.",
            "action": "save",
        }
        return editors[index].post(f"{gunicorn}/beheer/maatregelen/5/", data=data, timeout=30,
                                   allow_redirects=False, headers={"Referer": gunicorn}).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(save, range(6)))

    assert sorted(statuses) == [302] + [409] * 5, statuses
    winner = statuses.index(302)
    assert Draft.objects.get().document["summary"] == f"Versie van redacteur {winner}."


def test_eindredacteuren_publishing_the_same_draft_at_once_publish_it_once(gunicorn, django_user_model, editor):
    from django.contrib.auth.models import Group

    from workspace.models import ChangeAction, ChangeRecord
    from workspace.services import draft_save, draft_submit, edit_token

    measure = Measure.objects.get(code="5")
    draft_save(record=measure, user=editor, expected_token=edit_token(record=measure, draft=None),
               document=dict(site.for_record(measure).document(measure), summary="Eén keer gepubliceerd."))
    draft_submit(record=measure, user=editor,
                 expected_token=edit_token(record=measure, draft=draft_for(record=measure)))
    reviewers = []
    for index in range(4):
        user = django_user_model.objects.create_user(f"eindredacteur{index}", password=PASSWORD)
        user.groups.add(Group.objects.get(name="eindredacteur"))
        reviewers.append(_signed_in(gunicorn, user.username))
    review = f"{gunicorn}/beheer/maatregelen/5/beoordelen/"
    # Every one of them opened the review page before anyone published.
    pages = [session.get(review, timeout=10).text for session in reviewers]

    def publish(index: int) -> str:
        html = pages[index]
        data = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
            "token": re.search(r'name="token" value="([^"]+)"', html).group(1),
            "action": "publish",
        }
        response = reviewers[index].post(review, data=data, timeout=30, headers={"Referer": gunicorn})
        assert response.status_code == 200, response.status_code
        return response.text

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(publish, range(4)))

    assert sum("Gepubliceerd. De wijziging staat nu op de openbare site." in answer for answer in answers) == 1
    assert sum("Dit concept is al gepubliceerd of verwijderd." in answer for answer in answers) == 3
    measure.refresh_from_db()
    assert measure.version == 2 and measure.summary == "Eén keer gepubliceerd."
    assert ChangeRecord.objects.filter(object_id=measure.pk, action=ChangeAction.PUBLISHED).count() == 1
    assert not Draft.objects.exists()


def _ready_status(url: str) -> int:
    try:
        return requests.get(f"{url}/health/ready", timeout=10).status_code
    except requests.RequestException:
        return 0


def _manage(env: dict, *arguments: str) -> None:
    result = subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.mark.django_db(transaction=False)
def test_the_app_recovers_from_a_postgresql_restart_without_restarting(tmp_path):
    """Against a PostgreSQL of the test's own: the machine's server is never touched."""
    with private_postgresql() as postgresql:
        env = server_environment(**postgresql.environment("postgres"))
        _manage(env, "migrate", "--no-input")
        _manage(env, "load_programme")
        with gunicorn_server(env, tmp_path / "gunicorn.log") as url:
            assert _ready_status(url) == 200
            postgresql.stop()
            assert _ready_status(url) == 503
            assert requests.get(f"{url}/health/live", timeout=10).status_code == 200
            postgresql.start()
            wait_until(lambda: _ready_status(url) == 200, timeout=60, message="the app did not reconnect")
            assert requests.get(f"{url}/maatregelen/5/", timeout=10).status_code == 200


@pytest.mark.django_db(transaction=False)
def test_during_a_postgresql_outage_pages_say_so_with_503_and_retry_after(tmp_path):
    with private_postgresql() as postgresql:
        env = server_environment(**postgresql.environment("postgres"))
        _manage(env, "migrate", "--no-input")
        _manage(env, "load_programme")
        with gunicorn_server(env, tmp_path / "gunicorn.log", workers=1) as url:
            assert requests.get(f"{url}/maatregelen/5/", timeout=10).status_code == 200
            postgresql.stop()
            page = requests.get(f"{url}/maatregelen/6/", timeout=10)
            assert page.status_code == 503 and page.headers["Retry-After"] == "30"
            assert '<html lang="nl"' in page.text and "Tijdelijk niet beschikbaar" in page.text
            api = requests.get(f"{url}/api/v1/moties", timeout=10)
            assert api.status_code == 503 and api.headers["Retry-After"] == "30"
            assert api.headers["Content-Type"].startswith("application/problem+json")
            assert "tijdelijk niet beschikbaar" in api.json()["detail"]
            assert "Server" not in page.headers and "Server" not in api.headers
