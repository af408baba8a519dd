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
from .progress import edition_progress, edition_progress_between
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

    def get_template_names(self):
        if self.edition.is_reconstructed:
            return ["reports/edition_reconstructed.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        if self.edition.is_reconstructed:
            # No report of its own: what its sources state, from its frozen state.
            return super().get_context_data(
                edition=self.edition, state=edition_snapshot(edition=self.edition), section="reports", **kwargs
            )
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


class EditionCompareView(TemplateView):
    """Any two adopted editions side by side: what changed from the one to the other."""

    template_name = "reports/edition_compare.html"

    def get(self, request, *args, **kwargs):
        editions = list(selectors.report_edition_list(published_only=True).order_by("number"))
        by_key = {edition.key: edition for edition in editions}
        chosen = {name: request.GET.get(name, "") for name in ("van", "tot")}
        context = {"editions": editions, "chosen": chosen, "section": "reports"}
        if not any(chosen.values()):
            return self.render_to_response(self.get_context_data(**context))
        errors = [
            f"Kies bij ‘{label}’ een vastgestelde rapportage." for name, label in (("van", "Van"), ("tot", "Tot"))
            if chosen[name] not in by_key
        ]
        if not errors and by_key[chosen["van"]].number >= by_key[chosen["tot"]].number:
            errors.append("Kies bij ‘Van’ een rapportage die eerder is dan die bij ‘Tot’.")
        if errors:
            return self.render_to_response(self.get_context_data(errors=errors, **context), status=400)
        earlier, later = by_key[chosen["van"]], by_key[chosen["tot"]]
        progress = edition_progress_between(earlier.frozen_state, later.frozen_state)
        return self.render_to_response(self.get_context_data(progress=progress, **context))
