"""The measures', stakeholder groups' and key figures' pages as the site search sees them."""
from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from programme.models import StakeholderGroup
from search import SearchDocument, SearchKind

from .figure_selectors import figure_series_list
from .models import Measure, MeasureItem
from .selectors import CURRENT


def measure_search_documents() -> Iterator[SearchDocument]:
    measures = (
        Measure.objects.filter(CURRENT)
        .order_by("number", "suffix")
        .prefetch_related(
            Prefetch("items", queryset=MeasureItem.objects.order_by("kind", "position")),
            Prefetch("sub_measures", queryset=Measure.objects.order_by("number", "suffix").only(
                "code", "title", "parent_id", "number", "suffix")),
        )
    )
    for position, measure in enumerate(measures):
        yield SearchDocument(
            key=measure.code,
            label=str(measure.label),
            title=measure.title,
            url=measure.get_absolute_url(),
            texts=[measure.chapter_title, measure.introduction, measure.summary, measure.status_note,
                   *(item.text for item in measure.items.all())],
            position=position,
            related=[(f"{sub.code}. {sub.title}", sub.get_absolute_url()) for sub in measure.sub_measures.all()],
            related_label="Submaatregelen" if measure.sub_measures.all() else "",
        )


def stakeholder_search_documents() -> Iterator[SearchDocument]:
    groups = StakeholderGroup.objects.prefetch_related("organisations").order_by(
        *StakeholderGroup._meta.ordering)
    for position, group in enumerate(groups):
        yield SearchDocument(
            key=group.slug,
            label="Betrokkenen",
            title=group.name,
            url=f"/betrokkenen/{group.slug}/",
            texts=[group.note, *(organisation.name for organisation in group.organisations.all())],
            position=position,
        )


def figure_search_documents() -> Iterator[SearchDocument]:
    """One document per series of key figures, found on /kerncijfers/ at its heading."""
    for position, series in enumerate(figure_series_list()):
        yield SearchDocument(
            key=series.key,
            label="Kerncijfers",
            title=series.title,
            url=f"/kerncijfers/#reeks-{series.key}",
            texts=[text for row in series.rows for text in (row.figure.wording, row.figure.period, row.figure.quote)],
            position=position,
        )


MEASURE_SEARCH = SearchKind(slug="maatregelen", label="Maatregelen", position=10, documents=measure_search_documents)
STAKEHOLDER_SEARCH = SearchKind(
    slug="betrokkenen", label="Betrokkenen", position=60, documents=stakeholder_search_documents
)
FIGURE_SEARCH = SearchKind(slug="kerncijfers", label="Kerncijfers", position=70, documents=figure_search_documents)
