"""Public pages of the dashboard: overview, goals, measures, matrix, stakeholders, changes.

Views are thin: they read through selectors and render. Every public page goes through
``public_page``, which caches it until content is published (see PublicPageCacheMiddleware
for serving those pages early in the middleware stack).
"""
import hashlib
from functools import wraps

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext_lazy as _

from legislation.selectors import milestone_overdue_count, milestone_upcoming_list
from motions.models import MotionStatus
from motions.selectors import motion_status_counts
from core.paging import list_page
from reports.selectors import report_edition_list

from . import selectors
from core.content_version import content_version
from programme.codes import parse_measure_code
from programme.models import Goal, StakeholderGroup
from .models import Measure, MeasureStatus

YES_NO = {"ja": True, "nee": False}
# A page about one goal or one stakeholder group lists its measures 25 at a time; the
# full list, with filters and CSV, is /maatregelen/?doel=N or ?betrokkene=slug.
SUMMARY_PAGE_SIZE = 25


# The pages this process served most recently, so that a popular page costs one cache
# round trip (the content version) instead of two. Bounded; keys carry the version.
_recent_pages: dict[str, tuple[dict, bytes]] = {}
_RECENT_PAGES_MAX = 256
# Larger responses (the CSV of a whole list) stay in the shared cache only, so that each
# process holds at most 256 × 128 kB.
_RECENT_PAGE_MAX_BYTES = 128 * 1024


def _cache_key(request, layer: str) -> str | None:
    """The cache key of this request's page, or None when it must not come from the cache.

    The key holds ``content_version()``, which every publish bumps, so a change shows at
    once. Signed-in staff (who have a session) always get a fresh page. The Accept header
    is part of the key because the open-data API answers JSON or CSV by it.
    """
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    address = "|".join(
        [layer, content_version(), request.get_host(), request.get_full_path(), request.headers.get("Accept", "")]
    )
    return "public-page:" + hashlib.sha256(address.encode()).hexdigest()


def _cached_response(key: str, request) -> HttpResponse | None:
    page = _recent_pages.get(key) or cache.get(key)
    if page is None:
        return None
    _remember(key, page)
    headers, content = page
    # API responses carry an ETag and Last-Modified: a client that sends them back gets
    # 304 Not Modified from the cache as it would from the API itself. Pages carry
    # neither, and without validators Django would refuse an If-Unmodified-Since (412).
    not_modified = None
    if "ETag" in headers:
        last_modified = parse_http_date_safe(headers.get("Last-Modified", ""))
        not_modified = get_conditional_response(request, etag=headers["ETag"], last_modified=last_modified)
    if not_modified is None:
        return HttpResponse(content, headers=headers)
    for header, value in headers.items():
        if header.lower() not in ("content-type", "content-length", "content-disposition"):
            not_modified[header] = value
    return not_modified


def _store(key: str, request, response, headers: dict) -> None:
    """Keep a complete, anonymous 200 response; PUBLIC_CACHE_SECONDS bounds how long."""
    if (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and settings.PUBLIC_CACHE_SECONDS
    ):
        page = (headers, response.content)
        cache.set(key, page, settings.PUBLIC_CACHE_SECONDS)
        _remember(key, page)


def _remember(key: str, page: tuple[dict, bytes]) -> None:
    if key not in _recent_pages and len(page[1]) <= _RECENT_PAGE_MAX_BYTES:
        if len(_recent_pages) >= _RECENT_PAGES_MAX:
            _recent_pages.clear()
        _recent_pages[key] = page


def public_page(view):
    """Mark a view as a public page and serve it from the cache until content is published.

    With PublicPageCacheMiddleware installed, the middleware caches the whole response;
    without it, this decorator caches the page's content itself.
    """

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        key = None if getattr(request, "page_cache_middleware", False) else _cache_key(request, "view")
        if key and (cached := _cached_response(key, request)) is not None:
            return cached
        response = view(request, *args, **kwargs)
        response.is_public_page = True
        if key:
            _store(key, request, response, {"Content-Type": response["Content-Type"]})
        return response

    return cached_view


class PublicPageCacheMiddleware:
    """Serve cached public pages and API responses before the rest of the stack runs.

    Installed right after WhiteNoise, a cached page costs little more than a static file.
    The entry keeps the headers the later middleware added (the Content-Security-Policy
    among them), so a cached page is sent exactly as it was rendered. A view marks a
    response as cacheable with ``response.is_public_page``: the ``public_page`` decorator
    and the open-data API (passend/api.py) do. Served from here, a cached API response
    skips the API's throttle: it costs no more than a static file, and the throttle is
    there to protect the work of rendering.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _cache_key(request, "response")
        if key is None:
            return self.get_response(request)
        if (cached := _cached_response(key, request)) is not None:
            return cached
        request.page_cache_middleware = True
        response = self.get_response(request)
        if getattr(response, "is_public_page", False):
            _store(key, request, response, dict(response.items()))
        return response


@public_page
def overview(request):
    editions = report_edition_list(published_only=True)
    motion_counts = motion_status_counts()
    return render(
        request,
        "measures/overview.html",
        {
            "section": "overview",
            "programme": selectors.programme_current(),
            "edition": editions.first(),
            "status_mix": selectors.measure_status_summary(),
            "goals": selectors.goal_summaries(),
            "prioritised": selectors.measure_list(prioritised=True),
            "changes": selectors.change_list(only_changes=True, limit=8),
            "upcoming_milestones": milestone_upcoming_list(limit=5),
            "overdue_milestones": milestone_overdue_count(),
            "motions_total": sum(motion_counts.values()),
            "motions_done": motion_counts[MotionStatus.CARRIED_OUT],
        },
    )


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
        {"section": "measures", "form": form, "filters": filters, "page": page, "measures": page.object_list},
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
    return render(
        request,
        "measures/measure_detail.html",
        {
            "section": "measures",
            "measure": measure,
            "sections": selectors.measure_sections(measure=measure),
            "history": selectors.status_history(records=list(measure.status_changes.all())),
        },
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
        {"section": "stakeholders", "group": group, "page": page, "measures": page.object_list},
    )


@public_page
def change_list(request):
    page = list_page(request, selectors.change_list())
    return render(
        request, "measures/change_list.html", {"section": "changes", "page": page, "changes": page.object_list}
    )


@public_page
def accessibility(request):
    return render(request, "pages/toegankelijkheid.html", {"section": "about"})


@public_page
def about(request):
    return render(request, "pages/over.html", {"section": "about", "sources": selectors.source_list()})
