"""Render a report snapshot to HTML (print or web) and to a tagged PDF with WeasyPrint.

Everything here works on the snapshot alone (see snapshot.py), never on the database,
so the same snapshot always gives the same document.
"""
import copy
import datetime
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from programme.models import EditionStatus

from .snapshot import SNAPSHOT_VERSION

PRINT_CSS = Path(__file__).resolve().parent / "print" / "report.css"
WEB_CSS = Path(__file__).resolve().parent / "static" / "reports" / "report-web.css"
AUTHOR = "Ministerie van Onderwijs, Cultuur en Wetenschap"
COMPLETED_MEASURE = "afgerond"
CARRIED_OUT_MOTION = "uitgevoerd"
ENTRY_INTO_FORCE = "inwerkingtreding"


class SnapshotVersionError(ValueError):
    """The snapshot was written by a version of the code that this one cannot read."""


@dataclass(frozen=True)
class PrintRenderer:
    """What every render of the print document needs and a worker process can keep
    between jobs: WeasyPrint's parsed stylesheet and its font configuration."""

    stylesheet: Any  # weasyprint.CSS
    font_config: Any  # weasyprint.text.fonts.FontConfiguration
    # The stylesheet file's path, modification time and size when it was parsed.
    source: tuple[str, int, int]


_renderers = threading.local()


@dataclass
class RenderedPdf:
    pdf: bytes
    page_count: int
    template_seconds: float
    weasyprint_seconds: float


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _long_date(value: str | None) -> str:
    return date_format(_date(value), "j F Y") if value else ""


def _measure_label(measure: dict) -> str:
    return f"{_('Maatregel')} {measure['code']}"


def _planning_lines(law: dict) -> list[dict]:
    """The planning column of a law in the report's wording: "Parlementaire behandeling:
    Q1/Q2 2025", "Beoogde inwerkingtreding nog nader te bepalen", and a phased entry into
    force as its dates, each with the parts that enter into force then ("1 augustus 2025:"
    followed by "Hoorrecht voor leerlingen" and the next part)."""
    lines: list[dict] = []
    phased: dict[str, dict] = {}
    for milestone in law["milestones"]:
        planned = milestone["planned_text"]
        if not planned or milestone["actual_date"] or milestone["actual_text"]:
            continue
        if milestone["label"] and milestone["phase"] == ENTRY_INTO_FORCE:
            if planned not in phased:
                phased[planned] = {"text": "", "planned": f"{planned}:", "keep_together": True, "parts": []}
                lines.append(phased[planned])
            phased[planned]["parts"].append(milestone["label"])
            continue
        name = _("Beoogde inwerkingtreding") if milestone["phase"] == ENTRY_INTO_FORCE else milestone["phase_label"]
        if milestone["label"]:
            name = f"{name} ({milestone['label']})"
        # "nog nader te bepalen" reads on from the name, without a colon; a short planning
        # ("Q2/Q3 2025") is kept on one line rather than broken after its slash.
        separator = " " if planned.startswith("nog ") else ": "
        lines.append({"text": f"{name}{separator}", "planned": planned, "keep_together": len(planned) <= 12,
                      "parts": []})
    return lines


def annex_title(previous: dict) -> str:
    return _("Bijlage: Wijzigingen ten opzichte van de voortgangsrapportage van %(year)s") % {"year": previous["year"]}


