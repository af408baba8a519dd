"""The rendered 2025 report: content, table of contents, page furniture, PDF/UA."""
import io
import re
import shutil
import threading
from pathlib import Path

import pypdf
import pytest
import weasyprint
import yaml
from celery.signals import worker_process_init
from django.conf import settings

from reports import rendering
from reports.rendering import report_html, report_pdf, report_renderer_prepare

TITLE = "Vierde voortgangsrapportage verbeteraanpak passend onderwijs po/vo"
RUNNING_TITLE = TITLE.upper()
FIXTURES = Path(settings.PROGRAMME_FIXTURES_DIR)


def _normalised(text: str) -> str:
    # Extracted text breaks lines after hyphens ("onderwijs-\nkinderopvang"); so may the source.
    # Narrow columns are hyphenated (U+2010 at the line end): the word is joined again.
    text = re.sub(r"\u2010\s+", "", text)
    return re.sub(r"-\s+", "-", " ".join(text.split()))


@pytest.fixture(scope="module")
def pdf_reader(rendered_2025):
    return pypdf.PdfReader(io.BytesIO(rendered_2025.pdf))


@pytest.fixture(scope="module")
def pages(pdf_reader):
    return [_normalised(page.extract_text()) for page in pdf_reader.pages]


@pytest.fixture(scope="module")
def full_text(pages):
    return " ".join(pages)


def _yaml(name: str):
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def test_every_measure_title_is_in_the_pdf(full_text):
    files = sorted((FIXTURES / "measures").glob("*.yaml"))
    assert len(files) == 31
    for path in files:
        measure = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert _normalised(measure["title"]) in full_text, measure["code"]
        if measure.get("chapter_title"):
            assert _normalised(measure["chapter_title"]) in full_text, measure["code"]


def test_every_motion_number_and_law_title_is_in_the_pdf(full_text):
    motions = _yaml("motions.yaml")
    assert len(motions) == 28
    for motion in motions:
        assert motion["number"] in full_text
    laws = _yaml("laws.yaml")
    assert len(laws) == 8
    for law in laws:
        assert f"{law['number']}. {_normalised(law['title'])}" in full_text


def _toc_entries(pages: list[str], pdf_reader: pypdf.PdfReader) -> list[tuple[str, int]]:
    toc_pages = [index for index, text in enumerate(pages) if text.startswith("Inhoud ")]
    assert toc_pages == [1], "the table of contents is on page 2"
    entries = []
    for line in pdf_reader.pages[1].extract_text().splitlines():
        match = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)$", line.strip())
        if match:
            entries.append((_normalised(match.group(1)), int(match.group(2))))
    return entries


# The source heads two sections "Maatregelen"; the TOC names them apart.
TOC_TITLES_OF_HEADINGS = {
    "Maatregelen: overzicht van de status": "Maatregelen",
    "Maatregelen: uitwerking per maatregel": "Maatregelen",
}


def test_toc_page_numbers_are_the_pages_the_headings_are_on(pages, pdf_reader, snapshot_2025):
    entries = _toc_entries(pages, pdf_reader)
    chapters = [measure for measure in snapshot_2025["measures"] if measure["has_chapter"]]
    # Chapters and sections (12), one entry per measure chapter, and the other measures.
    assert len(entries) == 12 + len(chapters)
    for title, page_number in entries:
        heading = TOC_TITLES_OF_HEADINGS.get(title, title)
        page = pages[page_number - 1]
        assert page.startswith(f"{heading} ") or f" {heading} " in page, (title, page_number)
    # The numbers are those of the first page on which each heading appears after the TOC.
    for title, page_number in entries:
        if title in TOC_TITLES_OF_HEADINGS or title == "Leeswijzer":
            continue
        first = next(index for index, page in enumerate(pages[2:], start=3) if title in page)
        assert first == page_number, title


def test_bookmarks_point_to_the_same_pages_as_the_toc(pages, pdf_reader, snapshot_2025):
    entries = _toc_entries(pages, pdf_reader)

    def flatten(outline):
        for item in outline:
            if isinstance(item, list):
                yield from flatten(item)
            else:
                yield _normalised(item.title), pdf_reader.get_destination_page_number(item) + 1

    bookmarks = list(flatten(pdf_reader.outline))
    titles = [title for title, _page in entries]
    assert len(titles) == len(set(titles)), "every TOC entry names one section"
    level_one = [_normalised(item.title) for item in pdf_reader.outline if not isinstance(item, list)]
    assert len(level_one) == len(set(level_one)), "every chapter bookmark names one chapter"
    # Every TOC entry is a bookmark to the same page, in the same order; the annex's
    # sections are bookmarks too.
    assert [entry for entry in bookmarks if entry in entries] == entries
    headings = {title for title, _page in bookmarks}
    for measure in snapshot_2025["measures"]:
        if measure["has_chapter"]:
            assert f"Maatregel {measure['code']} · {_normalised(measure['heading'])}" in headings


