"""manage.py render_report."""
import io

import pypdf
import pytest
from django.core.management import CommandError, call_command

from reports.editions import edition_adopt
from reports.models import ReportGeneration
from tests.factories import MeasureFactory, ReportEditionFactory


@pytest.fixture
def editions(db, final_editor):
    # One edition at a time is in preparation: the older one has been adopted.
    older = edition_adopt(
        edition=ReportEditionFactory(title="Eerdere rapportage", key="eerder", number=1, year=2024), user=final_editor
    )
    newer = ReportEditionFactory(title="Nieuwste rapportage", key="nieuw", number=2, year=2025)
    MeasureFactory(programme=newer.programme, code="1", title="Een maatregel om te tonen")
    return older, newer


def test_renders_the_newest_edition_to_pdf_without_touching_the_database(editions, tmp_path):
    output = tmp_path / "report.pdf"
    stdout = io.StringIO()
    call_command("render_report", output=str(output), stdout=stdout)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(output).pages)
    assert "Nieuwste rapportage" in text and "Een maatregel om te tonen" in text
    assert "pagina’s" in stdout.getvalue() and "WeasyPrint" in stdout.getvalue()
    assert not ReportGeneration.objects.exists()


def test_renders_a_named_edition_as_the_web_version(editions, tmp_path):
    output = tmp_path / "report.html"
    call_command("render_report", output=str(output), edition="eerder", html=True, stdout=io.StringIO())
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or "<!DOCTYPE html>" in html[:400]
    assert '<html lang="nl">' in html and "<title>Eerdere rapportage</title>" in html
    assert "Samenhang doelen en maatregelen" in html and ".report-document" in html


def test_unknown_edition_is_refused(editions, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("render_report", output=str(tmp_path / "x.pdf"), edition="onbekend")
