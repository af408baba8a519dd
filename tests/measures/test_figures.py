"""Key figures (kerncijfers): loaded faithfully from the sources, shown on their page and the
measure pages, in the API and as CSV, and kept in a report's snapshot."""
import csv
import datetime
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from measures.models import FigureUnit, KeyFigure
from measures.templatetags.figures import figure_value
from programme.models import EditionStatus, ReportEdition
from reports.snapshot import report_snapshot_build
from tests.factories import KeyFigureFactory, MeasureFactory, ReportEditionFactory, SourceDocumentFactory
from tests.helpers import SEEDS, needs_seeds

pytestmark = pytest.mark.django_db



def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _seed_text(seed_file: str) -> str:
    path = SEEDS / seed_file
    assert path.is_file(), f"bronbestand {path} ontbreekt"
    return _normalised(path.read_text(encoding="utf-8"))


# --- Loading -------------------------------------------------------------------------------


@needs_seeds
def test_every_loaded_figure_has_a_source_and_a_quote_that_occurs_in_its_seed_file(programme_loaded):
    figures = list(KeyFigure.objects.select_related("source"))
    entries = yaml.safe_load((settings.PROGRAMME_FIXTURES_DIR / "figures.yaml").read_text(encoding="utf-8"))
    assert len(figures) == len(entries) >= 15
    for figure in figures:
        assert figure.source.seed_file, figure.key
        text = _seed_text(figure.source.seed_file)
        # Pieces of one sentence the two-column extraction split up, in their order.
        position = 0
        for piece in figure.quote.split(" … "):
            found = text.find(_normalised(piece), position)
            assert found >= 0, f"{figure.key}: “{piece}” staat niet in {figure.source.seed_file}"
            position = found + len(piece)
        assert figure.wording and figure.period, figure.key


# (key, value, wording, period, source, edition, measure codes), read from the seeds.
FACTS = [
    ("oza-leerlingen-2024", "945.00", "945 leerlingen", "april 2024", "kamerbrief-2024", "vgr-2024", ["8b"]),
    ("oza-leerlingen-2025", "2100.00", "ruim 2100 leerlingen", "peildatum 1 februari 2025", "vgr-2025",
     "vgr-2025", ["8b"]),
    ("oza-arrangementen-2024", "76.00", "76 onderwijszorgarrangementen", "mei 2024", "kamerbrief-2024",
     "vgr-2024", ["8b"]),
    ("hoogbegaafdheid-subsidie-2024", "66.00", "€ 66 miljoen", "2023 tot 2025", "kamerbrief-2024", "vgr-2024",
     ["8c"]),
    ("brugfunctionaris-budget-2024", "160.00", "ruim € 160 miljoen", "de komende drie jaar", "kamerbrief-2024",
     "vgr-2024", ["16b"]),
    ("wel-in-ontwikkeling-budget-2024", "5.80", "€5,8 miljoen", "mei 2024", "kamerbrief-2024", "vgr-2024",
     ["8d"]),
    ("brugfunctionaris-vso-oorspronkelijk-2024", "4.80", "het oorspronkelijke budget van € 4,8 miljoen",
     "oorspronkelijk budget", "kamerbrief-2024", "vgr-2024", ["16b"]),
    ("brugfunctionaris-vso-opgehoogd-2024", "10.30", "opgehoogd naar € 10,3 miljoen",
     "de gehele duur van de regeling", "kamerbrief-2024", "vgr-2024", ["16b"]),
    ("brugfunctionaris-scholen-2024", None, "ruim duizend scholen", "mei 2024", "kamerbrief-2024", "vgr-2024",
     ["16b"]),
    ("hoogbegaafdheid-ondersteuning-webinar-2023", "14.00", "14 miljoen", "subsidieregeling 2023",
     "webinar-2023", "", ["8c"]),
    ("maatregelen-aantal-2025", "25.00", "25 maatregelen", "peildatum 1 februari 2025", "vgr-2025", "vgr-2025",
     []),
]


def test_figures_as_the_sources_give_them(programme_loaded):
    for key, value, wording, period, source, edition, codes in FACTS:
        figure = KeyFigure.objects.select_related("source").get(key=key)
        assert (None if figure.value is None else str(figure.value)) == value, key
        assert (figure.wording, figure.period, figure.source.key, figure.edition_key) == (
            wording, period, source, edition
        ), key
        assert [measure.code for measure in figure.measures.order_by("number", "suffix")] == codes, key


def _fixtures_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "fixtures"
    shutil.copytree(settings.PROGRAMME_FIXTURES_DIR, folder)
    return folder


