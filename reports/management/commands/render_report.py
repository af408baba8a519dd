"""Render the voortgangsrapportage to a file: ``manage.py render_report --output report.pdf``.

An adopted edition renders from its frozen state, the open edition from the published
data as it is now. Writes nothing to the database, so checks and the benchmark can run
it freely.
"""
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

from programme.models import ReportEdition
from reports import selectors
from reports.editions import edition_check_renderable, edition_snapshot
from reports.rendering import WEB_CSS, report_html, report_pdf


class Command(BaseCommand):
    help = "Maak de voortgangsrapportage als PDF (of met --html als webversie) van de gepubliceerde gegevens."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Het bestand om te schrijven, bijvoorbeeld report.pdf.")
        parser.add_argument("--edition", help="Sleutel van de editie, bijvoorbeeld vgr-2025; standaard de nieuwste.")
        parser.add_argument("--html", action="store_true", help="Schrijf de webversie (HTML) in plaats van de PDF.")

    def handle(self, *args, output: str, edition: str | None, html: bool, **options):
        if edition:
            try:
                chosen = selectors.report_edition_get(key=edition)
            except ReportEdition.DoesNotExist:
                raise CommandError(f"Editie {edition!r} bestaat niet.") from None
        else:
            chosen = selectors.report_edition_current()
            if chosen is None:
                raise CommandError("Er is nog geen editie; laad eerst de gegevens met load_programme.")
        try:
            edition_check_renderable(edition=chosen)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        snapshot = edition_snapshot(edition=chosen)
        path = Path(output)
        if html:
            document = render_to_string(
                "reports/web/standalone.html",
                {"title": chosen.title, "css": WEB_CSS.read_text(), "document": report_html(snapshot, medium="web")},
            )
            path.write_text(document, encoding="utf-8")
            self.stdout.write(f"{path}: webversie van {chosen.title}")
            return
        rendered = report_pdf(snapshot)
        path.write_bytes(rendered.pdf)
        self.stdout.write(
            f"{path}: {rendered.page_count} pagina’s, {len(rendered.pdf)} bytes "
            f"(sjablonen {rendered.template_seconds:.2f} s, WeasyPrint {rendered.weasyprint_seconds:.2f} s)"
        )
