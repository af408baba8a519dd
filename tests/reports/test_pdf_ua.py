"""The 2025 report passes the PDF/UA-1 checkers from PyPI: page-validation (profile ua1)
and pdfua. Neither is veraPDF; both check the machine-checkable part of the standard."""
import page
import pdfua
import pikepdf
import pytest

# pdfua 0.1.3 cannot evaluate its empty-heading rule on this document: its as_integer()
# asks every /K for .is_integer, and pikepdf answers that on an array (a heading with
# several content items) with ValueError instead of AttributeError, so getattr's default
# never applies. A fault of the checker, not of the document; any other skip fails.
KNOWN_SKIPS = {"UA-14-001": "cannot get key '/is_integer' on object of type array"}


@pytest.fixture(scope="module")
def report_path(rendered_2025, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf-ua") / "vgr-2025.pdf"
    path.write_bytes(rendered_2025.pdf)
    return path


def test_page_validation_finds_no_failed_rule(report_path):
    report = page.validate_pdf(str(report_path), profile="ua1")
    assert report.failures == []
    assert report.is_compliant


def test_pdfua_finds_nothing(report_path):
    report = pdfua.validate(str(report_path))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []
    for outcome in report.skipped:
        assert KNOWN_SKIPS.get(outcome.rule_id, "\0") in outcome.skipped_reason, outcome


def test_every_table_header_cell_has_its_scope(report_path):
    # WeasyPrint writes none; reports.rendering adds them from the table's structure.
    scopes = {"/THead": set(), "/TBody": set()}
    with pikepdf.open(report_path) as document:
        pending = list(document.Root.StructTreeRoot.K)
        while pending:
            element = pending.pop()
            if not isinstance(element, pikepdf.Dictionary):
                continue
            kids = element.get("/K")
            pending.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
            if element.get("/S") == "/TH":
                scopes[str(element.P.P.S)].add(str(element.A.get("/Scope")))
    assert scopes == {"/THead": {"/Column"}, "/TBody": {"/Row"}}
