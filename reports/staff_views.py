"""Staff pages (/beheer/rapportages/): open the next edition, make PDFs and follow them,
and adopt (vaststellen) an edition."""
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from programme.models import ReportEdition
from workspace.models import Draft

from . import selectors
from .editions import ADOPT_PERMISSION, START_PERMISSION, edition_adopt, edition_start
from .models import GenerationStatus, ReportGeneration
from .next_steps import ANSWERABLE_OUTCOMES, steps_to_record
from .services import (
    ReportGenerationError,
    ReportGenerationRunning,
    report_generation_cancel,
    report_generation_retry,
    report_generation_start,
    report_generations_expire_stale,
)
from .snapshot import report_snapshot_build


class RenderPermissionMixin(PermissionRequiredMixin):
    permission_required = "reports.render_report"


class StaffEditionListView(RenderPermissionMixin, TemplateView):
    template_name = "reports/staff/edition_list.html"

    def get_context_data(self, **kwargs):
        editions = list(selectors.report_edition_list(published_only=False))
        for edition in editions:
            edition.latest_generation = selectors.report_generation_list(edition=edition).first()
        return super().get_context_data(
            editions=editions, can_start=self.request.user.has_perm(START_PERMISSION), **kwargs
        )


class StaffEditionView(RenderPermissionMixin, TemplateView):
    template_name = "reports/staff/edition_detail.html"

    def get_context_data(self, **kwargs):
        edition = get_object_or_404(ReportEdition, key=self.kwargs["key"])
        return super().get_context_data(
            edition=edition,
            generations=selectors.report_generation_list(edition=edition),
            frozen=selectors.report_generation_frozen(edition=edition),
            can_adopt=not edition.is_adopted and self.request.user.has_perm(ADOPT_PERMISSION),
            **kwargs,
        )


