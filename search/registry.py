"""The kinds of public content the site search covers, registered by the apps that own them.

As they register an ``EditableKind`` with ``workspace.site``, apps register a
``SearchKind`` with ``search.site`` from their ``AppConfig.ready()``::

    from search import site
    site.register(SearchKind(slug="maatregelen", label="Maatregelen", position=10, documents=measure_search_documents))

The index (services.py) asks every kind for its documents whenever published content
changes; the search (selectors.py) knows nothing of the kinds beyond their slug, label
and position. This app sits just above core, so that every app, including programme, can
register, and the measures app can search its own kind for its list's ``?q=``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class SearchDocument:
    """One public page as the search sees it."""

    # Unique within its kind (a measure code, a kamerstuk, a slug).
    key: str
    # What the result shows above the title, e.g. "Maatregel 8a" or "Motie 31497-373".
    label: str
    title: str
    url: str
    # The page's texts, in the page's order, as plain text or the narratives' rich text.
    texts: Sequence[str] = ()
    # The order of the kind's own list, for results that rank equally.
    position: int = 0
    # Pages a result links to below its snippet (a measure's sub-measures): (label, url).
    related: Sequence[tuple[str, str]] = ()
    related_label: str = ""


@dataclass(frozen=True)
class SearchKind:
    # In the URL (/zoeken/?soort=maatregelen).
    slug: str
    # Plural, as the filter of the results page shows it.
    label: str
    # The kinds' order in the filter and among equally ranked results.
    position: int
    # Every public document of the kind.
    documents: Callable[[], Iterable[SearchDocument]] = field(repr=False)


class SearchRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, SearchKind] = {}

    def register(self, kind: SearchKind) -> None:
        if kind.slug in self._kinds:
            raise ImproperlyConfigured(f"The search kind {kind.slug!r} is registered twice.")
        self._kinds[kind.slug] = kind

    def get(self, slug: str) -> SearchKind | None:
        return self._kinds.get(slug)

    def __iter__(self):
        return iter(sorted(self._kinds.values(), key=lambda kind: kind.position))


site = SearchRegistry()
