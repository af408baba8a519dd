"""The dashboard's pages across every kind of record: overview, search, changes, about."""
from django import forms
from django.shortcuts import render

from core.api.conventions import LICENSE
from core.page_cache import public_page
from core.paging import list_page
from legislation.selectors import milestone_overdue_count, milestone_upcoming_list
from measures import selectors as measure_selectors
from motions.models import MotionStatus
from motions.selectors import motion_status_counts
from reports.selectors import report_edition_list
from search import site as search_site
from search.selectors import search_results

from . import selectors
from .glossary import glossary_terms


@public_page
def overview(request):
    editions = report_edition_list(published_only=True)
    motion_counts = motion_status_counts()
    return render(
        request,
        "dashboard/overview.html",
        {
            "section": "overview",
            "programme": measure_selectors.programme_current(),
            "edition": editions.first(),
            "status_mix": measure_selectors.measure_status_summary(),
            "measure_counts": measure_selectors.measure_counts(),
            "goals": measure_selectors.goal_summaries(),
            "prioritised": measure_selectors.measure_list(prioritised=True),
            "changes": selectors.change_list(only_changes=True, limit=8),
            "upcoming_milestones": milestone_upcoming_list(limit=5),
            "overdue_milestones": milestone_overdue_count(),
            "motions_total": sum(motion_counts.values()),
            "motions_done": motion_counts[MotionStatus.CARRIED_OUT],
        },
    )


@public_page
def change_list(request):
    page = list_page(request, selectors.change_list())
    return render(
        request, "dashboard/change_list.html", {"section": "changes", "page": page, "changes": page.object_list}
    )


@public_page
def accessibility(request):
    return render(request, "pages/toegankelijkheid.html", {"section": "about"})


@public_page
def about(request):
    return render(request, "pages/over.html", {
        "section": "about", "sources": measure_selectors.source_list(), "license": LICENSE,
    })


class SearchForm(forms.Form):
    """The site search; a value that does not fit is reported and left out."""

    q = forms.CharField(label="Zoekterm", max_length=200, required=False)
    soort = forms.ChoiceField(label="Soort", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["soort"].choices = [("", "Alles"), *((kind.slug, kind.label) for kind in search_site)]


@public_page
def search(request):
    form = SearchForm(request.GET)
    form.is_valid()
    query = "" if "q" in form.errors else form.cleaned_data["q"].strip()
    kind = "" if "soort" in form.errors else form.cleaned_data["soort"]
    results = search_results(query=query) if query else []
    counts = {registered.slug: 0 for registered in search_site}
    for result in results:
        counts[result.kind] += 1
    kinds = [(registered.slug, registered.label, counts[registered.slug]) for registered in search_site]
    shown = [result for result in results if result.kind == kind] if kind else results
    page = list_page(request, shown, per_page=20)
    return render(
        request,
        "dashboard/search.html",
        {
            "section": "search", "form": form, "query": query, "kind": kind, "kinds": kinds,
            "total": len(results), "page": page, "results": page.object_list,
        },
    )


@public_page
def glossary(request):
    sources = {source.key: source for source in measure_selectors.source_list()}
    entries = [
        {"term": term, "source": sources.get(term.source), "explanation_source": sources.get(term.explanation_source)}
        for term in glossary_terms()
    ]
    return render(request, "pages/begrippen.html", {"section": "glossary", "entries": entries})
