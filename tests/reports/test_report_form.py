"""The report's form as in the source (seed 000): footnotes, cross references computed from
the layout, the laws table's wording, the cover, two pages per measure chapter."""
import copy
import io
import re

import pypdf
import pytest

from reports.rendering import report_context, report_html


@pytest.fixture(scope="module")
def pages(rendered_2025):
    reader = pypdf.PdfReader(io.BytesIO(rendered_2025.pdf))
    # Hyphenated narrow columns end a line in U+2010: join the word again.
    return [" ".join(re.sub("\u2010\\s+", "", page.extract_text()).split()) for page in reader.pages]


def _laws(snapshot) -> dict[str, list[dict]]:
    return {law["number"]: law["planning_lines"] for law in report_context(snapshot, medium="print")["laws"]}


def _line(line: dict) -> str:
    return line["text"] + line["planned"]


def test_the_planning_column_words_it_as_the_source(snapshot_2025):
    laws = _laws(snapshot_2025)
    assert [_line(line) for line in laws["1"]] == [
        "Parlementaire behandeling: Q1/Q2 2025", "Beoogde inwerkingtreding: 1 januari 2026",
    ]
    # A phased entry into force: each date once, with the parts that enter into force then.
    assert [(_line(line), line["parts"]) for line in laws["2"]] == [
        ("1 januari 2025:", ["In elk samenwerkingsverband een ouder- en jeugdsteunpunt."]),
        ("1 augustus 2025:",
         ["Hoorrecht voor leerlingen", "Informatie over het extra ondersteuningsaanbod in de schoolgids"]),
    ]
    assert [_line(line) for line in laws["3"]] == [
        "Internetconsultatie: Q2/Q3 2025", "Parlementaire behandeling: Q2/Q3 2026",
        "Beoogde inwerkingtreding nog nader te bepalen",
    ]
    # "Q2/Q3 2025" is not broken after its slash; "nog nader te bepalen" may wrap.
    assert laws["3"][0]["keep_together"] and not laws["3"][2]["keep_together"]


def test_the_laws_table_prints_no_invented_wording(pages):
    text = " ".join(page for page in pages if "VERWACHTE WET- EN REGELGEVING" in page)
    assert "Beoogde inwerkingtreding 1" not in text
    assert text.count("1 augustus 2025:") == 1


def test_the_cross_reference_gives_the_page_the_layout_puts_the_status_table_on(pages):
    status_page = next(number for number, page in enumerate(pages, 1)
                       if "Maatregelen Status 1. Leerrecht verankeren" in page)
    matrix = next(page for page in pages if "Een overzicht van de 25 verbetermaatregelen" in page)
    assert f"is te vinden op pagina {status_page}." in matrix
    assert "pagina 8 en 9" not in matrix


def test_the_web_version_links_the_cross_reference(snapshot_2025):
    html = report_html(snapshot_2025, medium="web")
    assert 'is te vinden in het hoofdstuk <a href="#maatregelen-status">Maatregelen</a>.' in html
    assert "op pagina" not in html


def test_cited_sources_are_footnotes_where_the_source_has_them(pages):
    introduction = next(page for page in pages if page.endswith(" 3") and "Leeswijzer" in page)
    assert "passend onderwijs gepresenteerd.1 Deze verbeteraanpak" in introduction
    assert "1. Kamerbrief Evaluatie en Verbeteraanpak Passend Onderwijs" in introduction
    # Footnote 2 is text, as in the source ("weergeven" sic).
    assert "inmiddels meer partijen betrokken.2" in introduction
    assert "2. In het overzicht van de maatregelen wordt per maatregel weergeven welke partijen" in introduction
    goals = next(page for page in pages if "Het gaat om de volgende doelstellingen" in page)
    assert "sinds de verbeteraanpak van 2020 onveranderd.3 Om deze" in goals
    assert "in de verbeteraanpak4 zijn genoemd" in goals
    assert "3. Bijlage 2 - Beleidsnota evaluatie passend onderwijs" in goals
    # Cited in footnotes, so not listed a second time.
    assert "Links" not in introduction and "Links" not in goals


def test_each_measure_chapter_takes_two_pages(pages, snapshot_2025):
    for measure in snapshot_2025["measures"]:
        if not (measure["has_chapter"] and measure["steps"]):
            continue
        running = f"MAATREGEL {measure['code']} "
        assert sum(1 for page in pages if running in page) == 2, measure["code"]


def test_the_cover_gives_the_adoption_date_or_none(snapshot_2025):
    assert "<dt>Datum</dt>" not in report_html(snapshot_2025)
    adopted = copy.deepcopy(snapshot_2025)
    adopted["edition"]["published_on"] = "2025-05-15"
    assert "<dt>Datum</dt><dd>15 mei 2025</dd>" in report_html(adopted)
