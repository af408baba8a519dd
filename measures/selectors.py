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

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    JSONField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextField,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

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
from search.selectors import search_keys

from .models import Measure, MeasureItem, MeasureItemKind, MeasureStakeholder, MeasureStatus, MeasureStatusChange

CURRENT = Q(programme__successors__isnull=True)


def long_text_fields(model, prefix: str = "", keep: frozenset = frozenset({"status_note"})) -> list[str]:
    """The long text fields of a model, which lists never show (a status note they do)."""
    return [
        f"{prefix}__{field.name}" if prefix else field.name
        for field in model._meta.concrete_fields
        if isinstance(field, (TextField, JSONField)) and field.name not in keep
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
    """The measures the site search finds for the query (search/selectors.py: Dutch
    stemming, the same on PostgreSQL and SQLite), or the one with the query as its code."""
    codes = search_keys(query=query, kind="maatregelen")
    return measures.filter(Q(code__in=codes) | Q(code__iexact=query))


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
        # The group itself, or a label of the boxes that counts under it.
        named = MeasureStakeholder.objects.filter(
            Q(group__slug=stakeholder) | Q(group__counted_in__slug=stakeholder), measure=OuterRef("pk")
        )
        measures = measures.filter(Exists(named))
    if prioritised is not None:
        measures = measures.filter(is_prioritised=prioritised)
    if query and query.strip():
        measures = _search(measures, query.strip())
    return measures


@dataclass(frozen=True)
class MeasureCounts:
    """How many measures a list holds, said the same way everywhere: "25 maatregelen
    (31 met submaatregelen)" (includes/measure_count.html)."""

    measures: int
    with_sub_measures: int


def measure_counts(*, measures: QuerySet[Measure] | None = None) -> MeasureCounts:
    """The measures (without a letter) and all rows, sub-measures included, of a list
    (by default the programme's)."""
    measures = Measure.objects.filter(CURRENT) if measures is None else measures
    counts = measures.order_by().aggregate(total=Count("pk"), main=Count("pk", filter=Q(suffix="")))
    return MeasureCounts(measures=counts["main"], with_sub_measures=counts["total"])


def measure_get(*, code: str) -> Measure:
    """Raises Measure.DoesNotExist."""
    return Measure.objects.filter(CURRENT).defer(*long_text_fields(Measure)).get(code=code)


def measure_options() -> list[tuple[str, str]]:
    """Measures and sub-measures to choose from in a filter, as (code, "code. title")."""
    rows = _ordered_measures().filter(CURRENT).values_list("code", "title")
    return [(code, f"{code}. {title}") for code, title in rows]


def goal_options() -> QuerySet[Goal]:
    return Goal.objects.filter(CURRENT).order_by("number")


def _grouping() -> Q:
    """The groups of the one grouping: the cooperation table's and those other labels
    count under ("Overige partijen")."""
    has_labels = Exists(StakeholderGroup.labels.through.objects.filter(to_stakeholdergroup=OuterRef("pk")))
    return Q(table_position__isnull=False) | Q(has_labels)


def stakeholder_group_options() -> QuerySet[StakeholderGroup]:
    """The groups of the grouping, in the table's order ("Overige partijen" last), then
    the labels the measures' boxes use (a label's own page links to its filter)."""
    named = Exists(MeasureStakeholder.objects.filter(group=OuterRef("pk"), measure__programme__successors__isnull=True))
    return (
        StakeholderGroup.objects.filter(_grouping() | Q(named))
        .annotate(in_grouping=ExpressionWrapper(_grouping(), output_field=BooleanField()))
        .order_by("-in_grouping", F("table_position").asc(nulls_last=True), "name")
    )


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


# How each status reads in a sentence about a moment ("In mei 2024 …").
_STATUS_IN_WORDS = {
    MeasureStatus.STARTING: _("was de maatregel in de opstartfase"),
    MeasureStatus.IN_PROGRESS: _("was de maatregel in uitvoering"),
    MeasureStatus.COMPLETED: _("was de maatregel afgerond"),
    MeasureStatus.NOT_CARRIED_OUT: _("was besloten de maatregel niet uit te voeren"),
    MeasureStatus.UNKNOWN: _("was er geen status vermeld"),
}
# Changes that read as a contradiction in a status table get a plain explanation.
_CHANGE_IN_WORDS = {
    (MeasureStatus.NOT_CARRIED_OUT, MeasureStatus.COMPLETED): _(
        "Afgerond betekent hier: de maatregel is afgesloten na het besluit om hem niet uit te voeren."
    ),
}


def status_history_in_words(*, history: list[StatusRecordView]) -> list[str]:
    """The status history as plain sentences, oldest first; empty when the status never changed.

    The table beside it gives the sources; this says what happened, for readers who find
    "Besloten niet uit te voeren" followed by "Afgerond" a riddle.
    """
    if not any(entry.is_change for entry in history):
        return []
    sentences = []
    for entry in history:
        if entry.previous_status is not None and not entry.is_change:
            continue  # the same status again says nothing new
        record = entry.record
        moment = _("Op %(when)s") if record.effective_date else _("In %(when)s")
        sentences.append(f"{moment % {'when': record.when}} {_STATUS_IN_WORDS[record.status]}.")
        if entry.is_change and (explanation := _CHANGE_IN_WORDS.get((entry.previous_status, record.status))):
            sentences.append(str(explanation))
    return sentences


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
    """The groups of the grouping (the cooperation table's, then "Overige partijen"),
    with their organisations, the labels of the measures' boxes that count under them, and
    ``measure_count``: the measures whose box names the group or one of those labels."""
    current = Q(labels__measures__programme__successors__isnull=True)
    return (
        StakeholderGroup.objects.filter(_grouping())
        .annotate(measure_count=Count("labels__measures", filter=current, distinct=True))
        .prefetch_related("organisations", Prefetch("labels", queryset=StakeholderGroup.objects.order_by("name")))
        .order_by(F("table_position").asc(nulls_last=True), "name")
    )


def stakeholder_group_detail(*, slug: str) -> StakeholderGroup:
    """Raises StakeholderGroup.DoesNotExist."""
    ordered = StakeholderGroup.objects.order_by(F("table_position").asc(nulls_last=True), "name")
    return StakeholderGroup.objects.prefetch_related(
        "organisations", Prefetch("labels", queryset=ordered), Prefetch("counted_in", queryset=ordered)
    ).get(slug=slug)


def stakeholder_group_measures(*, group: StakeholderGroup) -> QuerySet[Measure]:
    """The measures whose "Betrokkenen" box names the group or a label that counts under
    it, in the report's order."""
    named = MeasureStakeholder.objects.filter(Q(group=group) | Q(group__counted_in=group), measure=OuterRef("pk"))
    return _ordered_measures().filter(CURRENT).filter(Exists(named)).select_related("parent")


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
