"""The changes between two reports in a real browser: axe-core finds nothing, and the page
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
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations] == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert problems.errors == []
