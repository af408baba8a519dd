"""Staff pages (/beheer/rapportages/): start a generation, follow it, download and publish."""
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.views import View
from django.views.generic import TemplateView

from programme.models import ReportEdition

from . import selectors
from .models import GenerationStatus, ReportGeneration
from .services import (
    ReportGenerationError,
    ReportGenerationRunning,
    report_edition_publish,
    report_generation_start,
)


class RenderPermissionMixin(PermissionRequiredMixin):
    permission_required = "reports.render_report"


class StaffEditionListView(RenderPermissionMixin, TemplateView):
    template_name = "reports/staff/edition_list.html"

    def get_context_data(self, **kwargs):
        editions = list(selectors.report_edition_list(published_only=False))
        for edition in editions:
            edition.latest_generation = selectors.report_generation_list(edition=edition).first()
        return super().get_context_data(editions=editions, **kwargs)


class StaffEditionView(RenderPermissionMixin, TemplateView):
    template_name = "reports/staff/edition_detail.html"

    def get_context_data(self, **kwargs):
        edition = get_object_or_404(ReportEdition, key=self.kwargs["key"])
        return super().get_context_data(
            edition=edition,
            generations=selectors.report_generation_list(edition=edition),
            frozen=selectors.report_generation_frozen(edition=edition),
            can_publish=self.request.user.has_perm("programme.manage_editions"),
            **kwargs,
        )


class GenerationStartView(RenderPermissionMixin, View):
    def post(self, request, key: str):
        edition = get_object_or_404(ReportEdition, key=key)
        try:
            generation = report_generation_start(edition=edition, user=request.user)
        except ReportGenerationRunning as running:
            messages.info(request, "Er loopt al een generatie van deze editie; hieronder ziet u de voortgang.")
            generation = running.generation
        return redirect("staff:report_generation", pk=generation.pk)


def _generation_or_404(pk: int) -> ReportGeneration:
    try:
        return selectors.report_generation_get(pk=pk)
    except ReportGeneration.DoesNotExist:
        raise Http404("Deze generatie bestaat niet.") from None


class GenerationDetailView(RenderPermissionMixin, TemplateView):
    template_name = "reports/staff/generation_detail.html"

    def get_context_data(self, **kwargs):
        generation = _generation_or_404(self.kwargs["pk"])
        return super().get_context_data(
            generation=generation,
            can_publish=self.request.user.has_perm("programme.manage_editions"),
            **kwargs,
        )


class GenerationStatusView(RenderPermissionMixin, View):
    """The generation's state as JSON, for the progress page's polling script."""

    def get(self, request, pk: int):
        generation = _generation_or_404(pk)
        done = generation.status == GenerationStatus.DONE
        return JsonResponse({
            "status": generation.status,
            "status_label": generation.get_status_display(),
            "is_active": generation.is_active,
            "error_message": generation.error_message,
            "page_count": generation.page_count,
            "size": generation.size,
            "finished_at": date_format(generation.finished_at, "DATETIME_FORMAT") if generation.finished_at else None,
            "download_url": reverse("staff:report_generation_download", args=[generation.pk]) if done else None,
        })


class GenerationDownloadView(RenderPermissionMixin, View):
    def get(self, request, pk: int):
        generation = _generation_or_404(pk)
        if generation.status != GenerationStatus.DONE:
            raise Http404("Deze generatie heeft (nog) geen PDF.")
        return FileResponse(
            generation.file.open("rb"),
            content_type="application/pdf",
            filename=f"{generation.edition.key}-{generation.pk}.pdf",
        )


class GenerationPublishView(PermissionRequiredMixin, View):
    permission_required = ("reports.render_report", "programme.manage_editions")

    def post(self, request, pk: int):
        generation = _generation_or_404(pk)
        try:
            report_edition_publish(generation=generation, user=request.user)
        except ReportGenerationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "De editie is gepubliceerd met deze PDF.")
        return redirect("staff:report_generation", pk=generation.pk)
