"""The expected laws' pages as the site search sees them."""
from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from search import SearchDocument, SearchKind

from .models import ExpectedLaw, LawContentItem
from .selectors import CURRENT


def law_search_documents() -> Iterator[SearchDocument]:
    laws = (
        ExpectedLaw.objects.filter(CURRENT)
        .prefetch_related(Prefetch("content_items", queryset=LawContentItem.objects.order_by("position")))
        .order_by("position")
    )
    for position, law in enumerate(laws):
        yield SearchDocument(
            key=law.slug,
            label=f"{law.get_kind_display()} {law.number}",
            title=law.title,
            url=law.get_absolute_url(),
            texts=[law.planning_note, law.status_text, *(item.text for item in law.content_items.all())],
            position=position,
        )


LAW_SEARCH = SearchKind(slug="wetgeving", label="Wet- en regelgeving", position=40, documents=law_search_documents)
