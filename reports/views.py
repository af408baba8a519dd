"""Public pages: the published editions, their web version and their PDF.

A draft edition is shown only to staff who may render reports (login first, 403 for
anyone else logged in); published editions are open to everybody.
"""
from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.cache import cache
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import TemplateView

from core.content_version import content_version
from programme.models import EditionStatus, ReportEdition

from . import selectors
from .rendering import report_html
from .snapshot import report_snapshot_build


class EditionListView(TemplateView):
    template_name = "reports/edition_list.html"

    def get_context_data(self, **kwargs):
        editions = list(selectors.report_edition_list(published_only=True))
        for edition in editions:
            edition.pdf = selectors.report_generation_public(edition=edition)
        # Highlights "Rapportages" in the site's main menu.
        return super().get_context_data(editions=editions, section="reports", **kwargs)


class EditionAccessMixin(PermissionRequiredMixin):
    """Published editions are public; drafts need reports.render_report."""

    permission_required = "reports.render_report"

    def has_permission(self) -> bool:
        self.edition = get_object_or_404(
            ReportEdition.objects.select_related("programme", "source"), key=self.kwargs["key"]
        )
        return self.edition.status == EditionStatus.PUBLISHED or super().has_permission()


def _web_document(edition: ReportEdition) -> str:
    """The web version's HTML, from the frozen snapshot of a published edition if it has
    one, else from the current data."""
    frozen = selectors.report_generation_frozen(edition=edition)
    if edition.status != EditionStatus.PUBLISHED:
        return report_html(report_snapshot_build(edition=edition), medium="web")
    key = f"reports:web:{edition.key}:{frozen.pk if frozen else content_version()}"
    document = cache.get(key)
    if document is None:
        snapshot = frozen.snapshot if frozen else report_snapshot_build(edition=edition)
        document = report_html(snapshot, medium="web")
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
        return FileResponse(
            generation.file.open("rb"), content_type="application/pdf", filename=f"{self.edition.key}.pdf"
        )