def test_running_header_shows_report_title_and_section(pages, snapshot_2025):
    assert RUNNING_TITLE not in pages[0], "no running header on the cover"
    for number, page in enumerate(pages[1:], start=2):
        assert RUNNING_TITLE in page, number
        assert page.endswith(f" {number}"), f"page number in the footer of page {number}"
    chapter_pages = {
        measure["code"]: next(i for i, page in enumerate(pages[2:], start=2)
                              if f"Maatregel {measure['code']} · " in page)
        for measure in snapshot_2025["measures"] if measure["has_chapter"]
    }
    for code, index in chapter_pages.items():
        assert f"MAATREGEL {code}" in pages[index], code
    moties = next(i for i, page in enumerate(pages[2:], start=2) if page.startswith("Overzicht moties"))
    assert "OVERZICHT MOTIES" in pages[moties]


def test_the_three_step_columns_and_repeated_table_headers(pages, snapshot_2025):
    for measure in snapshot_2025["measures"]:
        if measure["steps"]:
            page = next(p for p in pages[2:] if _normalised(measure["steps"][0][:60]) in p)
            assert "Stappen tot nu toe Vervolgstappen Wat kunnen scholen en samenwerkingsverbanden al doen?" in page
    motion_pages = [page for page in pages if any(m["kamerstuk"] in page for m in snapshot_2025["motions"])
                    and "OVERZICHT MOTIES" in page]
    assert len(motion_pages) > 1, "the motions table spans pages"
    for page in motion_pages:
        assert "Moties Toelichting Status" in page


def test_annex_compares_with_the_previous_report(pages):
    title = "Bijlage: Wijzigingen ten opzichte van de voortgangsrapportage van 2024"
    start = next(index for index, page in enumerate(pages) if page.startswith(title))
    annex = " ".join(pages[start:])
    assert "Kamerbrief voortgangsrapportage verbeteraanpak passend onderwijs (mei 2024)" in annex
    assert "Maatregel 11" in annex and "Besloten niet uit te voeren" in annex
    assert "1 augustus 2025" in annex and "1 januari 2026" in annex
    assert "De brochure is naar verwachting dit najaar gereed." in annex
    assert "De gegevens bevatten geen eerdere voortgangsrapportage" not in " ".join(pages)


def test_pdf_is_tagged_pdf_ua_with_metadata(pdf_reader):
    assert pdf_reader.metadata.title == TITLE
    assert pdf_reader.metadata.author == "Ministerie van Onderwijs, Cultuur en Wetenschap"
    catalog = pdf_reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in catalog
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp


def test_rendering_again_reuses_the_prepared_stylesheet_and_fonts_and_gives_the_same_bytes(
    snapshot_2025, rendered_2025, monkeypatch
):
    # rendered_2025 was made in this thread, with the renderer it prepared then.
    renderer = report_renderer_prepare()
    used = []
    render = weasyprint.HTML.render

    def spy(self, **options):
        used.append(options)
        return render(self, **options)

    monkeypatch.setattr(weasyprint.HTML, "render", spy)
    assert report_pdf(snapshot_2025).pdf == rendered_2025.pdf
    assert used[0]["stylesheets"] == [renderer.stylesheet]
    assert used[0]["font_config"] is renderer.font_config


def _in_new_thread(function):
    result = []
    thread = threading.Thread(target=lambda: result.append(function()))
    thread.start()
    thread.join()
    return result[0]


def test_the_renderer_is_prepared_once_per_thread():
    renderer = report_renderer_prepare()
    assert report_renderer_prepare() is renderer
    # Pango's font map is not thread-safe: another thread gets a renderer of its own.
    other = _in_new_thread(report_renderer_prepare)
    assert other.font_config is not renderer.font_config and other.stylesheet is not renderer.stylesheet


def test_an_edited_stylesheet_is_parsed_again(tmp_path, monkeypatch):
    stylesheet = tmp_path / "report.css"
    shutil.copy(rendering.PRINT_CSS, stylesheet)
    monkeypatch.setattr(rendering, "PRINT_CSS", stylesheet)
    renderer = report_renderer_prepare()
    assert report_renderer_prepare() is renderer

    stylesheet.write_text(stylesheet.read_text() + "\np { color: black; }\n")
    assert report_renderer_prepare().stylesheet is not renderer.stylesheet


def test_a_worker_process_prepares_its_renderer_when_it_starts():
    def start_worker_process():
        worker_process_init.send(sender="test")
        return getattr(rendering._renderers, "renderer", None)

    assert _in_new_thread(start_worker_process) is not None


def test_web_version_uses_the_same_templates_without_print_furniture(snapshot_2025):
    html = report_html(snapshot_2025, medium="web")
    assert '<h1 class="cover-title"' in html
    assert "Stand van zaken overige maatregelen" in html
    assert 'class="footnote"' not in html
    assert "<script" not in html and "style=" not in html
