"""Playwright in Debian's headless Chromium against the live test server."""
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
EXPECTED_404 = "/bestaat-niet/"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
)


class PageProblems:
    """What went wrong while a page loaded: console errors (such as CSP refusals) and failed requests."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "response",
            lambda response: response.status >= 400
            and not response.url.endswith(EXPECTED_404)
            and self.errors.append(f"{response.status} {response.url}"),
        )

    def _console(self, message) -> None:
        # The 404 page is meant to answer 404; the browser logs that as an error.
        if message.type == "error" and not message.location.get("url", "").endswith(EXPECTED_404):
            self.errors.append(message.text)


@pytest.fixture
def open_page(browser, live_server, programme_loaded):
    """Open a path of the live server in a fresh page; returns (page, problems)."""
    contexts = []

    def open_(path: str, width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
        contexts.append(context)
        page = context.new_page()
        problems = PageProblems(page)
        page.goto(live_server.url + path)
        return page, problems

    yield open_
    for context in contexts:
        context.close()
