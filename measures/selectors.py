"""Reads of published programme content for the public dashboard and the open-data API.

Everything here reads the canonical tables, which hold only published content. Each
function runs a fixed number of queries (select_related / prefetch_related), however
many measures there are; tests/measures/test_views_queries.py holds them to that.
Only the current programme (the one without a successor) is shown.

Why one module of some 450 lines: the public pages and the API share every one of these
reads, and the query-count tests name them by this module; split by page, the shared
querysets (long-text deferral, ordering) would be imported back and forth.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Count, Exists, F, JSONField, OuterRef, Prefetch, Q, QuerySet, TextField, Window
from django.db.models.functions import RowNumber
from django.utils.formats import date_format

from programme.models import (
    EditionStatus,
    Goal,
    Programme,
    ReportEdition,
    SourceDocument,
    StakeholderGroup,
    edition_light,
)
from programme.planning import parse_planning

from .models import Measure, MeasureItem, MeasureItemKind, MeasureStakeholder, MeasureStatus, MeasureStatusChange

CURRENT = Q(programme__successors__isnull=True)
SEARCH_CONFIG = "dutch"


def long_text_fields(model, prefix: str = "", keep: frozenset = frozenset({"status_note"})) -> list[str]:
    """The long text fields of a model (and its search document), which lists never show
    (a status note they do)."""
    return [
        f"{prefix}__{field.name}" if prefix else field.name
        for field in model._meta.concrete_fields
        if isinstance(field, (TextField, JSONField, SearchVectorField)) and field.name not in keep
    ]


def _ordered_measures() -> QuerySet[Measure]:
    """Measures in the report's order, for lists: without their long texts."""
    return Measure.objects.order_by("number", "suffix").defer(*long_text_fields(Measure))


def programme_current() -> Programme | None:
    return Programme.objects.filter(successors__isnull=True).order_by("-start_year").first()


def source_list() -> list[SourceDocument]:
    """The documents the published facts come from, oldest first."""
    sources = list(SourceDocument.objects.all())
    return sorted(sources, key=lambda source: (source_date(source, None)[0] or datetime.date.max, source.key))


# --- Measures ------------------------------------------------------------------------------


def _search(measures: QuerySet[Measure], query: str) -> QuerySet[Measure]:
    """Full-text search over titles, narratives and items (Dutch stemming on PostgreSQL).

    On PostgreSQL it matches the stored, GIN-indexed ``search_vector`` (see migration
    0004), so a search costs the same however long the narratives are. SQLite, used only
    for the zero-configuration first run, has no Dutch text search; there a plain
    substring match keeps the search usable.
    """
    by_code = Q(code__iexact=query)
    if connection.vendor == "postgresql":
        search = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        return measures.filter(Q(search_vector=search) | by_code)
    items = MeasureItem.objects.filter(measure=OuterRef("pk"), text__icontains=query)
    return measures.filter(
        Q(title__icontains=query)
        | Q(chapter_title__icontains=query)
        | Q(introduction__icontains=query)
        | Q(summary__icontains=query)
        | Exists(items)
        | by_code
    )


def measure_list(
    *,
    status: str | None = None,
    goal: int | None = None,
    stakeholder: str | None = None,
    prioritised: bool | None = None,
    query: str | None = None,
) -> QuerySet[Measure]:
    """The measures and sub-measures, in the report's order, filtered.

    ``goal`` is a goal number; a sub-measure belongs to the goals of its parent measure
    (the goal–measure matrix names only the 25 measures). ``stakeholder`` is the slug of
    a stakeholder group; ``query`` is free text.
    """
    measures = (
        Measure.objects.filter(CURRENT)
        .defer("search_vector")
        .select_related("parent")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("number")))
        .order_by("number", "suffix")
    )
    if status:
        measures = measures.filter(status=status)
    if goal is not None:
        in_goal = Goal.measures.through.objects.filter(goal__number=goal, goal__programme__successors__isnull=True)
        measures = measures.filter(
            Exists(in_goal.filter(measure=OuterRef("pk"))) | Exists(in_goal.filter(measure=OuterRef("parent")))
        )
    if stakeholder:
        measures = measures.filter(
            Exists(MeasureStakeholder.objects.filter(measure=OuterRef("pk"), group__slug=stakeholder))
        )
    if prioritised is not None:
        measures = measures.filter(is_prioritised=prioritised)
    if query and query.strip():
        measures = _search(measures, query.strip())
    return measures


