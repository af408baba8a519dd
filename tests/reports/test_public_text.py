"""Our own transcription notes (how a garbled word was read, what the OCR showed) are the
records' internal notes: no public page, API resource, feed, CSV, search result, frozen
edition or the PDF shows them.

Every note carries a marker here (written into a copy of fixtures/, so that the loader,
the frozen editions and the search index see it, and through the workspace, so that the
audit trail has it too). The public site and API are crawled from their roots, so a new
page or resource is checked without being listed here.
"""
import io
import json
import re
import shutil
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pypdf
import pytest
import yaml
from django.core.management import call_command

from legislation.models import ExpectedLaw
from measures.models import Measure
from motions.models import Motion
from programme.models import ReportEdition
from reports.rendering import report_pdf
from reports.snapshot import report_snapshot_build
from search.models import SearchEntry
from search.selectors import search_results
from tests.helpers import FIXTURES, publish

# Phrases only an editorial remark about the sources uses. "OCR" is matched in
# capitals only ("democratie" contains "ocr").
NOTE = re.compile(
    r"onleesbaar|niet leesbaar|in de bron:|verminkt|statustabel|wisveeting|ureread|\bV ARG\b"
    r"|status onbekend",
    re.IGNORECASE,
)
OCR = re.compile(r"OCR")
# Written into every internal note. Short words: hyphenation never splits them.
MARK = "zqv"
MARKED = re.compile(rf"\b{MARK}\b", re.IGNORECASE)
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
    return [match.group(0) for pattern in (NOTE, OCR, MARKED) for match in pattern.finditer(text)]


def _mark(entry: dict, label: str) -> None:
    entry["internal_note"] = f"{entry.get('internal_note') or ''}\n\n{MARK} {label} {MARK}".strip()


@pytest.fixture
def marked_programme(db, tmp_path, editor, final_editor):
    """The programme loaded from fixtures/ with a marker in every record's internal note,
    and one note per editable kind changed again through the workspace."""
    folder = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, folder)
    for path in (folder / "measures").glob("*.yaml"):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        _mark(entry, f"maatregel {entry['code']}")
        path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name in ("motions.yaml", "commitments.yaml", "laws.yaml"):
        entries = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        for entry in entries:
            _mark(entry, f"{name} {entry.get('number') or entry.get('code') or entry['title']}")
        (folder / name).write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    call_command("load_programme", fixtures=folder, stdout=io.StringIO())
    for record in (Measure.objects.get(code="14"), Motion.objects.get(kamerstuk="36200-93"),
                   ExpectedLaw.objects.get(number="4a")):
        publish(record, editor=editor, final_editor=final_editor,
                internal_note=f"{record.internal_note}\n\nNagekeken {MARK} werkruimte {MARK}")
    # Every record the public reads has its marker (the crawl below looks for it).
    assert all(MARK in note for model in (Measure, Motion, ExpectedLaw)
               for note in model.objects.values_list("internal_note", flat=True))


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


# Searched for, not crawled: these pages repeat the query, so they show the marker
# whether a note is indexed or not. Words every note and many texts share find snippets.
SEARCH_PAGES = ["/zoeken/?q=status", "/zoeken/?q=bron", "/zoeken/?q=maatregel",
                "/maatregelen/?q=status", "/api/v1/maatregelen?q=status"]


def test_no_public_page_or_api_resource_shows_an_internal_note(client, marked_programme):
    roots = [*_roots(client), *SEARCH_PAGES]
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
    assert {"text/html", "application/json", "text/csv", "application/atom+xml"} <= kinds, kinds
    assert {
        "/maatregelen/14/", "/maatregelen/19/", "/moties/36200-93/", "/rapportages/vgr-2025/",
        "/api/v1/maatregelen/14", "/api/v1/maatregelen/19", "/api/v1/moties/36200-93", "/feeds/wijzigingen/",
    } <= seen, sorted(seen)
    assert found == {}


def test_search_finds_nothing_by_an_internal_note(marked_programme):
    assert search_results(query=MARK) == []
    assert search_results(query="Wisveeting") == []
    assert not SearchEntry.objects.filter(body__icontains=MARK).exists()


def test_no_frozen_edition_holds_an_internal_note(marked_programme):
    editions = ReportEdition.objects.exclude(frozen_state=None)
    assert editions.filter(key="vgr-2025").exists()
    for edition in editions:
        assert _notes(json.dumps(edition.frozen_state, ensure_ascii=False)) == [], edition.key
    snapshot = report_snapshot_build(edition=ReportEdition.objects.get(key="vgr-2025"))
    assert _notes(json.dumps(snapshot, ensure_ascii=False)) == []


def test_the_report_shows_no_internal_note(marked_programme):
    snapshot = report_snapshot_build(edition=ReportEdition.objects.get(key="vgr-2025"))
    reader = pypdf.PdfReader(io.BytesIO(report_pdf(snapshot).pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "36200-93" in text
    assert _notes(text) == []
