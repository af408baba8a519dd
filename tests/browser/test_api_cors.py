"""The open data from a web page on another origin, in a real browser: a cross-origin read
works, a cross-origin staff write is refused by the browser (issue 18, CORS)."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.conftest import needs_chromium
from workspace.models import Draft

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord-123"
PAGE = b"<!doctype html><html lang='nl'><title>Elders</title><p>Een site op een ander adres.</p></html>"


class _OtherSite(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_origin():
    """A second web server on another port (and host name): another origin than the live server."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OtherSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


READ = """async (url) => {
    const response = await fetch(url, {headers: {"Accept": "application/json"}});
    const body = await response.json();
    return {status: response.status, version: response.headers.get("API-Version"), code: body.code};
}"""

WRITE = """async ([url, credentials]) => {
    try {
        const response = await fetch(url, {
            method: "PUT", credentials, headers: {"Content-Type": "application/json"},
            body: JSON.stringify({versie: "x", inhoud: {titel: "Van elders"}}),
        });
        return "answered " + response.status;
    } catch (error) {
        return "refused: " + error.name;
    }
}"""


def test_a_page_elsewhere_reads_the_api_but_cannot_write(browser, live_server, programme_loaded, editor, other_origin):
    assert not live_server.url.startswith(other_origin)
    context = browser.new_context(locale="nl-NL")
    # Signed in as a redacteur in the same browser: the write is refused all the same.
    page = context.new_page()
    page.goto(f"{live_server.url}/beheer/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/beheer/")

    page.goto(other_origin)
    assert page.evaluate(READ, f"{live_server.url}/api/v1/maatregelen/8a") == {
        "status": 200, "version": "1.0.0", "code": "8a",
    }
    # The browser asks first (a preflight) and gets no permission, so the write is never
    # sent: with the staff session's cookie, nor without (as a client with a token would).
    concept = f"{live_server.url}/api/v1/maatregelen/8a/concept"
    for credentials in ("include", "omit"):
        assert page.evaluate(WRITE, [concept, credentials]) == "refused: TypeError", credentials
    assert not Draft.objects.exists()
    context.close()
