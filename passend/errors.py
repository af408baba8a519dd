"""Error pages that say what happened in plain Dutch."""
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.utils.formats import number_format

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
