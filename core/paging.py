"""Pages of the dashboard's long lists: measures, motions, commitments, the matrix, the
changes, and the measures of one goal or stakeholder group.

The programme's own lists fit on one page, so pagination shows only once a list outgrows
it; a page then renders the same number of rows however large the programme becomes
(bench/scale.py measures that). The page number travels as ``pagina``, as in the API.
"""
from __future__ import annotations

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50
PAGE_PARAMETER = "pagina"


def list_page(request, items, *, per_page: int = PAGE_SIZE) -> Page:
    """The page of ``items`` the request asks for.

    A page number that does not exist (``pagina=99``, ``pagina=twee``) shows the nearest
    page that does, with ``page.requested`` set to what was asked so the template can say
    so; a link to a page that has since disappeared still leads somewhere useful.
    """
    paginator = Paginator(items, per_page)
    requested = request.GET.get(PAGE_PARAMETER)
    page = paginator.get_page(requested)
    page.requested = requested if requested not in (None, str(page.number)) else None
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
