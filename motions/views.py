"""Public pages of motions (moties) and commitments (toezeggingen)."""
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from core.page_cache import public_page
from core.paging import list_page
from core.widgets import OptionListSelect

from . import selectors
from .kamerstukken import parse_kamerstuk_number
from .models import Commitment, CommitmentStatus, Motion, MotionStatus


class _FilterForm(forms.Form):
    """Filters by status and linked measure; a value that does not fit is reported and ignored."""

    status = forms.ChoiceField(label=_("Status"), required=False, widget=OptionListSelect)
    maatregel = forms.ChoiceField(label=_("Maatregel"), required=False, widget=OptionListSelect)
    status_choices: list = []

    def __init__(self, *args, measure_choices, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["status"].choices = [("", _("Alle statussen")), *self.status_choices]
        self.fields["maatregel"].choices = [("", _("Alle maatregelen")), *measure_choices]

    def filters(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ["status", "maatregel"]
            if name not in self.errors and self.cleaned_data.get(name)
        }


class MotionFilterForm(_FilterForm):
    status_choices = MotionStatus.choices


class CommitmentFilterForm(_FilterForm):
    status_choices = CommitmentStatus.choices


def _filter_form(form_class, request):
    form = form_class(request.GET, measure_choices=selectors.measure_options())
    # Validation leaves a bad value out of filters(); the template explains it.
    form.is_valid()
    return form


@public_page
def motion_list(request):
    form = _filter_form(MotionFilterForm, request)
    filters = form.filters()
    motions = selectors.motion_list(status=filters.get("status"), measure=filters.get("maatregel"))
    page = list_page(request, motions.prefetch_related("submitters"))
    return render(
        request,
        "motions/motion_list.html",
        {"section": "motions", "form": form, "filters": filters, "page": page, "motions": page.object_list},
    )


@public_page
def motion_detail(request, kamerstuk: str):
    # Sources write the same number in several ways; each has one address.
    try:
        canonical = str(parse_kamerstuk_number(kamerstuk))
    except ValidationError:
        raise Http404 from None
    if canonical != kamerstuk:
        return redirect("motions:motion_detail", kamerstuk=canonical, permanent=True)
    try:
        motion = selectors.motion_detail(kamerstuk=canonical)
    except Motion.DoesNotExist:
        raise Http404 from None
    return render(request, "motions/motion_detail.html", {"section": "motions", "motion": motion})


@public_page
def commitment_list(request):
    form = _filter_form(CommitmentFilterForm, request)
    filters = form.filters()
    page = list_page(
        request, selectors.commitment_list(status=filters.get("status"), measure=filters.get("maatregel"))
    )
    return render(
        request,
        "motions/commitment_list.html",
        {"section": "motions", "form": form, "filters": filters, "page": page, "commitments": page.object_list},
    )


@public_page
def commitment_detail(request, slug: str):
    try:
        commitment = selectors.commitment_detail(slug=slug)
    except Commitment.DoesNotExist:
        raise Http404 from None
    return render(request, "motions/commitment_detail.html", {"section": "motions", "commitment": commitment})
