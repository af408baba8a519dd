"""A redacteur and an eindredacteur at work, in a real browser (issue: staff workspace).

The redacteur signs in, changes the status of measure 5 and adds a step; the
eindredacteur publishes it; the public measure page shows the change, and not the
internal note the redacteur wrote on the way. axe-core checks the workspace pages.
"""
import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import needs_chromium

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-123"
axe = Axe()


def _violations(page) -> list[str]:
    return [f"{item['id']}: {item['help']}" for item in axe.run(page).response["violations"]]


def _sign_in(browser, live_server, username):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/beheer/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/beheer/")
    return context, page


def test_redacteur_edits_eindredacteur_publishes_public_page_shows_it(
    browser, live_server, programme_loaded, editor, final_editor
):
    today = datetime.date.today().isoformat()
    context, page = _sign_in(browser, live_server, "redacteur")
    page.goto(f"{live_server.url}/beheer/maatregelen/5/")
    assert _violations(page) == []
    page.get_by_label("Status", exact=True).select_option("in_uitvoering")
    page.get_by_label("Datum van de wijziging").fill(today)
    page.get_by_label("Korte toelichting").fill("De gesprekken met leerlingen zijn begonnen.")
    page.locator("#id_steps-1").fill("Eerste gesprekken met leerlingen gevoerd.")
    page.get_by_label("Interne notitie (wordt nooit gepubliceerd)").fill("Nagekeken met de gedrukte rapportage.")
    page.get_by_role("button", name="Opslaan en aanbieden ter beoordeling").click()
    page.wait_for_load_state()
    assert "aangeboden ter beoordeling" in page.locator(".messages").inner_text()

    # Not public yet.
    public = context.new_page()
    public.goto(f"{live_server.url}/maatregelen/5/")
    assert "Eerste gesprekken met leerlingen gevoerd." not in public.content()
    context.close()

    context, page = _sign_in(browser, live_server, "eindredacteur")
    page.goto(f"{live_server.url}/beheer/beoordelen/")
    page.get_by_role("link", name="Maatregel 5").click()
    assert "Eerste gesprekken met leerlingen gevoerd." in page.locator("table.diff").first.inner_text()
    assert "Nagekeken met de gedrukte rapportage." in page.locator("main").inner_text()
    assert _violations(page) == []
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()
    assert "Gepubliceerd" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}/maatregelen/5/")
    body = page.locator("main").inner_text()
    assert "Eerste gesprekken met leerlingen gevoerd." in body
    assert "In uitvoering" in body
    assert "De gesprekken met leerlingen zijn begonnen." in body
    assert "Nagekeken met de gedrukte rapportage." not in page.content()
    context.close()