def report_context(snapshot: dict[str, Any], *, medium: str) -> dict[str, Any]:
    """Turn a snapshot into what the templates show; ``medium`` is "print" or "web"."""
    if snapshot.get("version") != SNAPSHOT_VERSION:
        raise SnapshotVersionError(
            _("Deze momentopname heeft versie %(found)s; deze versie van de software leest versie %(expected)s.")
            % {"found": snapshot.get("version"), "expected": SNAPSHOT_VERSION}
        )
    # The caller's snapshot stays untouched: it may be saved again after rendering.
    snapshot = copy.deepcopy(snapshot)
    edition = snapshot["edition"]
    # Snapshots frozen before plain-text footnotes existed have none.
    edition.setdefault("introduction_notes", [])
    measures = snapshot["measures"]
    by_code = {measure["code"]: measure for measure in measures}
    for measure in measures:
        measure["label"] = _measure_label(measure)
        measure["anchor"] = f"maatregel-{measure['code']}"
        measure["running"] = f"{_('Maatregel').upper()} {measure['code']}"
        measure["is_completed"] = measure["status"] == COMPLETED_MEASURE
        measure["has_columns"] = bool(measure["steps"] or measure["next_steps"] or measure["school_actions"])

    chapter_measures = [measure for measure in measures if measure["has_chapter"]]
    other_measures = [measure for measure in measures if not measure["has_chapter"]]
    goals = [
        {**goal, "measures": [by_code[code] for code in goal["measure_codes"] if code in by_code]}
        for goal in snapshot["goals"]
    ]
    laws = [
        {
            **law,
            "measures": [by_code[code] for code in law["measure_codes"] if code in by_code],
            "planning_lines": _planning_lines(law),
        }
        for law in snapshot["laws"]
    ]
    motions = [
        {**motion, "is_carried_out": motion["status"] == CARRIED_OUT_MOTION} for motion in snapshot["motions"]
    ]
    # The comparison with the previous report, made when the snapshot was taken (see
    # progress.py); a report with no earlier one to compare with has no such annex.
    changes = snapshot.get("changes")

    chapters = [
        {"id": "inleiding", "title": _("Inleiding"),
         "children": [{"id": "leeswijzer", "title": _("Leeswijzer")}]},
        {"id": "doelen", "title": _("Doelen"),
         "children": [{"id": "doelstellingenmonitor", "title": _("Doelstellingenmonitor passend onderwijs")}]},
        {"id": "samenhang", "title": _("Samenhang doelen en maatregelen")},
        # The source heads both sections "Maatregelen" (kept in the text); the table of
        # contents and the PDF's bookmarks tell them apart (data-bookmark in the templates).
        {"id": "maatregelen-status", "title": _("Maatregelen: overzicht van de status")},
        {"id": "samenwerking", "title": _("Samenwerking met veldpartijen")},
        {"id": "maatregelen", "title": _("Maatregelen: uitwerking per maatregel"),
         "children": [
             {"id": measure["anchor"], "title": f"{measure['label']} · {measure['heading']}"}
             for measure in chapter_measures
         ] + [{"id": "overige-maatregelen", "title": _("Stand van zaken overige maatregelen")}]},
        {"id": "wet-en-regelgeving", "title": _("Verwachte wet- en regelgeving")},
        {"id": "moties", "title": _("Overzicht moties")},
    ]
    if changes:
        chapters.append({"id": "bijlage-wijzigingen", "title": annex_title(changes["previous"])})
    return {
        "medium": medium,
        "snapshot_taken_at": snapshot["taken_at"],
        "edition": edition,
        "is_draft": edition["status"] != EditionStatus.ADOPTED,
        "running_title": edition["title"].upper(),
        "reference_date": _long_date(edition["reference_date"]),
        # The day the edition was adopted; an edition frozen from the sources has none.
        "cover_date": _long_date(edition["published_on"]),
        "author": AUTHOR,
        "toc": chapters,
        "goals": goals,
        "status_measures": [measure for measure in measures if measure["parent_code"] is None],
        "stakeholder_table": snapshot["stakeholder_table"],
        "chapter_measures": chapter_measures,
        "other_measures": other_measures,
        "laws": laws,
        "motions": motions,
        "changes": changes,
        "annex_title": annex_title(changes["previous"]) if changes else "",
    }


def report_html(snapshot: dict[str, Any], *, medium: str = "print") -> str:
    """The complete print document (own minimal layout), or the body of the web version."""
    template = "reports/print/report.html" if medium == "print" else "reports/report/_document.html"
    return render_to_string(template, report_context(snapshot, medium=medium))


def _refuse_fetch(url: str, *args, **kwargs):
    # The report embeds nothing external; refusing every fetch keeps stored links or
    # text from ever making the renderer reach out to the network.
    raise ValueError(f"Extern bestand niet toegestaan: {url}")


def report_renderer_prepare() -> PrintRenderer:
    """The print renderer of this thread, made on first use and kept: a worker's next job
    parses no CSS again and keeps Pango's font map with the fonts and metrics it loaded.

    One per thread, as a Pango font map is not safe to share between threads. Made again
    when report.css changes on disk, so an edit shows in the next render without a restart.
    """
    from weasyprint import CSS  # heavy import; only the worker and the command need it
    from weasyprint.text.fonts import FontConfiguration

    stat = PRINT_CSS.stat()
    source = (str(PRINT_CSS), stat.st_mtime_ns, stat.st_size)
    renderer = getattr(_renderers, "renderer", None)
    if renderer is None or renderer.source != source:
        font_config = FontConfiguration()
        renderer = PrintRenderer(
            stylesheet=CSS(filename=str(PRINT_CSS), font_config=font_config), font_config=font_config, source=source,
        )
        _renderers.renderer = renderer
    return renderer


def report_pdf(snapshot: dict[str, Any]) -> RenderedPdf:
    """Render the snapshot to a tagged PDF/UA-1 document."""
    from weasyprint import HTML

    from .pdf_tags import finish_tags  # pikepdf, like WeasyPrint, only where PDFs are made

    started = time.perf_counter()
    html = report_html(snapshot, medium="print")
    rendered_template = time.perf_counter()
    renderer = report_renderer_prepare()
    document = HTML(string=html, base_url=str(PRINT_CSS.parent), url_fetcher=_refuse_fetch).render(
        stylesheets=[renderer.stylesheet], font_config=renderer.font_config, pdf_variant="pdf/ua-1", pdf_tags=True,
    )
    # Same snapshot, same bytes: since WeasyPrint 70 the structure tree's table cell IDs
    # are numbered in order (66 used id(), which a patch here had to replace).
    pdf = finish_tags(document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True), document)
    finished = time.perf_counter()
    return RenderedPdf(
        pdf=pdf,
        page_count=len(document.pages),
        template_seconds=rendered_template - started,
        weasyprint_seconds=finished - rendered_template,
    )
