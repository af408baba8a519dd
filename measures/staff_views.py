"""The measures' own pages in the workspace: the staff home page with the measures
assigned to the signed-in redacteur, and what still needs updating before the next
report."""
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from workspace.permissions import EDIT
from workspace.views import staff_required

from .staff_selectors import measures_to_update, staff_dashboard


@staff_required(EDIT)
@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/home.html", staff_dashboard(user=request.user))


@staff_required(EDIT)
@require_http_methods(["GET"])
def to_update(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/to_update.html", measures_to_update(user=request.user))
