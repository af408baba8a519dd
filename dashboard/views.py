"""The dashboard's pages across every kind of record: overview, changes, about."""
from django.shortcuts import render

from core.api.conventions import LICENSE
from core.page_cache import public_page
from core.paging import list_page
from legislation.selectors import milestone_overdue_count, milestone_upcoming_list
from measures import selectors as measure_selectors
from motions.models import MotionStatus
from motions.selectors import motion_status_counts
from reports.selectors import report_edition_list

from . import selectors


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