def test_loading_the_figures_twice_changes_nothing_and_a_corrected_file_corrects_them(programme_loaded, tmp_path):
    before = list(KeyFigure.objects.order_by("key").values())
    call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, stdout=io.StringIO())
    assert list(KeyFigure.objects.order_by("key").values()) == before

    folder = _fixtures_copy(tmp_path)
    path = folder / "figures.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('wording: "76 onderwijszorgarrangementen"',
                                                            'wording: "76 arrangementen"'), encoding="utf-8")
    call_command("load_programme", fixtures=folder, stdout=io.StringIO())
    assert KeyFigure.objects.get(key="oza-arrangementen-2024").wording == "76 arrangementen"


def test_a_series_with_two_units_is_refused_and_nothing_is_loaded(db, tmp_path):
    folder = _fixtures_copy(tmp_path)
    path = folder / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("series: oza-arrangementen", "series: oza-leerlingen"), encoding="utf-8")
    with pytest.raises(CommandError, match="oza-arrangementen-2024.*eenheid leerlingen"):
        call_command("load_programme", fixtures=folder, stdout=io.StringIO())
    assert not KeyFigure.objects.exists()


# --- Pages, API and CSV --------------------------------------------------------------------


class Figures:
    """Series of figures over two editions and a source older than both, growing."""

    def __init__(self):
        self.old = SourceDocumentFactory(key="webinar", date=None, date_text="2023")
        self.letter = SourceDocumentFactory(key="brief", date=None, date_text="mei 2024")
        self.report = SourceDocumentFactory(key="rapportage", date=None, date_text="2025")
        self.third = ReportEditionFactory(key="vgr-2024", number=3, status=EditionStatus.ADOPTED, source=self.letter)
        self.fourth = ReportEditionFactory(key="vgr-2025", number=4, status=EditionStatus.ADOPTED, source=self.report)
        self.measure = MeasureFactory(code="8")
        self.sub = MeasureFactory(code="8b", parent=self.measure)

    def grow(self, first: int, last: int) -> None:
        for number in range(first, last + 1):
            series = f"reeks-{number}"
            for key, source, edition in [("a", self.old, ""), ("b", self.letter, "vgr-2024"),
                                         ("c", self.report, "vgr-2025")]:
                figure = KeyFigureFactory(
                    key=f"{series}-{key}", series=series, title=f"Reeks {number}", source=source,
                    edition_key=edition, value=number * 10 + len(key), position=number,
                )
                figure.measures.add(self.sub if number % 2 else self.measure)


URLS = [
    "/kerncijfers/",
    "/maatregelen/8/",
    "/maatregelen/8b/",
    "/api/v1/kerncijfers",
    "/api/v1/kerncijfers?maatregel=8",
    "/api/v1/kerncijfers?reeks=reeks-1",
    "/api/v1/kerncijfers?format=csv",
    "/api/v1/kerncijfers/reeks-1-b",
]


def _query_counts() -> dict[str, int]:
    client = Client()
    counts = {}
    for url in URLS:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_figure_pages_and_api_run_a_constant_number_of_queries():
    figures = Figures()
    figures.grow(1, 2)
    small = _query_counts()
    figures.grow(3, 30)
    large = _query_counts()
    assert large == small
    assert Client().get("/kerncijfers/").content.decode().count("<svg") == 30


def test_the_page_shows_each_series_with_a_chart_its_wording_quote_and_source():
    figures = Figures()
    figures.grow(1, 2)
    KeyFigureFactory(key="alleen", series="alleen", title="Eén keer genoemd", value=None,
                     wording="ruim duizend scholen", unit=FigureUnit.SCHOOLS, source=figures.letter,
                     quote="voor ruim duizend scholen")
    page = Client().get("/kerncijfers/").content.decode()
    # A chart only for a series named more than once, always a table.
    assert page.count('<svg class="figure-chart"') == 2
    assert page.count("<table") == 3
    assert "Staafdiagram: Reeks 1" in page
    assert "ruim duizend scholen" in page and "“voor ruim duizend scholen”" in page
    assert 'href="/rapportages/vgr-2024/"' in page
    # Measure 8 shows the figures of its sub-measure 8b too; 8b only its own.
    measure = Client().get("/maatregelen/8/").content.decode()
    sub = Client().get("/maatregelen/8b/").content.decode()
    assert "Reeks 1" in measure and "Reeks 2" in measure
    assert "Reeks 1" in sub and "Reeks 2" not in sub


