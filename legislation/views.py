"""Public pages of the expected laws and their planning."""
from django.http import Http404
from django.shortcuts import render

from core.page_cache import public_page

from . import selectors
from .models import ExpectedLaw


@public_page
def law_list(request):
    return render(request, "legislation/law_list.html", {"section": "laws", "laws": selectors.law_list()})


@public_page
def law_detail(request, slug: str):
    try:
        law = selectors.law_detail(slug=slug)
    except ExpectedLaw.DoesNotExist:
        raise Http404 from None
    return render(request, "legislation/law_detail.html", {"section": "laws", "law": law})
