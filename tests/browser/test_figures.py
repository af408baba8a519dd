"""The key figures page in a real browser: axe-core finds nothing, the charts have their
tables, and the page fits a desktop and a phone screen."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import needs_chromium

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_figures_page_is_accessible_at_desktop_and_phone_width(open_page, width):
    page, problems = open_page("/kerncijfers/", width=width)
    assert page.get_by_role("heading", name="Kerncijfers", exact=True).is_visible()
    chart = page.get_by_role("img", name="Staafdiagram: Leerlingen in het experiment onderwijszorgarrangementen",
                          exact=False)
    assert chart.is_visible()
    assert page.get_by_role("cell", name="april 2024").first.is_visible()
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert problems.errors == []


def test_a_measure_page_shows_its_figures_accessibly(open_page):
    page, problems = open_page("/maatregelen/23/", width=390)
    assert page.get_by_role("heading", name="Kerncijfers", exact=True).is_visible()
    assert page.get_by_role("img", name="Staafdiagram: Bovenmatig eigen vermogen", exact=False).is_visible()
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert problems.errors == []
