"""The changes between two reports, the comparison of any two, the reconstructed 2024
edition and a measure's timeline in a real browser: axe-core finds nothing, and each page
fits a desktop and a phone screen."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import needs_chromium
from tests.reports.test_editions import _adopt_2026_with_progress

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_changes_page_is_accessible_at_desktop_and_phone_width(open_page, editor, final_editor, width):
    _adopt_2026_with_progress(editor, final_editor)
    page, problems = open_page("/rapportages/vgr-2026/wijzigingen/", width=width)
    assert page.get_by_role("heading", name="Wat is er veranderd sinds de vorige rapportage?").is_visible()
    assert page.get_by_role("heading", name="Maatregel 2", exact=False).first.is_visible()
    _accessible_and_fits(page, problems)


def _accessible_and_fits(page, problems) -> None:
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert problems.errors == []


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("path", "heading"), [
    ("/rapportages/vergelijken/?van=vgr-2024&tot=vgr-2025", "Rapportages vergelijken"),
    ("/rapportages/vgr-2024/", "Voortgangsrapportage verbeteraanpak passend onderwijs 2024"),
    ("/rapportages/vgr-2025/wijzigingen/", "Wat is er veranderd sinds de vorige rapportage?"),
])
def test_the_comparison_pages_are_accessible(open_page, width, path, heading):
    page, problems = open_page(path, width=width)
    assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    _accessible_and_fits(page, problems)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_measure_timeline_is_accessible_and_opens_as_a_table(open_page, width):
    page, problems = open_page("/maatregelen/12/", width=width)
    timeline = page.locator(".edition-timeline")
    assert timeline.locator("li").count() == 2
    markers = timeline.locator(".edition-timeline__marker")
    # Side by side on a desktop, one under the other on a phone.
    first, second = markers.nth(0).bounding_box(), markers.nth(1).bounding_box()
    assert (second["x"] > first["x"]) if width == 1280 else (second["y"] > first["y"])
    page.get_by_text("Bekijk als tabel").click()
    assert page.get_by_role("table", name="Status van maatregel 12 per voortgangsrapportage, oudste eerst").is_visible()
    _accessible_and_fits(page, problems)
