"""Error pages that say what happened in plain Dutch."""
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views import defaults

from core.api.problems import UNAVAILABLE_RETRY_AFTER_SECONDS, problem_response
from workspace.validation import MAX_TEXT_LENGTH


def bad_request(request, exception=None):
    """400. A post larger than DATA_UPLOAD_MAX_MEMORY_SIZE cannot be read at all, so the
    form cannot be shown again with its message; this page says what to do instead."""
    too_big = isinstance(exception, RequestDataTooBig)
    return render(request, "400.html", {
        "too_big": too_big,
        "limit_mb": number_format(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024, 0),
        "text_limit": number_format(MAX_TEXT_LENGTH, 0, force_grouping=True),
    }, status=400)


def server_error(request):
    """500, or 503 with Retry-After while the database is unreachable (an outage or a
    restart: temporary, so the visitor is told to come back). Called by Django inside
    the handling of the exception, which is how it is known; rendered without the
    database: no context processors, nothing in the layout reads it."""
    if not isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return defaults.server_error(request)
    if request.path.startswith("/api/"):
        response = problem_response(request, status_code=503, detail=_(
            "De gegevens zijn tijdelijk niet beschikbaar. Probeer het over een halve minuut opnieuw."))
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER_SECONDS)
    return response
