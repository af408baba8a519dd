"""Public pages of the measures: goals, measures, the goal-measure matrix, stakeholders.

Views are thin: they read through selectors and render. Every public page goes through
``public_page`` (core.page_cache), which caches it until content is published.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from core.page_cache import public_page
from core.paging import list_page
from programme.codes import parse_measure_code
from programme.models import Goal, StakeholderGroup

from . import figure_selectors, selectors
from .models import Measure, MeasureStatus

YES_NO = {"ja": True, "nee": False}
# A page about one goal or one stakeholder group lists its measures 25 at a time; the
# full list, with filters and CSV, is /maatregelen/?doel=N or ?betrokkene=slug.
SUMMARY_PAGE_SIZE = 25


@public_page
def goal_list(request):
    return render(request, "measures/goal_list.html", {"section": "goals", "goals": selectors.goal_list()})


@public_page
def goal_detail(request, number: int):
    try:
        goal = selectors.goal_detail(number=number)
    except Goal.DoesNotExist:
        raise Http404 from None
    page = list_page(request, selectors.goal_measures(goal=goal), per_page=SUMMARY_PAGE_SIZE)
    return render(
        request,
        "measures/goal_detail.html",
        {"section": "goals", "goal": goal, "page": page, "measures": page.object_list},
    )


class MeasureFilterForm(forms.Form):
    """The filters of /maatregelen/; a value that does not fit is reported and ignored."""

    q = forms.CharField(label=_("Zoeken in titels en teksten"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    doel = forms.TypedChoiceField(label=_("Doel"), coerce=int, required=False, empty_value=None)
    betrokkene = forms.ChoiceField(label=_("Betrokkenen"), required=False)
    geprioriteerd = forms.ChoiceField(
        label=_("Geprioriteerd"),
        required=False,
        choices=[
            ("", _("Alle maatregelen")),
            ("ja", _("Alleen geprioriteerde")),
            ("nee", _("Alleen niet-geprioriteerde")),
        ],
    )

    def __init__(self, *args, goals, groups, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["status"].choices = [("", _("Alle statussen")), *MeasureStatus.choices]
        self.fields["doel"].choices = [("", _("Alle doelen"))] + [
            (goal.number, f"{goal.number}. {goal.title}") for goal in goals
        ]
        self.fields["betrokkene"].choices = [("", _("Alle betrokkenen"))] + [
            (group.slug, group.name) for group in groups
        ]

    def filters(self) -> dict:
        """The valid filters, as the query parameters that express them."""
        return {
            name: str(self.cleaned_data[name])
            for name in ["status", "doel", "betrokkene", "geprioriteerd", "q"]
            if name not in self.errors and self.cleaned_data.get(name) not in (None, "")
        }


@public_page
def measure_list(request):
    form = MeasureFilterForm(
        request.GET, goals=selectors.goal_options(), groups=selectors.stakeholder_group_options()
    )
    # Validation leaves a bad value out of filters(); the template explains it.
    form.is_valid()
    filters = form.filters()
    measures = selectors.measure_list(
        status=filters.get("status"),
        goal=int(filters["doel"]) if "doel" in filters else None,
        stakeholder=filters.get("betrokkene"),
        prioritised=YES_NO.get(filters.get("geprioriteerd")),
        query=filters.get("q"),
    )
    page = list_page(request, measures)
    return render(
        request,
        "measures/measure_list.html",
        {"section": "measures", "form": form, "filters": filters, "page": page, "measures": page.object_list,
         "counts": selectors.measure_counts(measures=measures)},
    )


def _canonical_code(code: str) -> str:
    try:
        return str(parse_measure_code(code))
    except ValidationError:
        raise Http404 from None


@public_page
def measure_detail(request, code: str):
    canonical = _canonical_code(code)
    if canonical != code:
        return redirect("measures:measure_detail", code=canonical, permanent=True)
    try:
        measure = selectors.measure_detail(code=canonical)
    except Measure.DoesNotExist:
        raise Http404 from None
    history = selectors.status_history(records=list(measure.status_changes.all()))
    return render(
        request,
        "measures/measure_detail.html",
        {
            "section": "measures",
            "measure": measure,
            "sections": selectors.measure_sections(measure=measure),
            "history": history,
            "history_in_words": selectors.status_history_in_words(history=history),
            "per_edition": selectors.measure_status_per_edition(code=measure.code),
            "figure_series": figure_selectors.figure_series_list(measure=measure.code),
        },
    )


@public_page
def figure_list(request):
    return render(
        request, "measures/figure_list.html",
        {"section": "figures", "figure_series": figure_selectors.figure_series_list()},
    )


@public_page
def matrix(request):
    page = list_page(request, selectors.matrix_measures())
    return render(
        request,
        "measures/matrix.html",
        {"section": "goals", "page": page, "matrix": selectors.goal_measure_matrix(measures=page.object_list)},
    )


@public_page
def stakeholder_list(request):
    return render(
        request,
        "measures/stakeholder_list.html",
        {"section": "stakeholders", "groups": selectors.stakeholder_group_list()},
    )


@public_page
def stakeholder_detail(request, slug: str):
    try:
        group = selectors.stakeholder_group_detail(slug=slug)
    except StakeholderGroup.DoesNotExist:
        raise Http404 from None
    page = list_page(request, selectors.stakeholder_group_measures(group=group), per_page=SUMMARY_PAGE_SIZE)
    return render(
        request,
        "measures/stakeholder_detail.html",
        {"section": "stakeholders", "group": group, "page": page, "measures": page.object_list,
         "counted_in": [parent for parent in group.counted_in.all() if parent.pk != group.pk]},
    )
