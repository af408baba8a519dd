"""The workspace page "Bijwerken vanuit de Tweede Kamer" in a real browser, with axe-core.

Here rather than in tests/browser/ because it answers from the recordings of this folder
(tests/motions/conftest.py); the live server runs in this process, so the recorded client
reaches the run it starts.
"""
import pytest
import requests
from axe_playwright_python.sync_playwright import Axe

from motions.models import MotionStatus
from tests.browser.conftest import needs_chromium
from tests.factories import MotionFactory

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]

axe = Axe()


def _violations(page) -> list[str]:
    return [f"{item['id']}: {item['help']}" for item in axe.run(page).response["violations"]]


@pytest.mark.parametrize("width", [1280, 390])
def test_an_eindredacteur_brings_in_the_kamer_facts(browser, live_server, final_editor, gegevensmagazijn,
                                                    monkeypatch, width):
    MotionFactory(kamerstuk="31497-373", status=MotionStatus.IN_PROGRESS)
    MotionFactory(kamerstuk="31497-999")
    client, _adapter = gegevensmagazijn({
        (31497, 373): "motie_gevonden.json", (31497, 999): requests.ConnectionError("refused"),
    })
    monkeypatch.setattr("motions.services.tweede_kamer_client", lambda: client)

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/beheer/")
    page.get_by_label("Gebruikersnaam").fill("eindredacteur")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-123")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/beheer/")
    page.get_by_role("link", name="Tweede Kamer").click()
    assert _violations(page) == []

    page.get_by_role("button", name="Bijwerken vanuit de Tweede Kamer").click()
    page.wait_for_load_state()
    assert "2 moties bekeken, 1 bijgewerkt, 1 niet gelukt." in page.locator(".facts").inner_text()
    changes = page.get_by_role("table", name="Wat is gewijzigd").inner_text()
    assert "Besluit van de Kamer" in changes and "Aangenomen" in changes
    assert "31497-999 is niet bijgewerkt" in page.content()
    assert _violations(page) == []

    page.goto(f"{live_server.url}/beheer/tweede-kamer/")
    assert page.get_by_role("heading", name="Laatste keer").is_visible()
    assert _violations(page) == []
    context.close()
