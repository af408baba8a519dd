"""Shared pieces of the open-data API (/api/v1/).

Every public endpoint is built from ``PublicApiMixin``, which follows the Dutch
government's REST API Design Rules (NLGov):

* an ``API-Version`` header on every response;
* errors as ``application/problem+json`` (RFC 9457), with ``invalidParams`` for bad
  query parameters;
* read-only for everyone: unsafe methods get 401 for anonymous clients and 403 (no
  right to edit) or 405 (no such operation here) for signed-in staff;
* conditional GET: an ``ETag`` and ``Last-Modified`` derived from the content version
  (measures.cache), so a client's ``If-None-Match`` is answered with 304 without
  touching the database, and rendered responses are cached under the same version;
* anonymous throttling; pagination with Dutch names; every list also as CSV.
"""
import csv
import hashlib
import io
import logging
import math
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.translation import gettext as _
from django_filters import filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.settings import patched_settings
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, permissions
from rest_framework.authentication import SessionAuthentication
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import BasePagination
from rest_framework.renderers import BaseRenderer, JSONRenderer, TemplateHTMLRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView
from rest_framework.viewsets import ReadOnlyModelViewSet

from measures.cache import content_version

logger = logging.getLogger("passend.api")

PROBLEM_MEDIA_TYPE = "application/problem+json"
# Applies until the settings name a rate for the "anon" scope (see the module docstring
# of passend/api_urls.py for the settings the project sets).
DEFAULT_ANON_RATE = "600/hour"
# Rendered responses are cached per content version; a new version makes them unused,
# this only bounds how long an unused entry occupies the cache.
RESPONSE_CACHE_SECONDS = 60 * 60

# Titles of problem responses: the HTTP status phrases in Dutch (RFC 9457 allows
# localised titles for the "about:blank" problem type).
STATUS_TITLES = {
    400: "Ongeldige aanvraag",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    415: "Formaat van de aanvraag niet ondersteund",
    429: "Te veel aanvragen",
    500: "Interne fout",
}


def api_version() -> str:
    return settings.SPECTACULAR_SETTINGS["VERSION"]


# --- Problem details (RFC 9457) -----------------------------------------------------------


def problem_document(*, status_code: int, detail: str, instance: str, **extra: Any) -> dict:
    return {
        "type": "about:blank",
        "title": STATUS_TITLES.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
        "instance": instance,
        **extra,
    }


def _invalid_params(errors: Any, prefix: str = "") -> list[dict]:
    """Flatten DRF/django-filter validation errors into NLGov's ``invalidParams``."""
    if isinstance(errors, dict):
        result = []
        for name, value in errors.items():
            key = name if name != api_settings.NON_FIELD_ERRORS_KEY else ""
            result += _invalid_params(value, f"{prefix}.{key}" if prefix and key else (key or prefix))
        return result
    if isinstance(errors, list):
        result = []
        for value in errors:
            result += _invalid_params(value, prefix)
        return result
    return [{"name": prefix, "code": getattr(errors, "code", None) or "invalid", "reason": str(errors)}]


def problem_exception_handler(exc: Exception, context: dict) -> Response:
    """DRF's exception handler, answering every error as problem+json."""
    request = context["request"]
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    if not isinstance(exc, exceptions.APIException):
        # Logged with its traceback; the client sees a problem document, never a stack trace.
        logger.error("Onverwachte fout bij %s %s", request.method, request.path, exc_info=exc)
        exc = exceptions.APIException(_("Er ging iets mis aan onze kant. Probeer het later opnieuw."))

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(math.ceil(exc.wait))

    extra = {}
    if isinstance(exc, exceptions.ValidationError):
        detail = _("Een of meer parameters zijn ongeldig.")
        extra["invalidParams"] = _invalid_params(exc.detail)
    elif isinstance(exc, exceptions.Throttled):
        detail = _("U heeft te veel aanvragen gedaan. Probeer het over %(seconds)s seconden opnieuw.") % {
            "seconds": headers.get("Retry-After", "enkele")
        }
    else:
        detail = str(exc.detail)
    document = problem_document(
        status_code=exc.status_code, detail=detail, instance=request.get_full_path(), **extra
    )
    return Response(document, status=exc.status_code, headers=headers)


