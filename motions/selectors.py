"""Reads of published motions and commitments for the public dashboard and the open-data API."""
import datetime

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q, QuerySet
from django.utils import timezone

from programme.models import edition_light

from .models import (
    Commitment,
    CommitmentStatus,
    Motion,
    MotionStatus,
    MotionStatusChange,
    MotionSubmitter,
    TweedeKamerSync,
)

CURRENT = Q(programme__successors__isnull=True)


def ordered_measures() -> QuerySet:
    """Measures in the report's order, through the motion's own relation (the motions
    app does not import the measures app)."""
    return Motion._meta.get_field("measures").related_model.objects.order_by("number", "suffix")


def measure_options() -> list[tuple[str, str]]:
    """The current programme's measures to choose from in a filter, as (code, "code. title")."""
    rows = ordered_measures().filter(programme__successors__isnull=True).values_list("code", "title")
    return [(code, f"{code}. {title}") for code, title in rows]


def _linked_to_measure(model, owner: str, code: str) -> Q:
    """Linked to the measure with this code or to one of its sub-measures."""
    # The few linked ids first: given a subquery, PostgreSQL walks every motion to its
    # measures instead (it cannot estimate the current-programme join), however few match.
    measures = ordered_measures().filter(Q(code=code) | Q(parent__code=code)).values("pk")
    linked = model.measures.through.objects.filter(measure__in=measures).values_list(owner, flat=True)
    return Q(pk__in=list(linked))


def motion_list(*, status: str | None = None, measure: str | None = None) -> QuerySet[Motion]:
    """The motions in Kamerstuk order: by dossier, then ondernummer, so that a reader
    finds a motion by its number.

    ``measure`` is a measure code; a motion linked to one of its sub-measures counts too.
    """
    motions = (
        Motion.objects.filter(CURRENT)
        .prefetch_related(Prefetch("measures", queryset=ordered_measures()))
        .order_by("dossier", "dossier_suffix", "number")
    )
    if status:
        motions = motions.filter(status=status)
    if measure:
        motions = motions.filter(_linked_to_measure(Motion, "motion", measure))
    return motions


def motion_detail(*, kamerstuk: str) -> Motion:
    """``kamerstuk`` in normalised form (31497-373); raises Motion.DoesNotExist."""
    return (
        Motion.objects.filter(CURRENT)
        .select_related("submitters_source")
        .prefetch_related(
            Prefetch("measures", queryset=ordered_measures()),
            Prefetch("submitters", queryset=MotionSubmitter.objects.order_by("position")),
            Prefetch(
                "status_changes",
                queryset=(
                    MotionStatusChange.objects.select_related("source", "edition")
                    .defer(*edition_light("edition"))
                    .order_by("sort_date", "id")
                ),
            ),
        )
        .get(kamerstuk=kamerstuk)
    )


def motion_status_counts() -> dict[str, int]:
    """How many motions have each status, every status present (0 when none)."""
    counts = dict.fromkeys(MotionStatus.values, 0)
    rows = Motion.objects.filter(CURRENT).values("status").annotate(count=Count("id")).order_by()
    counts.update({row["status"]: row["count"] for row in rows})
    return counts


def _with_overdue(commitments: QuerySet[Commitment], today: datetime.date) -> QuerySet[Commitment]:
    """``is_overdue``: the promised date has passed and the commitment is not done."""
    return commitments.annotate(
        is_overdue=ExpressionWrapper(
            Q(due_date__lt=today) & ~Q(status=CommitmentStatus.DONE), output_field=BooleanField()
        )
    )


def commitment_list(
    *, status: str | None = None, measure: str | None = None, today: datetime.date | None = None
) -> QuerySet[Commitment]:
    commitments = _with_overdue(
        Commitment.objects.filter(CURRENT)
        .select_related("source")
        .prefetch_related(Prefetch("measures", queryset=ordered_measures()))
        .order_by("position", "code"),
        today or timezone.localdate(),
    )
    if status:
        commitments = commitments.filter(status=status)
    if measure:
        commitments = commitments.filter(_linked_to_measure(Commitment, "commitment", measure))
    return commitments


def commitment_detail(*, slug: str, today: datetime.date | None = None) -> Commitment:
    """Raises Commitment.DoesNotExist."""
    return _with_overdue(
        Commitment.objects.filter(CURRENT)
        .select_related("source")
        .prefetch_related(Prefetch("measures", queryset=ordered_measures())),
        today or timezone.localdate(),
    ).get(slug=slug)


def tweede_kamer_sync_list(*, limit: int = 10) -> list[TweedeKamerSync]:
    """The latest runs of "Bijwerken vanuit de Tweede Kamer", newest first."""
    return list(TweedeKamerSync.objects.select_related("started_by")[:limit])


def tweede_kamer_sync_get(*, pk: int) -> TweedeKamerSync:
    return TweedeKamerSync.objects.select_related("started_by").get(pk=pk)
