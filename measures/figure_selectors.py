"""Reads of the key figures (kerncijfers): for the public page, a measure's page, the API
and the report snapshot. Each runs a fixed number of queries, however many figures,
series and editions there are (tests/measures/test_figures_views.py holds them to that).

A figure names its report edition by key; the edition is looked up loosely: by that key,
else the edition whose source the figure comes from. A figure from a source older than
every edition (the 2023 webinar) has none.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from programme.models import EditionStatus, ReportEdition

from .models import KeyFigure, Measure
from .selectors import CURRENT, edition_is_public, source_date


def figure_list(*, measure: str | None = None, series: str | None = None) -> QuerySet[KeyFigure]:
    """The figures, by series. ``measure`` is a measure code; a figure linked to one of its
    sub-measures counts too (as for motions). ``series`` is a series key."""
    figures = (
        KeyFigure.objects.filter(CURRENT)
        .select_related("source")
        .prefetch_related(Prefetch("measures", queryset=Measure.objects.order_by("number", "suffix").only("code")))
        .order_by("series", "position", "key")
    )
    if measure:
        linked = KeyFigure.measures.through.objects.filter(
            Q(measure__code=measure) | Q(measure__parent__code=measure), measure__programme__successors__isnull=True,
        ).values_list("keyfigure", flat=True)
        figures = figures.filter(pk__in=list(linked))
    if series:
        figures = figures.filter(series=series)
    return figures


def figure_list_with_edition(*, measure: str | None = None, series: str | None = None) -> QuerySet[KeyFigure]:
    """``figure_list`` with ``public_edition_key``: the key of the figure's adopted edition
    (by its key, else by its source), or None; in the same query, for the API."""
    adopted = ReportEdition.objects.filter(status=EditionStatus.ADOPTED).order_by("number")
    return figure_list(measure=measure, series=series).annotate(
        public_edition_key=Coalesce(
            Subquery(adopted.filter(key=OuterRef("edition_key")).values("key")[:1]),
            Subquery(adopted.filter(source=OuterRef("source")).values("key")[:1]),
        )
    )


def figure_editions(*, figures: list[KeyFigure]) -> dict[int, ReportEdition]:
    """The edition of each figure that has one (figure pk → edition), in one query."""
    keys = {figure.edition_key for figure in figures if figure.edition_key}
    source_ids = {figure.source_id for figure in figures}
    if not figures:
        return {}
    editions = list(
        ReportEdition.objects.filter(Q(key__in=keys) | Q(source_id__in=source_ids))
        .only("key", "number", "title", "status", "source_id").order_by("number")
    )
    by_key = {edition.key: edition for edition in editions}
    by_source: dict[int, ReportEdition] = {}
    for edition in editions:
        by_source.setdefault(edition.source_id, edition)
    found = {}
    for figure in figures:
        edition = by_key.get(figure.edition_key) or by_source.get(figure.source_id)
        if edition is not None:
            found[figure.pk] = edition
    return found


@dataclass
class FigureRow:
    """One figure as the public sees it; ``edition`` only when that report is public."""

    figure: KeyFigure
    edition: ReportEdition | None


@dataclass
class FigureSeries:
    """The figures measuring one thing, oldest source first."""

    key: str
    title: str
    unit: str
    rows: list[FigureRow] = field(default_factory=list)

    @property
    def chart_rows(self) -> list[FigureRow]:
        return [row for row in self.rows if row.figure.value is not None]

    @property
    def has_chart(self) -> bool:
        return len(self.chart_rows) >= 2


def _when(figure: KeyFigure) -> datetime.date:
    return source_date(figure.source, None)[0] or datetime.date.max


def figure_series_list(*, measure: str | None = None) -> list[FigureSeries]:
    """The figures grouped by series, each series oldest source first, the series in the
    alphabetical order of their most recent title."""
    figures = list(figure_list(measure=measure))
    editions = figure_editions(figures=figures)
    grouped: dict[str, FigureSeries] = {}
    for figure in sorted(figures, key=lambda figure: (figure.series, _when(figure), figure.position)):
        edition = editions.get(figure.pk)
        entry = grouped.setdefault(
            figure.series, FigureSeries(figure.series, figure.title, figure.unit),
        )
        entry.title = figure.title
        entry.rows.append(FigureRow(figure, edition if edition_is_public(edition) else None))
    return sorted(grouped.values(), key=lambda entry: entry.title.lower())


def figures_known_at(*, edition: ReportEdition, figures: list[KeyFigure]) -> list[KeyFigure]:
    """The figures a report could know: of its own edition or an earlier one, or from a
    source older than every edition. A figure naming an edition that is not (yet)
    loaded is left out: its place among the editions is unknown."""
    editions = figure_editions(figures=figures)
    known = []
    for figure in figures:
        own = editions.get(figure.pk)
        if own is None:
            if not figure.edition_key:
                known.append(figure)
        elif own.number <= edition.number:
            known.append(figure)
    return known
