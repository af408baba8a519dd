"""The site search and the glossary in a real browser: the header's search box, the
results page and the glossary at a desktop and a phone width, axe-core with zero
violations, nothing wider than the screen."""
import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import needs_chromium
from tests.browser.test_dashboard import violations

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs"


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [1280, 390])
def test_reader_searches_from_the_header(open_page, width):
    page, problems = open_page("/maatregelen/", width)
    page.get_by_role("search", name="Zoeken op deze site").get_by_label("Zoeken op deze site").fill("thuiszitters")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=thuiszitters$"))
    assert page.locator("h1").inner_text() == "Zoeken"
    results = page.locator(".search-result__title")
    assert results.first.inner_text() == "Meer ruimte voor thuiszittende jongeren"
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("thuiszit")
    assert violations(page) == []
    assert overflow(page) <= 0
    # Screenshots for the README, made when asked (SCREENSHOTS=1).
    if os.environ.get("SCREENSHOTS"):
        page.screenshot(path=str(DOCS / f"search-{width}.png"), full_page=width == 390)

    kinds = page.get_by_role("navigation", name="Resultaten per soort")
    kinds.get_by_role("link", name=re.compile("Toezeggingen")).click()
    page.wait_for_url(re.compile(r"soort=toezeggingen"))
    assert page.locator(".search-result__kind").all_inner_texts() == ["Toezegging"]
    assert violations(page) == []

    page.locator(".search-result__title a").first.click()
    page.wait_for_url(re.compile(r"/toezeggingen/"))
    assert problems.errors == []


@pytest.mark.parametrize("width", [1280, 390, 320])
def test_the_header_search_box_fits_every_width(open_page, width):
    page, _ = open_page("/", width)
    assert page.get_by_role("search", name="Zoeken op deze site").is_visible()
    assert overflow(page) <= 0
    assert violations(page) == []


def test_nothing_found_and_a_too_long_query(open_page):
    for path in ["/zoeken/?q=xylofoonorkest", "/zoeken/?q=" + "x" * 300, "/zoeken/"]:
        page, problems = open_page(path, 390)
        assert violations(page) == [], path
        assert overflow(page) <= 0, path
        assert problems.errors == []
        page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_glossary(open_page, width):
    page, problems = open_page("/begrippen/", width)
    assert page.locator("h1").inner_text() == "Begrippen en afkortingen"
    assert page.locator("#tlv").is_visible()
    assert violations(page) == []
    assert overflow(page) <= 0
    if os.environ.get("SCREENSHOTS"):
        page.screenshot(path=str(DOCS / f"glossary-{width}.png"), full_page=False)
    # A measure page explains its abbreviations where they are first used.
    page.goto(page.url.replace("/begrippen/", "/maatregelen/18/"))
    abbreviation = page.locator("main abbr", has_text="TLV").first
    assert abbreviation.get_attribute("title") == "toelaatbaarheidsverklaring"
    assert violations(page) == []
    assert problems.errors == []