def problem_response(request, *, status_code: int, detail: str) -> HttpResponse:
    """A problem+json response from a plain Django view (outside DRF)."""
    renderer = ProblemJSONRenderer()
    document = problem_document(status_code=status_code, detail=detail, instance=request.get_full_path())
    response = HttpResponse(
        renderer.render(document), status=status_code, content_type=f"{PROBLEM_MEDIA_TYPE}; charset=utf-8"
    )
    response["API-Version"] = api_version()
    return response


def api_not_found(request, *args, **kwargs) -> HttpResponse:
    """Answers every /api/v1/ address that names no resource (also with a trailing slash)."""
    return problem_response(
        request,
        status_code=404,
        detail=_("Dit adres bestaat niet in de API. De beschikbare adressen staan in /api/v1/openapi.json."),
    )


# --- Renderers ----------------------------------------------------------------------------


class ProblemJSONRenderer(JSONRenderer):
    media_type = PROBLEM_MEDIA_TYPE
    format = "problem+json"


class CSVRenderer(BaseRenderer):
    """A list as CSV for spreadsheets: Dutch headers, ';' separated, UTF-8 with BOM.

    Semicolons, because Excel with Dutch regional settings reads a comma-separated file
    as one column; the BOM makes Excel read the file as UTF-8. The view supplies its
    columns (``csv_columns``) and the rows as dicts keyed by the column headers.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    # Text that Excel would take for a formula; prefixed so it stays text.
    _FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

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
            return "; ".join(self._cell(item) for item in value)
        text = str(value)
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


# --- Authentication, permissions, throttling -------------------------------------------------


class StaffSessionAuthentication(SessionAuthentication):
    """Session authentication that answers 401 (with a challenge), not 403, to anonymous clients.

    DRF only answers 401 when the first authenticator names a ``WWW-Authenticate``
    challenge; staff sign in through the workspace (/beheer/).
    """

    def authenticate_header(self, request) -> str:
        return 'Session realm="Passend beheer"'


class StaffSessionScheme(SessionScheme):
    """Names the staff session in the OpenAPI document (drf-spectacular finds it by class)."""

    target_class = StaffSessionAuthentication


class PublicReadOnly(permissions.BasePermission):
    """Reading is public; anything else needs a signed-in user with the right to edit.

    The public endpoints have no write operations, so an editor gets 405 from DRF;
    a signed-in user without the right to edit gets 403 first.
    """

    message = _("U heeft geen recht om de gegevens te wijzigen.")

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("measures.edit_content"))


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self) -> str:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or DEFAULT_ANON_RATE


# --- Pagination ---------------------------------------------------------------------------


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


# --- Filters ------------------------------------------------------------------------------


@extend_schema_field({"type": "string", "enum": ["ja", "nee", "true", "false"]})
class YesNoFilter(filters.TypedChoiceFilter):
    """A yes/no filter that accepts the dashboard's ``ja``/``nee`` as well as ``true``/``false``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("ja", "ja"), ("nee", "nee"), ("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value in ("ja", "true"))
        kwargs.setdefault("empty_value", None)
        super().__init__(*args, **kwargs)


class ApiOrderingFilter(filters.OrderingFilter):
    """``?ordering=`` with Dutch names; one name may sort on several fields (code → 8, 8a, 9).

    A fixed tie-break (the resource's usual order, then the primary key) keeps pages
    stable when the chosen field has equal values.
    """

    def __init__(self, *args, expansions: dict[str, list[str]] | None = None,
                 tiebreak: Iterable[str] = (), **kwargs):
        self.expansions = expansions or {}
        self.tiebreak = list(tiebreak)
        kwargs.setdefault("field_name", "ordering")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            descending = param.startswith("-")
            field = self.param_map[param.lstrip("-")]
            ordering += [("-" if descending else "") + name for name in self.expansions.get(field, [field])]
        return qs.order_by(*ordering, *self.tiebreak, "pk")


