"""Pagination with Dutch parameter names and links."""
import math

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class ApiPagination(BasePagination):
    """Page numbers with Dutch names: ``?pagina=2&paginaGrootte=20``.

    The body gives the total and the neighbouring pages; a ``Link`` header (RFC 8288)
    gives first, previous, next and last for clients that follow links.
    """

    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    default_page_size = 50
    max_page_size = 200

    def _positive_int(self, request, name: str, default: int, maximum: int | None = None) -> int:
        raw = request.query_params.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if value < 1 or (maximum is not None and value > maximum):
            limit = f" {_('en hoogstens')} {maximum}" if maximum is not None else ""
            raise exceptions.ValidationError(
                {name: [_("Geef een geheel getal van minstens 1") + limit + "."]}
            )
        return value

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = self._positive_int(
            request, self.page_size_query_param, self.default_page_size, self.max_page_size
        )
        self.page_number = self._positive_int(request, self.page_query_param, 1)
        self.count = queryset.count()
        self.page_count = max(1, math.ceil(self.count / self.page_size))
        if self.page_number > self.page_count:
            raise exceptions.NotFound(
                _("Pagina %(page)s bestaat niet; de laatste pagina is %(count)s.")
                % {"page": self.page_number, "count": self.page_count}
            )
        start = (self.page_number - 1) * self.page_size
        return list(queryset[start:start + self.page_size])

    def _link(self, page: int | None) -> str | None:
        if page is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.page_query_param, page)

    def get_paginated_response(self, data) -> Response:
        previous_page = self.page_number - 1 if self.page_number > 1 else None
        next_page = self.page_number + 1 if self.page_number < self.page_count else None
        links = {"first": 1, "prev": previous_page, "next": next_page, "last": self.page_count}
        header = ", ".join(
            f'<{self._link(page)}>; rel="{rel}"' for rel, page in links.items() if page is not None
        )
        return Response(
            {
                "aantal": self.count,
                "pagina": self.page_number,
                "paginaGrootte": self.page_size,
                "aantalPaginas": self.page_count,
                "vorige": self._link(previous_page),
                "volgende": self._link(next_page),
                "resultaten": data,
            },
            headers={"Link": header},
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["aantal", "pagina", "paginaGrootte", "aantalPaginas", "vorige", "volgende", "resultaten"],
            "properties": {
                "aantal": {"type": "integer", "description": "Het aantal resultaten op alle pagina’s samen."},
                "pagina": {"type": "integer"},
                "paginaGrootte": {"type": "integer"},
                "aantalPaginas": {"type": "integer"},
                "vorige": {**link, "description": "De vorige pagina, of null op de eerste."},
                "volgende": {**link, "description": "De volgende pagina, of null op de laatste."},
                "resultaten": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.page_query_param,
                "in": "query",
                "required": False,
                "description": "Het nummer van de pagina, vanaf 1.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Het aantal resultaten per pagina (standaard {self.default_page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
