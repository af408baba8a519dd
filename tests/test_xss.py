"""Script in any narrative field stays inert: on the public pages, in the feeds and in the report."""
import datetime
import re

import pytest

from measures.models import Measure
from motions.models import Motion
from programme.models import ReportEdition
from reports.rendering import report_html
from reports.snapshot import report_snapshot_build
from tests.helpers import publish

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    '"><svg onload=alert(1)>',
]
YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
# What must never appear as markup in a page.
DANGEROUS = re.compile(r"<script(?![^>]*\bsrc=)|<img[^>]*onerror|<svg[^>]*onload|href=\"javascript:", re.I)


@pytest.fixture
def poisoned(programme, editor, final_editor):
    text = " ".join(PAYLOADS)
    measure = Measure.objects.get(code="2")
    publish(measure, editor=editor, final_editor=final_editor,
            introduction=text, summary=text, status_note=text,
            dilemmas=PAYLOADS, steps=PAYLOADS, next_steps=PAYLOADS, school_actions=PAYLOADS,
            links=[{"title": payload, "url": "https://example.org/"} for payload in PAYLOADS],
            status="afgerond", status_change={"date": YESTERDAY, "explanation": text, "source_title": text})
    motion = Motion.objects.get(kamerstuk="31497-378")
    publish(motion, editor=editor, final_editor=final_editor, explanation=text, status_note=text)
    return measure, motion


@pytest.mark.parametrize("url", ["/maatregelen/2/", "/maatregelen/", "/moties/31497-378/", "/wijzigingen/",
                                 "/feeds/maatregelen/2/", "/"])
def test_public_pages_show_the_payload_as_text(client, poisoned, url):
    html = client.get(url).content.decode()
    assert not DANGEROUS.search(html), DANGEROUS.search(html).group(0)


def test_the_measure_page_still_shows_the_text_escaped(client, poisoned):
    html = client.get("/maatregelen/2/").content.decode()
    assert "&lt;script&gt;alert(" in html


def test_the_report_renders_the_payload_inert(poisoned):
    html = report_html(report_snapshot_build(edition=ReportEdition.objects.get(key="vgr-2025")))
    assert "&lt;script&gt;alert(" in html
    assert not DANGEROUS.search(html), DANGEROUS.search(html).group(0)