# --- Views --------------------------------------------------------------------------------


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description="json (standaard) of csv: de hele lijst, niet één pagina, als CSV met Nederlandse "
    "kolomkoppen, gescheiden door puntkomma’s, UTF-8 met BOM (opent direct in Excel).",
)


class PublicApiMixin:
    """Policies, headers and conditional GET shared by every public endpoint."""

    authentication_classes = [StaffSessionAuthentication]
    permission_classes = [PublicReadOnly]
    throttle_classes = [AnonymousThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = ApiContentNegotiation

    def get_exception_handler(self) -> Callable:
        return problem_exception_handler

    # Conditional GET and the response cache. The ETag names the content version and the
    # exact representation (address and format), so it can be checked before any query.

    def _representation(self, request) -> tuple[str, str, float]:
        version = content_version()
        identity = "\n".join([version, request.get_full_path(), request.accepted_media_type or ""])
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
        # The version is the time of the last publish in nanoseconds (measures.cache).
        return f"passend:api:{digest}", quote_etag(digest), int(version) / 1e9

    def cached_or_not_modified(self, request) -> HttpResponse | None:
        """Call at the start of a GET handler; a response to return as is, or None."""
        key, etag, last_modified = self._representation(request)
        self._cache_entry = key, etag, last_modified
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            etags = parse_etags(if_none_match)
            if "*" in etags or etag in etags or f"W/{etag}" in etags:
                return HttpResponseNotModified()
        else:
            since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
            if since is not None and int(last_modified) <= since:
                return HttpResponseNotModified()
        stored = cache.get(key)
        if stored is None:
            return None
        response = HttpResponse(stored["content"], content_type=stored["content_type"])
        for header, value in stored["headers"].items():
            response[header] = value
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            # Errors are problem documents whatever format was asked for (also for ?format=csv).
            response.accepted_renderer = ProblemJSONRenderer()
            response.accepted_media_type = PROBLEM_MEDIA_TYPE
        response["API-Version"] = api_version()
        entry = getattr(self, "_cache_entry", None)
        if entry is not None and response.status_code in (200, 304):
            key, etag, last_modified = entry
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_SECONDS}"
            response["Vary"] = "Accept"
            # The same response for everyone: PublicPageCacheMiddleware may keep it too.
            response.is_public_page = response.status_code == 200
            # PUBLIC_CACHE_SECONDS=0 switches server-side caching off, here as for pages.
            if isinstance(response, Response) and settings.PUBLIC_CACHE_SECONDS:
                response.render()
                cache.set(
                    key,
                    {
                        "content": response.content,
                        "content_type": response["Content-Type"],
                        "headers": {
                            header: response[header]
                            for header in ("Content-Disposition", "Link")
                            if header in response
                        },
                    },
                    RESPONSE_CACHE_SECONDS,
                )
        return response