def measure_get(*, code: str) -> Measure:
    """Raises Measure.DoesNotExist."""
    return Measure.objects.filter(CURRENT).defer(*long_text_fields(Measure)).get(code=code)


def measure_options() -> list[tuple[str, str]]:
    """Measures and sub-measures to choose from in a filter, as (code, "code. title")."""
    rows = _ordered_measures().filter(CURRENT).values_list("code", "title")
    return [(code, f"{code}. {title}") for code, title in rows]


def goal_options() -> QuerySet[Goal]:
    return Goal.objects.filter(CURRENT).order_by("number")


def stakeholder_group_options() -> QuerySet[StakeholderGroup]:
    """The groups named in at least one measure's "Betrokkenen" box."""
    return StakeholderGroup.objects.filter(measures__programme__successors__isnull=True).distinct().order_by("name")


def related(name: str) -> QuerySet:
    """All records of the model on the other side of the measure's relation ``name``."""
    return Measure._meta.get_field(name).related_model.objects.all()


def measure_detail(*, code: str) -> Measure:
    """One measure with everything its page shows; raises Measure.DoesNotExist."""
    return (
        Measure.objects.filter(CURRENT)
        .select_related("parent", "programme")
        .prefetch_related(
            Prefetch("items", queryset=MeasureItem.objects.order_by("position")),
            Prefetch(
                "measurestakeholder_set",
                queryset=MeasureStakeholder.objects.select_related("group").order_by("position"),
                to_attr="ordered_stakeholders",
            ),
            Prefetch("goals", queryset=Goal.objects.order_by("number")),
            Prefetch("sub_measures", queryset=_ordered_measures()),
            # Motions, commitments and laws through the measure's own reverse relations:
            # those apps register their links to measures, measures does not import them.
            Prefetch("motions", queryset=related("motions").order_by("position", "dossier", "number")),
            Prefetch("commitments", queryset=related("commitments").order_by("position", "code")),
            Prefetch("expected_laws", queryset=related("expected_laws").order_by("position")),
            Prefetch(
                "status_changes",
                queryset=(
                    MeasureStatusChange.objects.select_related("source", "edition")
                    .defer(*edition_light("edition"))
                    .order_by("sort_date", "id")
                ),
            ),
        )
        .get(code=code)
    )


@dataclass
class NarrativeSection:
    kind: str
    title: str
    items: list[MeasureItem]


def measure_sections(*, measure: Measure) -> list[NarrativeSection]:
    """The narrative lists of a measure in the report's order (from prefetched items)."""
    sections = []
    for kind in MeasureItemKind:
        items = [item for item in measure.items.all() if item.kind == kind]
        if items:
            sections.append(NarrativeSection(kind=kind.value, title=str(kind.label), items=items))
    return sections


@dataclass
class StatusRecordView:
    """A status as recorded, with the status before it (for "was: …")."""

    record: Any
    previous_status: str | None
    previous_label: str | None

    @property
    def edition(self):
        """The report edition the status appeared in, if that edition is published."""
        return self.record.edition if edition_is_public(self.record.edition) else None

    @property
    def is_change(self) -> bool:
        return self.previous_status is not None and self.previous_status != self.record.status


def status_history(*, records: list) -> list[StatusRecordView]:
    """Turn status records in date order into entries that know their predecessor."""
    entries, previous = [], None
    for record in records:
        entries.append(
            StatusRecordView(
                record=record,
                previous_status=previous.status if previous else None,
                previous_label=previous.get_status_display() if previous else None,
            )
        )
        previous = record
    return entries


