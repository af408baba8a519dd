"""Errors as problem details (RFC 9457): application/problem+json with Dutch titles and,
for bad query parameters, ``invalidParams``."""
import logging
import math
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from .conventions import PROBLEM_MEDIA_TYPE, STATUS_TITLES, api_version

logger = logging.getLogger("passend.api")


# What a client waits before trying again while the database is unreachable.
UNAVAILABLE_RETRY_AFTER_SECONDS = 30


class DatabaseUnavailable(exceptions.APIException):
    status_code = 503
    default_detail = _("De gegevens zijn tijdelijk niet beschikbaar. Probeer het over een halve minuut opnieuw.")
    default_code = "unavailable"


class ProblemJSONRenderer(JSONRenderer):
    media_type = PROBLEM_MEDIA_TYPE
    format = "problem+json"


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
    elif isinstance(exc, (OperationalError, InterfaceError)):
        # The database is down or restarting: a temporary state, not a fault of the request.
        logger.warning("Database niet bereikbaar bij %s %s: %s", request.method, request.path, exc)
        exc = DatabaseUnavailable()
    if not isinstance(exc, exceptions.APIException):
        # Logged with its traceback; the client sees a problem document, never a stack trace.
        logger.error("Onverwachte fout bij %s %s", request.method, request.path, exc_info=exc)
        exc = exceptions.APIException(_("Er ging iets mis aan onze kant. Probeer het later opnieuw."))

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(math.ceil(exc.wait))
    if isinstance(exc, DatabaseUnavailable):
        headers["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER_SECONDS)

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