class PublicReadOnlyViewSet(PublicApiMixin, ReadOnlyModelViewSet):
    """A list and a detail resource, the list also as CSV.

    Subclasses set ``lookup_field``/``lookup_value_regex`` (the stable identifier in the
    address), ``not_found_message`` (with ``%(value)s``), ``csv_columns`` as
    ``[(Dutch header, key of the list item or a function of it)]`` and ``csv_filename``.
    """

    filter_backends = [DjangoFilterBackend]
    pagination_class = ApiPagination
    csv_columns: list[tuple[str, str | Callable[[dict], Any]]] = []
    csv_filename = ""
    not_found_message = ""
    detail_serializer_class = None

    def get_renderers(self):
        if getattr(self, "action", None) == "list":
            return [JSONRenderer(), CSVRenderer()]
        return super().get_renderers()

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise exceptions.NotFound(self.not_found_message % {"value": self.kwargs[self.lookup_field]})

    def retrieve(self, request, *args, **kwargs):
        return self.cached_or_not_modified(request) or super().retrieve(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        if request.accepted_renderer.format != CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        items = self.get_serializer(self.filter_queryset(self.get_queryset()), many=True).data
        rows = [
            {header: value(item) if callable(value) else item[value] for header, value in self.csv_columns}
            for item in items
        ]
        return Response(rows, headers={"Content-Disposition": f'attachment; filename="{self.csv_filename}.csv"'})


def public_list_schema(**kwargs) -> Callable:
    """``extend_schema`` for a list operation: adds the ``format`` parameter."""
    return extend_schema(parameters=[FORMAT_PARAMETER], **kwargs)


# --- OpenAPI document and documentation page ------------------------------------------------

API_DESCRIPTION = """
Open data over de Verbeteraanpak Passend Onderwijs: de doelen, maatregelen, betrokkenen, moties, toezeggingen, verwachte wet- en regelgeving en de gepubliceerde voortgangsrapportages. Alleen gepubliceerde gegevens; u hoeft zich niet aan te melden.

De API volgt de REST API Design Rules van de Nederlandse overheid:

- **Namen in het Nederlands.** Bronnen en velden hebben Nederlandse namen, zoals de website ze noemt (de taal van het domein). Velden zijn in lowerCamelCase, zoals statusToelichting en ingediendOp. Vaste waarden, zoals een status, zijn korte Nederlandse codes; het veld statusOmschrijving ernaast geeft de leesbare tekst.
- **Vaste adressen.** Elke bron heeft een blijvende sleutel in het adres: /api/v1/maatregelen/8a, /api/v1/moties/31497-373, /api/v1/doelen/3. Adressen eindigen niet op een schuine streep.
- **Versie.** De hoofdversie staat in het adres (/api/v1), de volledige versie in de header API-Version van elk antwoord.
- **Lijsten** hebben pagina’s (parameters pagina en paginaGrootte, en een Link-header) en zijn te sorteren met ordering (met een minteken ervoor: aflopend). De filters hebben dezelfde namen als op het dashboard.
- **CSV.** Elke lijst is met ?format=csv als CSV te downloaden: de hele lijst, met Nederlandse kolomkoppen, gescheiden door puntkomma’s, in UTF-8 met BOM, zodat Excel het bestand direct goed opent. /api/v1/programma geeft alle gegevens in één JSON-document.
- **Fouten** zijn application/problem+json (RFC 9457), met invalidParams bij ongeldige parameters.
- **Caching.** Elk antwoord heeft een ETag en Last-Modified. Stuur die terug met If-None-Match of If-Modified-Since en u krijgt 304 Not Modified zolang er niets nieuws is gepubliceerd.
- **Gebruik.** Zonder aanmelding geldt een maximum aantal aanvragen per uur; daarboven volgt 429 met een Retry-After-header.

Teksten gebruiken een eenvoudige opmaak: alinea’s gescheiden door een witregel, opsommingen met een streepje aan het begin van de regel, **vet** tussen dubbele sterretjes en links als [tekst](adres).
"""

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Een fout volgens RFC 9457 (problem details).",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Niet gevonden"},
        "status": {"type": "integer", "example": 404},
        "detail": {"type": "string", "example": "Er is geen maatregel met code 99."},
        "instance": {"type": "string", "example": "/api/v1/maatregelen/99"},
        "invalidParams": {
            "type": "array",
            "description": "Bij status 400: welke parameters ongeldig zijn en waarom.",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}

PROBLEM_RESPONSES = {
    "400": "Een parameter is ongeldig.",
    "404": "De bron of pagina bestaat niet.",
    "406": "Het gevraagde formaat is niet beschikbaar.",
    "429": "Te veel aanvragen; probeer het na ‘Retry-After’ seconden opnieuw.",
    "500": "Er ging iets mis aan onze kant.",
}


