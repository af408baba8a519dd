"""The real stack: gunicorn (several worker processes) and a Celery worker, against the
local PostgreSQL and Redis, exercised over HTTP.

The servers run against the test database, so these tests commit their data
(transaction=True) for the other processes to see it.
"""
import concurrent.futures
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from measures.models import Draft
from tests.processes import server_environment

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "een-lang-wachtwoord-123"

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(programme_loaded):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "passend.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3",
         "--timeout", "60"],
        cwd=ROOT, env=server_environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/health/live", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("gunicorn did not start: " + process.stdout.read().decode()[-2000:])
    yield url
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)


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

    def save(index: int) -> int:
        html = forms[index]
        data = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
            "token": re.search(r'name="token" value="([^"]+)"', html).group(1),
            "original": "{}",
            "title": "Een aanspreekpunt voor elke VO-leerling",
            "status": "in_opstartfase",
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


def _postgres(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
                   check=True, capture_output=True, timeout=60)


def _ready_status(url: str) -> int:
    try:
        return requests.get(f"{url}/health/ready", timeout=10).status_code
    except requests.RequestException:
        return 0


@pytest.mark.skipif(not Path("/usr/bin/pg_ctlcluster").exists() or os.geteuid() != 0,
                    reason="stopping the local PostgreSQL needs pg_ctlcluster as root")
def test_the_app_recovers_from_a_postgresql_restart_without_restarting(gunicorn):
    assert _ready_status(gunicorn) == 200
    _postgres("stop")
    try:
        assert _ready_status(gunicorn) == 503
        assert requests.get(f"{gunicorn}/health/live", timeout=10).status_code == 200
    finally:
        _postgres("start")
    deadline = time.monotonic() + 30
    while _ready_status(gunicorn) != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _ready_status(gunicorn) == 200
    assert requests.get(f"{gunicorn}/maatregelen/5/", timeout=10).status_code == 200
    # This process's own connection died with the server too.
    connection.close()
