"""The public read-only views: NLGov headers, conditional GET and caching of rendered
responses per content version, CSV for every list."""
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.urls import path
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.viewsets import ReadOnlyModelViewSet

from core.content_version import content_version

from .access import AnonymousThrottle, PublicReadOnly, StaffSessionAuthentication
from .conventions import PROBLEM_MEDIA_TYPE, api_version
from .pagination import ApiPagination
from .problems import ProblemJSONRenderer, problem_exception_handler
from .renderers import ApiContentNegotiation, CSVRenderer
from .schema import PublicApiSchema


class PublicApiMixin:
    """Policies, headers and conditional GET shared by every public endpoint."""

    # A staff token only says who calls, so staff are not counted as anonymous by the
    # throttle; reading needs no authentication (the schema says so).
    authentication_classes = [StaffSessionAuthentication, TokenAuthentication]
    permission_classes = [PublicReadOnly]
    throttle_classes = [AnonymousThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = ApiContentNegotiation
    schema = PublicApiSchema()

    def get_exception_handler(self) -> Callable:
        return problem_exception_handler

    # Conditional GET and the response cache. The ETag names the content version and the
    # exact representation (scheme, host, address and format), so it can be checked before any query.

    def _representation(self, request) -> tuple[str, str, float]:
        version = content_version()
        # The absolute address: responses hold absolute links (https behind the proxy).
        identity = "\n".join([version, request.build_absolute_uri(), request.accepted_media_type or ""])
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
        # The version is the time of the last publish in nanoseconds (core.content_version).
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
        # PUBLIC_CACHE_SECONDS=0 switches server-side caching off, here as for pages.
        stored = cache.get(key) if settings.PUBLIC_CACHE_SECONDS else None
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
                    settings.PUBLIC_CACHE_SECONDS,
                )
        return response


class PublicReadOnlyViewSet(PublicApiMixin, ReadOnlyModelViewSet):
    """A list and a detail resource, the list also as CSV.

    Subclasses set ``lookup_field``/``lookup_value_regex`` (the stable identifier in the
    address) with ``lookup_example`` (one that exists, for the document), ``not_found_message``
    (with ``%(value)s``), ``csv_columns`` as ``[(Dutch header, key of the list item or a
    function of it)]`` and ``csv_filename``.

    The CSV is the ``csv`` action (its own address, see ``csv_download_urls``) and, as
    before it had one, the list with ``?format=csv`` or ``Accept: text/csv``.
    """

    filter_backends = [DjangoFilterBackend]
    pagination_class = ApiPagination
    csv_columns: list[tuple[str, str | Callable[[dict], Any]]] = []
    csv_filename = ""
    not_found_message = ""
    lookup_example = ""
    detail_serializer_class = None

    def get_renderers(self):
        action = getattr(self, "action", None)
        if action == "list":
            return [JSONRenderer(), CSVRenderer()]
        if action == "csv":
            return [CSVRenderer()]
        return super().get_renderers()

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def get_object(self):
        try:
            return super().get_object()
        except Http404 as missing:
            raise exceptions.NotFound(self.not_found_message % {"value": self.kwargs[self.lookup_field]}) from missing

    def retrieve(self, request, *args, **kwargs):
        return self.cached_or_not_modified(request) or super().retrieve(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        if request.accepted_renderer.format != CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        return self._csv_response()

    @extend_schema(responses={(200, CSVRenderer.media_type): OpenApiTypes.STR})
    def csv(self, request, *args, **kwargs):
        return self.cached_or_not_modified(request) or self._csv_response()

    def _csv_response(self) -> Response:
        items = self.get_serializer(self.filter_queryset(self.get_queryset()), many=True).data
        rows = [
            {header: value(item) if callable(value) else item[value] for header, value in self.csv_columns}
            for item in items
        ]
        return Response(rows, headers={"Content-Disposition": f'attachment; filename="{self.csv_filename}.csv"'})


def csv_download_urls(registry: list[tuple[str, type, str]]) -> list:
    """The CSV addresses of a router's lists: ``downloads/<csv_filename>.csv``.

    Not ``<list>.csv`` next to the list: the NLGov linter wants the first path segment
    in kebab-case, without a dot.
    """
    return [
        path(f"downloads/{viewset.csv_filename}.csv", viewset.as_view({"get": "csv"}), name=f"{basename}-csv")
        for _prefix, viewset, basename in registry
        if issubclass(viewset, PublicReadOnlyViewSet)
    ]
