"""In a real browser: the web version passes axe-core, and the progress page follows a
generation on a real worker to the end without reloading itself over and over."""
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.db import connections
from django.test import Client

from programme.models import ReportEdition
from reports.models import GenerationStatus, ReportGeneration

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser_context(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    yield context
    context.close()
    # Queries made while Playwright's loop runs get their own connection; close it
    # here, or it keeps the test database from being dropped.
    connections.close_all()


def _problems(page) -> list[str]:
    """Script errors, CSP refusals and failed requests for this app's own files. (The site's
    stylesheets are another app's; a missing one is reported in its own tests.)"""
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error"
            and not message.text.startswith("Failed to load resource") and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    def failed(response) -> None:
        foreign_static = "/static/" in response.url and "/static/reports/" not in response.url
        if response.status >= 400 and not foreign_static:
            problems.append(f"{response.status} {response.url}")

    page.on("response", failed)
    return problems


@pytest.mark.parametrize("width", [1280, 390])
def test_web_version_is_accessible(programme_loaded, live_server, browser_context, width):
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    problems = _problems(page)
    page.goto(f"{live_server.url}/rapportages/vgr-2025/")
    assert page.locator("h1").inner_text().startswith("Vierde voortgangsrapportage")
    assert page.get_by_role("heading", name="Maatregel 8b · Experiment onderwijszorgarrangementen").is_visible()
    page.get_by_role("link", name="Overzicht moties").first.click()
    assert page.url.endswith("#moties")
    results = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in results] == []
    assert problems == []


def test_progress_page_follows_a_generation_on_a_real_worker(
    programme_loaded, live_server, browser_context, final_editor, render_gate, live_worker
):
    client = Client()
    client.force_login(final_editor)
    browser_context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])
    page = browser_context.new_page()
    problems = _problems(page)
    # When the browser sent each status request (its own clock, in milliseconds).
    polls: list[float] = []
    page.on("requestfinished", lambda request: "/status/" in request.url
            and polls.append(request.timing["startTime"]))
    loads: list[str] = []
    page.on("load", lambda loaded: loads.append(loaded.url))

    page.goto(f"{live_server.url}/beheer/rapportages/edities/vgr-2025/")
    page.get_by_role("button", name="PDF maken").click()
    page.wait_for_load_state()
    loads.clear()
    # The render waits at the gate until the page has asked three times.
    while len(polls) < 3:
        page.wait_for_timeout(250)
    render_gate.set()
    page.get_by_text("Download de PDF").wait_for(timeout=300_000)

    generation = ReportGeneration.objects.get(edition=ReportEdition.objects.get(key="vgr-2025"))
    assert generation.status == GenerationStatus.DONE
    assert page.get_by_role("status").inner_text() == "Status: Klaar"
    # Polled politely: each wait at least half again as long as the one before it
    # (a timer never fires early, so these lower bounds hold however slow the machine).
    gaps = [later - earlier for earlier, later in zip(polls[:2], polls[1:3], strict=True)]
    assert gaps[0] >= 3000 - 20 and gaps[1] >= 4500 - 20, gaps
    # And the page reloaded itself exactly once: when the generation was done.
    assert len(loads) == 1, loads
    assert problems == []
