"""The review loop in a real browser (issue 17): a redacteur saves and offers a draft, the
eindredacteur sends it back with a remark, the redacteur revises it, the eindredacteur
publishes it. Every staff page on the way has no axe violations at 1280 and 390 px and
is no wider than a 390 px screen (WCAG 1.4.10)."""
import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PageProblems, needs_chromium

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-123"
REMARK = "Noem de Kamerbrief waarin de start is gemeld."
axe = Axe()


def _violations(page) -> list[str]:
    return [
        f"{item['id']}: {item['help']} at " + ", ".join(str(node["target"]) for node in item["nodes"][:3])
        for item in axe.run(page).response["violations"]
    ]


def _check(page, checked: list[str]) -> None:
    """axe at 1280 and 390 px, and nothing wider than a 390 px screen."""
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert _violations(page) == [], (page.url, width)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, (page.url, overflow)
    page.set_viewport_size({"width": 1280, "height": 900})
    checked.append(page.url)


def _sign_in(browser, live_server, username):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = PageProblems(page)
    page.goto(f"{live_server.url}/beheer/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/beheer/")
    return context, page, problems


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.className")


def test_save_submit_send_back_revise_publish(browser, live_server, programme_loaded, editor, final_editor):
    from measures.models import Measure
    from tests.reports.test_views import _finished

    Measure.objects.filter(code="5").update(status="in_opstartfase")
    today = datetime.date.today().isoformat()
    checked: list[str] = []
    base = live_server.url

    context, page, problems = _sign_in(browser, live_server, "redacteur")
    _check(page, checked)
    page.goto(f"{base}/beheer/maatregelen/")
    _check(page, checked)
    page.goto(f"{base}/beheer/maatregelen/5/")
    _check(page, checked)
    # A refused save: the summary gets focus and links to the field.
    page.get_by_label("Status", exact=True).select_option("in_uitvoering")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state()
    assert _focused_id(page) == "error-summary"
    page.locator(".error-summary").get_by_role("link", name="Datum van de wijziging", exact=False).click()
    assert _focused_id(page) == "id_status_change-date"
    _check(page, checked)
    page.get_by_label("Datum van de wijziging").fill(today)
    page.get_by_label("Korte toelichting").fill("De gesprekken met leerlingen zijn begonnen.")
    steps = page.locator("[data-list-editor=steps]")
    steps.get_by_role("textbox").last.fill("Eerste gesprekken met leerlingen gevoerd.")
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state()
    assert "Het concept is opgeslagen" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Opslaan en aanbieden ter beoordeling").click()
    page.wait_for_load_state()
    assert "aangeboden ter beoordeling" in page.locator(".messages").inner_text()
    context.close()

    reviewer, review, reviewer_problems = _sign_in(browser, live_server, "eindredacteur")
    review.goto(f"{base}/beheer/beoordelen/")
    _check(review, checked)
    review.get_by_role("link", name="Maatregel 5").click()
    diff = review.locator("table.diff").first.inner_text()
    assert "In uitvoering" in diff and "in_uitvoering" not in diff
    assert "Eerste gesprekken met leerlingen gevoerd." in diff
    _check(review, checked)
    review.get_by_role("button", name="Terugsturen met opmerking").click()
    review.wait_for_load_state()
    assert _focused_id(review) == "error-summary"
    _check(review, checked)
    review.get_by_label("Opmerking voor de redacteur").fill(REMARK)
    review.get_by_role("button", name="Terugsturen met opmerking").click()
    review.wait_for_load_state()
    assert "teruggestuurd" in review.locator(".messages").inner_text()

    context, page, problems = _sign_in(browser, live_server, "redacteur")
    page.goto(f"{base}/beheer/maatregelen/5/")
    assert REMARK in page.locator(".review-comment").inner_text()
    _check(page, checked)
    page.get_by_label("Bron (titel)").fill("Kamerbrief over de start van de gesprekken")
    page.get_by_role("button", name="Opslaan en aanbieden ter beoordeling").click()
    page.wait_for_load_state()
    assert "aangeboden ter beoordeling" in page.locator(".messages").inner_text()
    context.close()

    review.goto(f"{base}/beheer/maatregelen/5/beoordelen/")
    assert "Kamerbrief over de start van de gesprekken" in review.locator("table.diff").first.inner_text()
    review.get_by_role("button", name="Publiceren").click()
    review.wait_for_load_state()
    assert "Gepubliceerd" in review.locator(".messages").inner_text()
    review.goto(f"{base}/beheer/maatregelen/5/geschiedenis/")
    assert REMARK in review.locator(".change-log").inner_text()
    _check(review, checked)

    # Discarding asks first; the confirmation page too.
    review.goto(f"{base}/beheer/maatregelen/5/")
    review.get_by_label("Toelichting op de status (openbaar)").fill("Een concept om weg te gooien.")
    review.get_by_role("button", name="Concept opslaan").click()
    review.wait_for_load_state()
    review.get_by_role("link", name="Concept verwijderen").click()
    _check(review, checked)
    review.get_by_role("button", name="Ja, concept verwijderen").click()
    review.wait_for_load_state()
    review.get_by_role("button", name="Dit concept terugzetten").click()
    review.wait_for_load_state()
    assert review.get_by_label("Toelichting op de status (openbaar)").input_value() == "Een concept om weg te gooien."

    from programme.models import ReportEdition

    generation = _finished(ReportEdition.objects.order_by("reference_date").first())
    review.goto(f"{base}/beheer/rapportages/generaties/{generation.pk}/")
    _check(review, checked)
    reviewer.close()

    public = browser.new_page()
    public.goto(f"{base}/maatregelen/5/")
    assert "Eerste gesprekken met leerlingen gevoerd." in public.locator("main").inner_text()
    public.close()
    assert len(checked) == 11
    # The two refused forms answer 400 on purpose; nothing else may fail (a CSP refusal, a
    # missing script).
    unexpected = [error for error in problems.errors + reviewer_problems.errors if "400" not in error]
    assert unexpected == []


def test_list_items_are_added_moved_and_removed_in_place(browser, live_server, programme_loaded, editor):
    from workspace.models import Draft

    context, page, _problems = _sign_in(browser, live_server, "redacteur")
    page.goto(f"{live_server.url}/beheer/maatregelen/2/")
    dilemmas = page.locator("[data-list-editor=dilemmas]")
    before = [box.input_value() for box in dilemmas.get_by_role("textbox").all() if box.input_value()]
    assert len(before) == 2
    # With the script: buttons instead of position numbers and remove boxes, one empty row.
    assert not dilemmas.get_by_label("Volgorde").first.is_visible()
    dilemmas.get_by_role("textbox").last.fill("Nieuw dilemma.")
    dilemmas.get_by_role("button", name="Punt toevoegen").click()
    assert _focused_id(page) == f"id_dilemmas-{len(before) + 2}"
    page.keyboard.type("Nog een dilemma.")
    dilemmas.get_by_role("button", name="Omhoog").nth(len(before) + 1).click()   # the last one up
    dilemmas.get_by_role("button", name="Verwijderen").first.click()           # the first one out
    assert dilemmas.get_by_label("Punt 1").input_value() == before[1]
    page.get_by_role("button", name="Concept opslaan").click()
    page.wait_for_load_state()
    assert Draft.objects.get().document["dilemmas"] == [before[1], "Nog een dilemma.", "Nieuw dilemma."]
    context.close()