def schema_only_api(endpoints: list) -> list:
    """drf-spectacular preprocessing hook: only the operations of /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def schema_add_conventions(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: the headers, errors and formats every operation shares."""
    result.setdefault("components", {}).setdefault("schemas", {})["Probleem"] = PROBLEM_SCHEMA
    version_header = {
        "API-Version": {"description": "De volledige versie van de API.", "schema": {"type": "string"}},
    }
    cache_headers = {
        "ETag": {"description": "Stuur terug in If-None-Match.", "schema": {"type": "string"}},
        "Last-Modified": {"description": "Stuur terug in If-Modified-Since.", "schema": {"type": "string"}},
    }
    problem = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for operations in result["paths"].values():
        for method, operation in operations.items():
            responses = operation["responses"]
            if method == "get":
                # Reading needs no sign-in; a staff session is accepted but changes nothing.
                operation["security"] = [{}, *operation.get("security", [])]
                ok = responses["200"]
                ok["headers"] = {**version_header, **cache_headers}
                if "text/csv" in ok.get("content", {}):
                    ok["content"]["text/csv"] = {"schema": {"type": "string"}}
                responses["304"] = {
                    "description": "Niet gewijzigd sinds de ETag of datum die u meestuurde.",
                    "headers": {**version_header, **cache_headers},
                }
            for code, description in PROBLEM_RESPONSES.items():
                responses.setdefault(code, {"description": description, "content": problem, "headers": version_header})
    return result


SCHEMA_SETTINGS = {
    "TITLE": "Open data Verbeteraanpak Passend Onderwijs",
    "DESCRIPTION": API_DESCRIPTION,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["passend.api.schema_only_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "passend.api.schema_add_conventions",
    ],
}


def api_schema(request) -> dict:
    """The OpenAPI 3 document of /api/v1/."""
    with patched_settings(SCHEMA_SETTINGS):
        return SchemaGenerator().get_schema(request=request, public=True)


@extend_schema(exclude=True)
class OpenApiView(PublicApiMixin, APIView):
    """The OpenAPI 3 document, at the well-known address /api/v1/openapi.json."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2]

    def get(self, request):
        return self.cached_or_not_modified(request) or Response(api_schema(request))


@extend_schema(exclude=True)
class ApiDocsView(PublicApiMixin, APIView):
    """The documentation page, rendered on the server from the OpenAPI document.

    Plain HTML with the site's own stylesheet: no script, so it works under the site's
    Content-Security-Policy ('self' only, no inline code) and with any assistive
    technology. Tools that want the machine-readable form use openapi.json.
    """

    renderer_classes = [TemplateHTMLRenderer]
    template_name = "api/docs.html"

    def get(self, request):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        return Response(docs_context(api_schema(request)))


def _type_label(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "allOf" in schema:
        return " ".join(_type_label(part) for part in schema["allOf"])
    if schema.get("type") == "array":
        return f"lijst van {_type_label(schema.get('items', {}))}"
    label = schema.get("format") or schema.get("type") or "waarde"
    if schema.get("enum"):
        label += ": " + ", ".join(str(value) for value in schema["enum"] if value not in ("", None))
    if schema.get("nullable"):
        label += " of null"
    return label


def docs_context(schema: dict) -> dict:
    """The OpenAPI document as sections of operations and a list of data types."""
    components = schema.get("components", {}).get("schemas", {})
    sections: dict[str, list] = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            ok = operation["responses"]["200"]
            content = ok.get("content", {})
            body = content.get("application/json", {}).get("schema")
            sections.setdefault(operation.get("tags", ["api"])[0], []).append({
                "method": method.upper(),
                "path": path,
                "anchor": operation["operationId"],
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "where": {"path": "adres", "query": "query"}.get(parameter["in"], parameter["in"]),
                        "required": parameter.get("required", False),
                        "type": _type_label(parameter.get("schema", {})),
                        "description": parameter.get("description", ""),
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "formats": list(content),
                "body": _type_label(body) if body else "",
                "responses": [
                    {"code": code, "description": response.get("description", "")}
                    for code, response in operation["responses"].items()
                ],
            })
    types = [
        {
            "name": name,
            "description": component.get("description", ""),
            "fields": [
                {
                    "name": field,
                    "type": _type_label(field_schema),
                    "description": field_schema.get("description", ""),
                }
                for field, field_schema in component.get("properties", {}).items()
            ],
        }
        for name, component in sorted(components.items())
        if component.get("type") == "object"
    ]
    return {
        "title": schema["info"]["title"],
        "version": schema["info"]["version"],
        "description": schema["info"].get("description", ""),
        "sections": sorted(sections.items()),
        "types": types,
    }