def edition_is_public(edition) -> bool:
    return edition is not None and edition.status == EditionStatus.ADOPTED


# --- Status summaries ----------------------------------------------------------------------


@dataclass
class StatusCount:
    status: str
    label: str
    count: int
    percent: int


@dataclass
class StatusMix:
    """How many measures have each status; ``percent`` values add up to 100."""

    counts: list[StatusCount]
    total: int

    @property
    def present(self) -> list[StatusCount]:
        return [count for count in self.counts if count.count]


def _status_mix(counted: dict[str, int]) -> StatusMix:
    """The mix of ``counted``, how many measures have each status (absent: none)."""
    total = sum(counted.values())
    counts = []
    for status in MeasureStatus:
        count = counted.get(status.value, 0)
        counts.append(
            StatusCount(status=status.value, label=str(status.label), count=count,
                        percent=(100 * count // total) if total else 0)
        )
    # Rounding down loses a few percent; give them to the largest groups so bars fill up.
    shortfall = (100 - sum(count.percent for count in counts)) if total else 0
    for count in sorted(counts, key=lambda c: (100 * c.count) % max(total, 1), reverse=True):
        if shortfall <= 0:
            break
        if count.count:
            count.percent += 1
            shortfall -= 1
    return StatusMix(counts=counts, total=total)


def measure_status_summary() -> StatusMix:
    """The status mix of the programme's measures; sub-measures count as part of their parent."""
    rows = (
        Measure.objects.filter(CURRENT, parent__isnull=True)
        .values("status")
        .annotate(count=Count("id"))
        .order_by()
    )
    return _status_mix({row["status"]: row["count"] for row in rows})


# --- Goals ---------------------------------------------------------------------------------


# How many of its measures a goal shows in the list of goals; the goal's own page has
# them all. The programme's goals have at most 12, so today the list shows every one.
GOAL_LIST_MEASURES = 12


def _with_status_mix(goals: list[Goal]) -> list[Goal]:
    """Attach the status mix of each goal's measures as ``status_mix``: one count per goal
    and status, however many measures there are."""
    counts = (
        Goal.measures.through.objects.filter(goal__in=goals)
        .values("goal_id", "measure__status")
        .annotate(count=Count("id"))
        .order_by()
    )
    counted: dict[int, dict[str, int]] = {goal.id: {} for goal in goals}
    for row in counts:
        counted[row["goal_id"]][row["measure__status"]] = row["count"]
    for goal in goals:
        goal.status_mix = _status_mix(counted[goal.id])
    return goals


def goal_summaries() -> list[Goal]:
    """The goals with the status mix of their measures as ``status_mix``."""
    return _with_status_mix(list(goal_options()))


def goal_list() -> list[Goal]:
    """The goals with their status mix (``status_mix``) and, as ``first_measures``, their
    first GOAL_LIST_MEASURES measures in the report's order."""
    goals = goal_summaries()
    order = [F("measure__number").asc(), F("measure__suffix").asc()]
    links = (
        Goal.measures.through.objects.filter(goal__in=goals, measure__parent__isnull=True)
        .annotate(rank=Window(RowNumber(), partition_by=[F("goal_id")], order_by=order))
        .filter(rank__lte=GOAL_LIST_MEASURES)
        .select_related("measure")
        .defer(*long_text_fields(Measure, "measure"))
        .order_by("goal_id", *order)
    )
    first_measures: dict[int, list[Measure]] = {goal.id: [] for goal in goals}
    for link in links:
        first_measures[link.goal_id].append(link.measure)
    for goal in goals:
        goal.first_measures = first_measures[goal.id]
    return goals


def goal_detail(*, number: int) -> Goal:
    """One goal with its status mix (``status_mix``); raises Goal.DoesNotExist."""
    return _with_status_mix([Goal.objects.filter(CURRENT).get(number=number)])[0]


def goal_measures(*, goal: Goal) -> QuerySet[Measure]:
    """The measures of a goal in the report's order, each with its sub-measures."""
    return (
        _ordered_measures()
        .filter(goals=goal, parent__isnull=True)
        .prefetch_related(Prefetch("sub_measures", queryset=_ordered_measures()))
    )


@dataclass
class MatrixRow:
    measure: Measure
    cells: list[bool]


@dataclass
class Matrix:
    goals: list[Goal]
    rows: list[MatrixRow]


def matrix_measures() -> QuerySet[Measure]:
    """The rows of the matrix: the measures (sub-measures share their parent's goals)."""
    return (
        Measure.objects.filter(CURRENT, parent__isnull=True)
        .defer(*long_text_fields(Measure))
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.only("id")))
        .order_by("number")
    )


