"""The motions' own workspace page: "Bijwerken vanuit de Tweede Kamer" and what each run changed.

Only an eindredacteur (the publishing right) may start a run: it publishes the Kamer's
facts about every motion at once, without review, and publishing is the eindredacteur's
decision; a beheerder manages accounts and editions but does not publish.
"""
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from workspace.permissions import PUBLISH
from workspace.views import staff_required

from .models import SyncTrigger, TweedeKamerSync
from .selectors import tweede_kamer_sync_get, tweede_kamer_sync_list
from .services import TweedeKamerSyncRunning, tweede_kamer_sync_start


@staff_required(PUBLISH)
@require_http_methods(["GET", "POST"])
def tweede_kamer_sync(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            sync = tweede_kamer_sync_start(trigger=SyncTrigger.MANUAL, user=request.user)
        except TweedeKamerSyncRunning as running:
            messages.info(request, "Het bijwerken loopt al; hieronder ziet u de voortgang.")
            sync = running.sync
        return redirect("staff:tweede_kamer_sync_detail", pk=sync.pk)
    syncs = tweede_kamer_sync_list()
    return render(request, "staff/tweede_kamer.html", {"latest": syncs[0] if syncs else None, "syncs": syncs})


@staff_required(PUBLISH)
@require_http_methods(["GET"])
def tweede_kamer_sync_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        sync = tweede_kamer_sync_get(pk=pk)
    except TweedeKamerSync.DoesNotExist:
        raise Http404("Deze synchronisatie bestaat niet.") from None
    return render(request, "staff/tweede_kamer_sync.html", {"sync": sync})
