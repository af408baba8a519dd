"""The API documentation page in a real browser: no CSP refusals, no axe-core violations."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import needs_chromium

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_docs_page_loads_cleanly_and_is_accessible(open_page, settings, width):
    # The site's stylesheet, so that axe-core judges contrast with the real styles.
    settings.STATICFILES_DIRS = [settings.BASE_DIR / "static"]
    page, problems = open_page("/api/v1/docs", width=width)
    assert page.locator("h1").inner_text() == "Open data Verbeteraanpak Passend Onderwijs"
    assert page.get_by_role("link", name="GET /api/v1/maatregelen", exact=True).count() == 1
    page.get_by_role("link", name="GET /api/v1/maatregelen/{code}").click()
    assert page.locator("#maatregelen_retrieve").is_visible()
    # The open data first, the staff operations last.
    headings = page.locator("section > h2").all_inner_texts()
    assert headings[0] == "Algemeen" and headings[-2].startswith("Beheer") and headings[-1] == "Gegevenstypen"
    results = Axe().run(page).response["violations"]
    assert [f"{item['id']}: {item['help']}" for item in results] == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert problems.errors == []
