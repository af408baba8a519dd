"""Reads of the expected laws and their milestones for the public dashboard and the API."""
import datetime

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet
from django.utils import timezone

from programme.models import edition_light

from .models import ExpectedLaw, LawMilestone, MilestonePlanning

CURRENT = Q(programme__successors__isnull=True)
DONE = Q(actual_date__isnull=False) | ~Q(actual_text="")


def ordered_measures() -> QuerySet:
    """Measures in the report's order, through the law's own relation (the legislation
    app does not import the measures app)."""
    return ExpectedLaw._meta.get_field("measures").related_model.objects.order_by("number", "suffix")


def _milestones(today: datetime.date) -> QuerySet[LawMilestone]:
    """Milestones in order, with ``is_overdue``: planned to be done by now but not done."""
    return (
        LawMilestone.objects.select_related("planned_source", "actual_source")
        .order_by("position", "id")
        .annotate(
            is_overdue=ExpressionWrapper(Q(planned_end__lt=today) & ~DONE, output_field=BooleanField())
        )
        .prefetch_related(
            Prefetch(
                "planning_history",
                queryset=(
                    MilestonePlanning.objects.select_related("source", "edition")
                    .defer(*edition_light("edition"))
                    .order_by("position", "id")
                ),
            )
        )
    )


def _mark_current_phase(law: ExpectedLaw) -> ExpectedLaw:
    """The phase a law is in now: the first step not yet taken after the last step taken.

    Sets ``law.current_milestone`` (None when there is no planning or every step is
    taken) and ``milestone.is_current`` on each milestone.
    """
    milestones = list(law.milestones.all())
    last_done = max((index for index, milestone in enumerate(milestones) if milestone.is_done), default=-1)
    law.current_milestone = next(
        (milestone for milestone in milestones[last_done + 1:] if not milestone.is_done), None
    )
    for milestone in milestones:
        milestone.is_current = milestone is law.current_milestone
    law.has_overdue = any(milestone.is_overdue for milestone in milestones)
    return law


def _laws(today: datetime.date) -> QuerySet[ExpectedLaw]:
    return (
        ExpectedLaw.objects.filter(CURRENT)
        .prefetch_related(
            Prefetch("measures", queryset=ordered_measures()),
            Prefetch("milestones", queryset=_milestones(today)),
        )
        .order_by("position", "id")
    )


def law_list(*, today: datetime.date | None = None) -> list[ExpectedLaw]:
    """The expected laws in the report's order, each with its current phase marked."""
    return [_mark_current_phase(law) for law in _laws(today or timezone.localdate())]


def law_detail(*, slug: str, today: datetime.date | None = None) -> ExpectedLaw:
    """Raises ExpectedLaw.DoesNotExist."""
    law = _laws(today or timezone.localdate()).prefetch_related("content_items").get(slug=slug)
    return _mark_current_phase(law)


def milestone_upcoming_list(*, today: datetime.date | None = None, limit: int = 5) -> QuerySet[LawMilestone]:
    """The next milestones not yet taken whose planned period has not ended, soonest first."""
    today = today or timezone.localdate()
    return (
        LawMilestone.objects.filter(law__programme__successors__isnull=True, planned_end__gte=today)
        .exclude(DONE)
        .select_related("law")
        .order_by("planned_start", "planned_end", "law__position", "position")[:limit]
    )


def milestone_overdue_count(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    return (
        LawMilestone.objects.filter(law__programme__successors__isnull=True, planned_end__lt=today)
        .exclude(DONE)
        .count()
    )