def test_the_api_filters_by_measure_and_series_and_names_only_adopted_editions():
    figures = Figures()
    figures.grow(1, 2)
    figures.third.status = EditionStatus.OPEN
    figures.third.save()
    client = Client()
    by_measure = client.get("/api/v1/kerncijfers?maatregel=8b").json()["resultaten"]
    assert sorted(item["sleutel"] for item in by_measure) == ["reeks-1-a", "reeks-1-b", "reeks-1-c"]
    assert len(client.get("/api/v1/kerncijfers?maatregel=8").json()["resultaten"]) == 6
    series = {item["sleutel"]: item for item in client.get("/api/v1/kerncijfers?reeks=reeks-2").json()["resultaten"]}
    assert [series[key]["rapportage"] for key in ["reeks-2-a", "reeks-2-b", "reeks-2-c"]] == [None, None, "vgr-2025"]
    assert series["reeks-2-c"]["waarde"] == 21.0 and series["reeks-2-c"]["maatregelen"] == ["8"]
    bad = client.get("/api/v1/kerncijfers?maatregel=%25")
    assert bad.status_code == 400 and bad["Content-Type"].startswith("application/problem+json")


def test_the_csv_has_dutch_headers_and_numbers_and_every_figure():
    figures = Figures()
    figures.grow(1, 2)
    KeyFigureFactory(key="komma", series="komma", value="9.5", unit=FigureUnit.MILLION_EURO, wording="9,5 miljoen",
                     source=figures.old)
    response = Client().get("/api/v1/kerncijfers?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="kerncijfers.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 7
    assert {row["Sleutel"]: row["Waarde"] for row in rows}["komma"] == "9,5"
    assert {row["Sleutel"]: row["Rapportage"] for row in rows}["reeks-1-b"] == "vgr-2024"
    assert set(rows[0]) >= {"Reeks", "Titel", "Eenheid", "Formulering in de bron", "Periode", "Bron", "Citaat"}


# --- The report snapshot -------------------------------------------------------------------


def test_a_report_snapshot_holds_the_figures_known_at_its_edition():
    figures = Figures()
    figures.grow(1, 1)
    # Names an edition that is not loaded, from a source no edition has: its place is unknown.
    KeyFigureFactory(key="later", series="later", edition_key="vgr-2026",
                     source=SourceDocumentFactory(key="brief-2026"))
    third = report_snapshot_build(edition=figures.third)["figures"]
    fourth = report_snapshot_build(edition=figures.fourth)["figures"]
    assert [(figure["series"], figure["edition_key"]) for figure in third] == [
        ("reeks-1", None), ("reeks-1", "vgr-2024"),
    ]
    assert [figure["edition_key"] for figure in fourth] == [None, "vgr-2024", "vgr-2025"]
    assert fourth[2] == {
        "series": "reeks-1", "title": "Reeks 1", "unit": "leerlingen", "value": "11.00", "wording": "945 leerlingen",
        "period": "april 2024", "date": None, "source_key": "rapportage", "edition_key": "vgr-2025",
        "measure_codes": ["8b"],
    }


def test_the_frozen_editions_from_the_files_keep_the_figures_known_at_them(programme_loaded):
    frozen = {edition.key: edition.frozen_state["figures"] for edition in ReportEdition.objects.all()}
    pupils = {key: [figure["wording"] for figure in figures if figure["series"] == "oza-leerlingen"]
              for key, figures in frozen.items()}
    assert pupils == {"vgr-2024": ["945 leerlingen"],
                      "vgr-2025": ["945 leerlingen", "ruim 2100 leerlingen", "ruim 2000 leerlingen"]}
    # The webinar's figures (before every edition) are known at both.
    assert {figure["source_key"] for figure in frozen["vgr-2024"]} == {"webinar-2023", "kamerbrief-2024"}
    assert len(frozen["vgr-2025"]) == KeyFigure.objects.count()


def test_a_figure_dated_by_its_source_edition_only_counts_from_that_edition():
    figures = Figures()
    KeyFigureFactory(key="zonder-sleutel", series="x", edition_key="", source=figures.report,
                     date=datetime.date(2025, 2, 1))
    assert report_snapshot_build(edition=figures.third)["figures"] == []
    assert [figure["source_key"] for figure in report_snapshot_build(edition=figures.fourth)["figures"]] == [
        "rapportage"
    ]


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [("945.00", FigureUnit.PUPILS, "945 leerlingen"), ("9.50", FigureUnit.MILLION_EURO, "€ 9,5 miljoen"),
     ("15.00", FigureUnit.PERCENT, "15%"), ("2100.00", FigureUnit.PUPILS, "2100 leerlingen")],
)
def test_a_number_is_shown_in_dutch_notation_with_its_unit(value, unit, shown):
    assert figure_value(KeyFigure(value=Decimal(value), unit=unit, wording="woorden")) == shown
    assert figure_value(KeyFigure(value=None, unit=unit, wording="ruim duizend")) == "ruim duizend"
