"""Response formats: CSV for every list, and content negotiation that
answers 406 with a problem document."""
import csv
import io
import re
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer


class CSVRenderer(BaseRenderer):
    """A list as CSV for spreadsheets: Dutch headers, ';' separated, UTF-8 with BOM.

    Semicolons, because Excel with Dutch regional settings reads a comma-separated file
    as one column; the BOM makes Excel read the file as UTF-8. The view supplies its
    columns (``csv_columns``) and the rows as dicts keyed by the column headers.

    Spreadsheets read ``2025-02-01`` as a date, but not an ISO timestamp with its offset
    and fraction: timestamps are written as ``2025-02-01 13:45:00`` in the site's time
    zone. Several values in one cell are separated by " | ", which no spreadsheet or
    reader confuses with the ';' between cells.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    # Text that Excel would take for a formula; prefixed so it stays text.
    _FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
    _TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")
    VALUE_SEPARATOR = " | "

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        view = renderer_context["view"]
        headers = [header for header, _value in view.csv_columns]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        for row in data:
            writer.writerow([self._cell(row[header]) for header in headers])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    def _cell(self, value: Any) -> str:
        if value is None:
            return ""
        if value is True or value is False:
            return "ja" if value else "nee"
        if isinstance(value, (list, tuple)):
            return self.VALUE_SEPARATOR.join(self._cell(item) for item in value)
        text = str(value)
        if self._TIMESTAMP.fullmatch(text):
            moment = timezone.localtime(datetime.fromisoformat(text))
            return moment.strftime("%Y-%m-%d %H:%M:%S")
        if text.startswith(self._FORMULA_START):
            return "'" + text
        return text


class ApiContentNegotiation(DefaultContentNegotiation):
    """``?format=`` with an unknown value is a bad parameter (400), not a missing page (404)."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            formats = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError(
                {"format": [_("Onbekend formaat “%(format)s”; kies uit: %(formats)s.") % {
                    "format": format, "formats": formats}]}
            )
        return matching