class GenerationStartView(RenderPermissionMixin, View):
    def post(self, request, key: str):
        edition = get_object_or_404(ReportEdition, key=key)
        try:
            generation = report_generation_start(edition=edition, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("staff:report_edition", key=edition.key)
        except ReportGenerationRunning as running:
            messages.info(request, "Er loopt al een generatie van deze editie; hieronder ziet u de voortgang.")
            generation = running.generation
        return redirect("staff:report_generation", pk=generation.pk)


def _generation_or_404(pk: int) -> ReportGeneration:
    try:
        return selectors.report_generation_get(pk=pk)
    except ReportGeneration.DoesNotExist:
        raise Http404("Deze generatie bestaat niet.") from None


def _followed_generation_or_404(pk: int) -> ReportGeneration:
    """The generation as its progress page shows it: one whose worker died shows as
    failed as soon as that is known, not only when beat's sweeper next runs."""
    generation = _generation_or_404(pk)
    if generation.is_active and report_generations_expire_stale(edition=generation.edition):
        generation = _generation_or_404(pk)
    return generation


class GenerationDetailView(RenderPermissionMixin, TemplateView):
    template_name = "reports/staff/generation_detail.html"

    def get_context_data(self, **kwargs):
        generation = _followed_generation_or_404(self.kwargs["pk"])
        return super().get_context_data(generation=generation, **kwargs)


class GenerationCancelView(RenderPermissionMixin, View):
    """"Annuleren": stop waiting for a generation that stays queued or running."""

    def post(self, request, pk: int):
        generation = _generation_or_404(pk)
        try:
            report_generation_cancel(generation=generation, user=request.user)
        except ReportGenerationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De generatie is geannuleerd."))
        return redirect("staff:report_generation", pk=generation.pk)


class GenerationRetryView(RenderPermissionMixin, View):
    """"Opnieuw proberen": a new generation of the same edition, this one cancelled first."""

    def post(self, request, pk: int):
        generation = _generation_or_404(pk)
        try:
            generation = report_generation_retry(generation=generation, user=request.user)
        except ReportGenerationRunning as running:
            messages.info(request, _("Er loopt al een generatie van deze editie; hieronder ziet u de voortgang."))
            generation = running.generation
        return redirect("staff:report_generation", pk=generation.pk)


class GenerationStatusView(RenderPermissionMixin, View):
    """The generation's state as JSON, for the progress page's polling script."""

    def get(self, request, pk: int):
        generation = _followed_generation_or_404(pk)
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
        if generation.status != GenerationStatus.DONE or not generation.file.storage.exists(generation.file.name):
            raise Http404("Deze generatie heeft (nog) geen PDF.")
        return FileResponse(
            generation.file.open("rb"),
            content_type="application/pdf",
            filename=f"{generation.edition.key}-{generation.pk}.pdf",
        )


class EditionStartForm(forms.Form):
    key = forms.SlugField(label=_("Sleutel"), max_length=50,
                          help_text=_("Bijvoorbeeld vgr-2026. Komt in het webadres."))
    reference_date = forms.DateField(label=_("Peildatum"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(
        label=_("Titel"), max_length=300, required=False,
        help_text=_("Leeg laten voor de gebruikelijke titel, zoals ‘Vijfde voortgangsrapportage …’."),
    )


class EditionStartView(PermissionRequiredMixin, FormView):
    """Open the next edition (beheerder): it starts from the texts of the newest one."""

    permission_required = START_PERMISSION
    template_name = "reports/staff/edition_start.html"
    form_class = EditionStartForm

    def form_valid(self, form):
        try:
            edition = edition_start(user=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
            return self.form_invalid(form)
        messages.success(self.request, _("%(title)s is geopend. Werk de gegevens bij en stel de editie vast "
                                         "als de rapportage klaar is.") % {"title": edition.title})
        return redirect("staff:report_edition", key=edition.key)


class EditionAdoptView(PermissionRequiredMixin, TemplateView):
    """Vaststellen (eindredacteur): a confirmation page with what changed since the
    previous edition and which drafts are still open; adopting freezes the edition."""

    permission_required = ADOPT_PERMISSION
    template_name = "reports/staff/edition_adopt.html"

    def get_context_data(self, **kwargs):
        edition = get_object_or_404(ReportEdition, key=self.kwargs["key"])
        snapshot = report_snapshot_build(edition=edition)
        previous = selectors.report_edition_previous(edition=edition)
        posted = kwargs.pop("posted", {})
        to_record = [
            {"code": code, "step": step, "chosen": posted.get(f"stap-{step['id']}", ""),
             "note": posted.get(f"toelichting-{step['id']}", "")}
            for code, step in (
                steps_to_record(previous.frozen_state, snapshot) if previous and previous.frozen_state else []
            )
        ]
        return super().get_context_data(
            edition=edition, progress=snapshot["changes"], steps_to_record=to_record,
            outcome_choices=ANSWERABLE_OUTCOMES, open_drafts=Draft.objects.count(), **kwargs,
        )

    def post(self, request, key: str):
        edition = get_object_or_404(ReportEdition, key=key)
        context = self.get_context_data(posted=request.POST)
        answers, errors = {}, []
        for entry in context["steps_to_record"]:
            if entry["chosen"] not in dict(ANSWERABLE_OUTCOMES):
                entry["error"] = _("Kies wat er is gebeurd met deze vervolgstap.")
                errors.append({
                    "anchor": f"stap-{entry['step']['id']}-{ANSWERABLE_OUTCOMES[0][0]}",
                    "label": _("Vervolgstap van maatregel %(code)s") % {"code": entry["code"]},
                    "message": entry["error"],
                })
                continue
            answers[entry["step"]["id"]] = {"outcome": entry["chosen"], "note": entry["note"].strip()}
        confirm_error = ""
        if request.POST.get("confirm") != "ja":
            confirm_error = _("Bevestig dat u de editie wilt vaststellen.")
            errors.append({"anchor": "confirm", "label": _("Bevestiging"), "message": confirm_error})
        if errors:
            return self.render_to_response(
                {**context, "error_summary": errors, "confirm_error": confirm_error}, status=400
            )
        try:
            edition_adopt(edition=edition, user=request.user, step_answers=answers)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De editie is vastgesteld en openbaar. Haar inhoud ligt nu vast."))
        return redirect("staff:report_edition", key=key)
