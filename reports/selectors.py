"""Reads for the reports app: editions, generations and the data a report shows."""
from django.db.models import Prefetch, QuerySet

from legislation.models import ExpectedLaw, LawMilestone, MilestonePlanning
from measures.models import Measure, MeasureStakeholder, MeasureStatusChange
from motions.models import Motion, MotionStatusChange
from programme.models import EditionStatus, Goal, Programme, ReportEdition, StakeholderGroup, edition_light

from .models import GenerationStatus, ReportGeneration


def report_edition_list(*, published_only: bool) -> QuerySet[ReportEdition]:
    # A list never shows the frozen states (some 200 kB each); whoever needs one gets it
    # when it reads the field.
    editions = ReportEdition.objects.select_related("programme", "source").defer("frozen_state")
    if published_only:
        editions = editions.filter(status=EditionStatus.ADOPTED)
    return editions.order_by("-year", "-number")


def report_edition_get(*, key: str) -> ReportEdition:
    return ReportEdition.objects.select_related("programme", "source").get(key=key)


def report_edition_current() -> ReportEdition | None:
    """The edition a report is made of when nobody names one: the most recent."""
    return report_edition_list(published_only=False).first()


def report_edition_previous(*, edition: ReportEdition) -> ReportEdition | None:
    """The published edition before this one, if the data holds it."""
    return (
        ReportEdition.objects.filter(
            programme=edition.programme_id, number__lt=edition.number, status=EditionStatus.ADOPTED
        )
        .order_by("-number")
        .first()
    )


def report_generation_list(*, edition: ReportEdition) -> QuerySet[ReportGeneration]:
    return (
        ReportGeneration.objects.filter(edition=edition)
        .select_related("started_by")
        .defer("snapshot")
        .order_by("-created_at", "-id")
    )


def report_generation_get(*, pk: int) -> ReportGeneration:
    return ReportGeneration.objects.select_related("edition", "started_by").get(pk=pk)


def report_generation_public(*, edition: ReportEdition) -> ReportGeneration | None:
    """The PDF readers get for an edition: its frozen version, else the newest finished one."""
    finished = ReportGeneration.objects.filter(edition=edition, status=GenerationStatus.DONE).defer("snapshot")
    return finished.filter(is_frozen=True).first() or finished.order_by("-finished_at", "-id").first()


def report_generation_frozen(*, edition: ReportEdition) -> ReportGeneration | None:
    return ReportGeneration.objects.filter(edition=edition, is_frozen=True).first()


# --- The content of a report -------------------------------------------------------------


def report_goals(*, programme: Programme) -> QuerySet[Goal]:
    return Goal.objects.filter(programme=programme).prefetch_related(
        Prefetch("measures", queryset=Measure.objects.order_by("number", "suffix"))
    )


def report_measures(*, programme: Programme) -> QuerySet[Measure]:
    return (
        Measure.objects.filter(programme=programme)
        .select_related("parent")
        .prefetch_related(
            "items",
            Prefetch(
                "measurestakeholder_set",
                queryset=MeasureStakeholder.objects.select_related("group").order_by("position"),
                to_attr="ordered_stakeholders",
            ),
            Prefetch(
                "status_changes",
                queryset=(
                    MeasureStatusChange.objects.select_related("source", "edition")
                    .defer(*edition_light("edition"))
                    .order_by("sort_date", "id")
                ),
            ),
        )
        .order_by("number", "suffix")
    )


def report_stakeholder_table() -> QuerySet[StakeholderGroup]:
    """The groups of the "Samenwerking met veldpartijen" table, in table order."""
    return (
        StakeholderGroup.objects.filter(table_position__isnull=False)
        .prefetch_related("organisations")
        .order_by("table_position")
    )


def report_laws(*, programme: Programme) -> QuerySet[ExpectedLaw]:
    return (
        ExpectedLaw.objects.filter(programme=programme)
        .prefetch_related(
            "content_items",
            Prefetch("measures", queryset=Measure.objects.order_by("number", "suffix")),
            Prefetch(
                "milestones",
                queryset=LawMilestone.objects.order_by("position").prefetch_related(
                    Prefetch(
                        "planning_history",
                        queryset=(
                            MilestonePlanning.objects.select_related("source", "edition")
                            .defer(*edition_light("edition"))
                            .order_by("position")
                        ),
                    )
                ),
            ),
        )
        .order_by("position")
    )


def report_motions(*, programme: Programme) -> QuerySet[Motion]:
    return (
        Motion.objects.filter(programme=programme)
        .prefetch_related(
            Prefetch("measures", queryset=Measure.objects.order_by("number", "suffix")),
            Prefetch(
                "status_changes",
                queryset=(
                    MotionStatusChange.objects.select_related("source", "edition")
                    .defer(*edition_light("edition"))
                    .order_by("sort_date", "id")
                ),
            ),
        )
        .order_by("position", "dossier", "number")
    )
