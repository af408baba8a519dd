"""Public pages: the adopted editions, their web version and their PDF.

Adopted (vastgestelde) editions are open to everybody and shown from their frozen state.
The edition in preparation is shown only to staff who may render reports; to anyone
else it does not exist (404), like an unknown key.
"""
from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import TemplateView

from programme.models import ReportEdition

from . import selectors
from .editions import edition_snapshot
from .progress import edition_progress
from .rendering import report_html


class EditionListView(TemplateView):
    template_name = "reports/edition_list.html"

    def get_context_data(self, **kwargs):
        editions = list(selectors.report_edition_list(published_only=True))
        for edition in editions:
            edition.pdf = selectors.report_generation_public(edition=edition)
        # Highlights "Rapportages" in the site's main menu.
        return super().get_context_data(editions=editions, section="reports", **kwargs)


class EditionAccessMixin(View):
    """Adopted editions are public; the open one only for reports.render_report."""

    def dispatch(self, request, *args, **kwargs):
        self.edition = get_object_or_404(
            ReportEdition.objects.select_related("programme", "source"), key=kwargs["key"]
        )
        if not self.edition.is_adopted and not request.user.has_perm("reports.render_report"):
            raise Http404("Deze rapportage bestaat niet of is nog niet vastgesteld.")
        return super().dispatch(request, *args, **kwargs)


def _web_document(edition: ReportEdition) -> str:
    """The web version's HTML: an adopted edition's from its frozen state (cached by its
    checksum, since it never changes), the open edition's from the current data."""
    if not edition.is_adopted:
        return report_html(edition_snapshot(edition=edition), medium="web")
    key = f"reports:web:{edition.key}:{edition.frozen_sha256}"
    document = cache.get(key)
    if document is None:
        document = report_html(edition_snapshot(edition=edition), medium="web")
        cache.set(key, document, settings.PUBLIC_CACHE_SECONDS)
    return document


class EditionDetailView(EditionAccessMixin, TemplateView):
    """The accessible web version of the report, from the same templates as the PDF."""

    template_name = "reports/edition_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition,
            pdf=selectors.report_generation_public(edition=self.edition),
            # Built from escaped templates and sanitised rich text (measures/richtext.py).
            document=mark_safe(_web_document(self.edition)),
            **kwargs,
        )


class EditionPdfView(EditionAccessMixin, View):
    def get(self, request, key: str):
        generation = selectors.report_generation_public(edition=self.edition)
        if generation is None:
            raise Http404("Van deze editie is nog geen PDF gemaakt.")
        # A site restored from a backup without its files (made before they were in it).
        if not generation.file.storage.exists(generation.file.name):
            return render(request, "reports/pdf_unavailable.html", {"edition": self.edition}, status=404)
        return FileResponse(
            generation.file.open("rb"), content_type="application/pdf", filename=f"{self.edition.key}.pdf"
        )


class EditionChangesView(EditionAccessMixin, TemplateView):
    """What changed in this report relative to the previous adopted one."""

    template_name = "reports/edition_changes.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition, progress=edition_progress(edition=self.edition), section="reports", **kwargs
        )
