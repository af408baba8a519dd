"""Our own transcription notes (how a garbled word was read, what the OCR showed) stay in
YAML comments in fixtures/: no public page, API resource, feed, CSV or the PDF shows them.

The public site and API are crawled from their roots, so a new page or resource is
checked without being listed here.
"""
import io
import json
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pypdf
import pytest

# Phrases only an editorial remark about the sources uses. "OCR" is matched in
# capitals only ("democratie" contains "ocr").
NOTE = re.compile(
    r"onleesbaar|niet leesbaar|in de bron:|verminkt|statustabel|wisveeting|ureread|\bV ARG\b"
    r"|status onbekend",
    re.IGNORECASE,
)
OCR = re.compile(r"OCR")
# Staff pages, the admin and static files are not public text; the API's OpenAPI
# document and docs describe fields, not content.
SKIP = ("/beheer/", "/admin/", "/static/", "/media/", "/api/v1/docs", "/api/v1/openapi")
MAX_URLS = 3000


class _Text(HTMLParser):
    """The text a reader sees or hears: text nodes and the attributes read out."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("aria-label", "title", "alt", "content"):
            if attributes.get(name):
                self.parts.append(attributes[name])
        if tag in ("a", "link") and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_data(self, data):
        self.parts.append(data)


def _json_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif isinstance(value, str):
        yield value


def _notes(text: str) -> list[str]:
    return [match.group(0) for pattern in (NOTE, OCR) for match in pattern.finditer(text)]


def _read(response) -> tuple[str, list[str]]:
    """The public text of a response and the links in it."""
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    if "html" in kind:
        parser = _Text()
        parser.feed(text)
        return " ".join(parser.parts), parser.links
    if "json" in kind:
        strings = list(_json_strings(json.loads(text)))
        return " ".join(strings), [value for value in strings if value.startswith(("/", "http://testserver/"))]
    if "xml" in kind:
        root = ElementTree.fromstring(body)
        links = [element.get("href") for element in root.iter() if element.get("href")]
        return " ".join(root.itertext()), links
    return text, []


def _public(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if parts.path.startswith(SKIP) or parts.path.endswith("/pdf/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _roots(client) -> list[str]:
    """The home page and every API collection the OpenAPI document names."""
    document = client.get("/api/v1/openapi.json").json()
    server = document["servers"][0]["url"]  # the paths are relative to it
    collections = [
        server + path for path, operations in document["paths"].items() if "get" in operations and "{" not in path
    ]
    assert "/api/v1/maatregelen" in collections
    return ["/", *collections]


@pytest.mark.django_db
def test_no_public_page_or_api_resource_shows_an_internal_note(client, programme_loaded):
    roots = _roots(client)
    queue, seen, found, kinds = deque(roots), set(roots), {}, set()
    while queue:
        url = queue.popleft()
        response = client.get(url, HTTP_ACCEPT="text/html,application/json;q=0.9,*/*;q=0.8")
        if response.status_code != 200:
            continue
        kinds.add(response.get("Content-Type", "").split(";")[0])
        text, links = _read(response)
        if notes := _notes(text):
            found[url] = notes
        for link in links:
            target = _public(urljoin(url, link))
            if target and target not in seen and len(seen) < MAX_URLS:
                seen.add(target)
                queue.append(target)
    # The crawl reached every kind of public representation and every detail page.
    assert {"text/html", "application/json", "text/csv"} <= kinds, kinds
    assert {
        "/maatregelen/14/", "/maatregelen/19/", "/moties/36200-93/", "/rapportages/vgr-2025/",
        "/api/v1/maatregelen/14", "/api/v1/maatregelen/19", "/api/v1/moties/36200-93",
    } <= seen, sorted(seen)
    assert found == {}


def test_the_report_shows_no_internal_note(rendered_2025):
    reader = pypdf.PdfReader(io.BytesIO(rendered_2025.pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "36200-93" in text
    assert _notes(text) == []
