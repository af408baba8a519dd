"""The public dashboard in a real browser: a reader's journey, keyboard use, a phone-sized
screen, and axe-core on every page type (zero violations)."""
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import needs_chromium

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]

# One address of every page type.
PAGE_TYPES = [
    "/",
    "/doelen/",
    "/doelen/1/",
    "/samenhang/",
    "/maatregelen/",
    "/maatregelen/?status=gestopt&q=verzuim",  # with a filter that is explained
    "/maatregelen/8/",
    "/maatregelen/8a/",  # a sub-measure: part of measure 8, with its status
    "/betrokkenen/",
    "/betrokkenen/ouders/",
    "/moties/",
    "/moties/31497-373/",
    "/toezeggingen/",
    "/toezeggingen/t01575/",
    "/wetgeving/",
    "/wetgeving/1-wetsvoorstel-terugdringen-verzuim/",
    "/wijzigingen/",
    "/toegankelijkheid/",
    "/over/",
    "/zoeken/?q=thuiszitters",
    "/zoeken/?q=xylofoonorkest",  # nothing found
    "/begrippen/",
    "/bestaat-niet/",  # the 404 page
]
# The page types whose layout changes most on a phone-sized screen.
PHONE_PAGE_TYPES = ["/", "/maatregelen/", "/maatregelen/8/", "/samenhang/", "/moties/",
                    "/wetgeving/1-wetsvoorstel-terugdringen-verzuim/", "/zoeken/?q=thuiszitters", "/begrippen/"]

axe = Axe()


def violations(page) -> list[str]:
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]


def test_reader_opens_the_overview_filters_measures_and_opens_one(open_page):
    page, problems = open_page("/")
    assert page.locator("h1").inner_text() == "Hoe staat de Verbeteraanpak Passend Onderwijs ervoor?"
    # The chart's figures are readable as a table.
    total = page.locator(".status-table tfoot td").first.inner_text()
    assert total == "25"
    assert violations(page) == []

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Maatregelen").click()
    page.wait_for_url(re.compile(r"/maatregelen/$"))
    assert page.get_by_role("heading", level=2).first.inner_text() == "25 maatregelen (31 met submaatregelen)"
    page.get_by_label("Status").select_option("afgerond")
    page.get_by_label("Zoeken in titels en teksten").fill("besturen")
    page.get_by_role("button", name="Toon maatregelen").click()
    page.wait_for_url(re.compile(r"status=afgerond"))
    assert "q=besturen" in page.url
    assert page.get_by_role("heading", name=re.compile(r"maatregel(en)? gevonden")).is_visible()
    assert violations(page) == []
    csv = page.get_by_role("link", name=re.compile("Download als CSV"))
    assert "status=afgerond" in csv.get_attribute("href") and "q=besturen" in csv.get_attribute("href")

    page.get_by_role("link", name=re.compile(r"^19 ")).click()
    page.wait_for_url(re.compile(r"/maatregelen/19/$"))
    assert page.locator("h1").inner_text().startswith("Maatregel 19")
    assert page.get_by_role("heading", name="Geschiedenis van de status").is_visible()
    assert violations(page) == []
    assert problems.errors == []


def test_every_page_type_has_no_axe_violations(open_page):
    found = {}
    checks = [(path, 1280) for path in PAGE_TYPES] + [(path, 390) for path in PHONE_PAGE_TYPES]
    for path, width in checks:
        page, problems = open_page(path, width)
        page_violations = violations(page) + problems.errors
        if page_violations:
            found[f"{path} @{width}px"] = page_violations
        page.close()
    assert found == {}


def test_stylesheet_loads_and_no_inline_style_is_refused(open_page):
    page, problems = open_page("/maatregelen/8a/")
    # The stylesheet applied: the main menu has the Rijkshuisstijl dark blue.
    background = page.locator(".main-nav").evaluate("element => getComputedStyle(element).backgroundColor")
    assert background == "rgb(21, 66, 115)"
    assert problems.errors == []


def test_keyboard_reader_skips_to_the_content_and_sees_focus(open_page):
    page, _ = open_page("/maatregelen/")
    page.keyboard.press("Tab")
    skip = page.locator(".skiplink")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0, "the skip link becomes visible when focused"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # After skipping, the next stop is inside the main content, not the menu.
    assert page.evaluate("document.activeElement.closest('main') !== null")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"


def test_every_page_type_fits_a_phone_screen(open_page):
    # WCAG reflow: readable at 320 CSS pixels wide without scrolling sideways (wide
    # tables scroll inside their own region).
    too_wide = {}
    for path in PAGE_TYPES:
        page, _ = open_page(path, width=320)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            too_wide[path] = overflow
        page.close()
    assert too_wide == {}


def test_a_long_list_comes_in_pages_a_keyboard_reader_can_walk(open_page):
    from core.paging import PAGE_SIZE
    from motions.models import Motion
    from tests.factories import MotionFactory

    MotionFactory.create_batch(PAGE_SIZE * 2 + 5 - Motion.objects.count())
    page, problems = open_page("/moties/?status=in_uitvoering")
    pages = page.get_by_role("navigation", name="Pagina’s met moties")
    assert pages.get_by_role("link", name="Pagina 2").is_visible()
    assert violations(page) == []

    pages.get_by_role("link", name="Volgende pagina").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"pagina=2"))
    assert "status=in_uitvoering" in page.url
    assert page.title().startswith("Moties (gefilterd) – pagina 2")
    assert page.locator("[aria-current=page]", has_text="2").is_visible()
    assert violations(page) == []
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert violations(page) == []
    assert problems.errors == []