def goal_measure_matrix(*, measures) -> Matrix:
    """The "Samenhang doelen en maatregelen": which of ``measures`` serves which goal."""
    goals = list(goal_options())
    rows = []
    for measure in measures:
        linked = {goal.id for goal in measure.goals.all()}
        rows.append(MatrixRow(measure=measure, cells=[goal.id in linked for goal in goals]))
    return Matrix(goals=goals, rows=rows)


# --- Stakeholders --------------------------------------------------------------------------


def stakeholder_group_list() -> QuerySet[StakeholderGroup]:
    """The groups: first those of the cooperation table (with their organisations), then
    the other groups named in the measures' "Betrokkenen" boxes."""
    return (
        StakeholderGroup.objects.annotate(
            measure_count=Count("measures", filter=Q(measures__programme__successors__isnull=True), distinct=True)
        )
        .prefetch_related("organisations")
        .order_by(F("table_position").asc(nulls_last=True), "name")
    )


def stakeholder_group_detail(*, slug: str) -> StakeholderGroup:
    """Raises StakeholderGroup.DoesNotExist."""
    return StakeholderGroup.objects.prefetch_related("organisations").get(slug=slug)


def stakeholder_group_measures(*, group: StakeholderGroup) -> QuerySet[Measure]:
    """The measures whose "Betrokkenen" box names the group, in the report's order."""
    return _ordered_measures().filter(CURRENT, stakeholder_groups=group).select_related("parent")


def source_date(source, edition) -> tuple[datetime.date | None, str]:
    """When a source spoke: its date, else the start of the period its date text names."""
    if source.date:
        return source.date, date_format(source.date, "j F Y")
    period = parse_planning(source.date_text)
    if period:
        return period[0], source.date_text
    if edition is not None and edition.reference_date:
        return edition.reference_date, date_format(edition.reference_date, "j F Y")
    return None, source.date_text


@dataclass
class EditionMeasureStatus:
    """A measure's status as one adopted report gave it."""

    key: str
    title: str
    reference_label: str
    status: str | None
    label: str
    # What this report said became of the next steps the report before it announced.
    step_outcomes: list[dict]
    previous_title: str


def measure_status_per_edition(*, code: str) -> list[EditionMeasureStatus]:
    """The measure's status in every adopted report, oldest first: one query, reading only
    the small extract of each frozen state, however many editions there are."""
    editions = (
        ReportEdition.objects.filter(status=EditionStatus.ADOPTED)
        .order_by("number").only("key", "title", "reference_date", "reference_date_text", "frozen_summary")
    )
    rows = []
    previous_title = ""
    for edition in editions:
        entry = edition.frozen_summary.get("measures", {}).get(code)
        rows.append(EditionMeasureStatus(
            edition.key, edition.title, edition.reference_label, entry["status"] if entry else None,
            entry["label"] if entry else "Niet in deze rapportage",
            edition.frozen_summary.get("step_outcomes", {}).get(code, []), previous_title,
        ))
        previous_title = edition.title
    return rows
