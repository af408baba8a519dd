"""Every endpoint runs the same number of queries for 1 record as for many."""
import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from legislation.models import LawContentItem
from measures.models import MeasureStakeholder, Priority, PriorityKind
from motions.models import MotionStatusChange
from programme.models import EditionStatus
from tests.factories import (
    CommitmentFactory,
    ExpectedLawFactory,
    GoalFactory,
    LawMilestoneFactory,
    MeasureFactory,
    MeasureItemFactory,
    MeasureStatusChangeFactory,
    MilestonePlanningFactory,
    MotionFactory,
    MotionSubmitterFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ReportEditionFactory,
    SourceDocumentFactory,
    StakeholderGroupFactory,
)

pytestmark = pytest.mark.usefixtures("generous_throttle")


def populate(count: int, offset: int) -> None:
    """``count`` records of every kind, each with its own related records."""
    programme = ProgrammeFactory()
    source = SourceDocumentFactory()
    edition = ReportEditionFactory(programme=programme, status=EditionStatus.ADOPTED, source=source)
    for index in range(offset, offset + count):
        group = StakeholderGroupFactory()
        OrganisationFactory.create_batch(2, group=group)
        measure = MeasureFactory(programme=programme, code=str(index))
        sub = MeasureFactory(programme=programme, code=f"{index}a", parent=measure)
        goal = GoalFactory(programme=programme, number=index)
        goal.measures.add(measure)
        for subject in (measure, sub):
            MeasureStakeholder.objects.create(measure=subject, group=group)
            MeasureItemFactory(measure=subject, kind="step")
            MeasureItemFactory(measure=subject, kind="link", url="https://example.org/")
            MeasureStatusChangeFactory(measure=subject, source=source, edition=edition)
        priority = Priority.objects.create(
            programme=programme, kind=PriorityKind.PRIORITY, number=index, title="P", year=2022, source=source
        )
        priority.measures.add(measure)
        motion = MotionFactory(programme=programme, kamerstuk=f"31497-{index}")
        motion.measures.add(measure, sub)
        MotionSubmitterFactory.create_batch(2, motion=motion)
        MotionStatusChange.objects.create(
            motion=motion, status="in_uitvoering", effective_date=datetime.date(2024, 5, 1), source=source,
            edition=edition,
        )
        commitment = CommitmentFactory(programme=programme, source=source)
        commitment.measures.add(measure)
        law = ExpectedLawFactory(programme=programme, number=str(index), slug=f"wet-{index}")
        law.measures.add(sub)
        LawContentItem.objects.create(law=law, position=1, text="Regelt iets.")
        milestone = LawMilestoneFactory(law=law, actual_source=source)
        MilestonePlanningFactory(milestone=milestone, source=source, edition=edition)


URLS = [
    "/api/v1/doelen",
    "/api/v1/doelen?format=csv",
    "/api/v1/maatregelen",
    "/api/v1/maatregelen?format=csv",
    "/api/v1/maatregelen?q=maatregel&geprioriteerd=nee&doel=1",
    "/api/v1/maatregelen/1",
    "/api/v1/betrokkenen",
    "/api/v1/betrokkenen?format=csv",
    "/api/v1/moties",
    "/api/v1/moties?format=csv&maatregel=1",
    "/api/v1/moties/31497-1",
    "/api/v1/toezeggingen",
    "/api/v1/toezeggingen?format=csv",
    "/api/v1/wetgeving",
    "/api/v1/wetgeving?format=csv",
    "/api/v1/wetgeving/wet-1",
    "/api/v1/rapportages",
    "/api/v1/rapportages?format=csv",
    "/api/v1/programma",
]


def _query_counts(client) -> dict[str, int]:
    counts = {}
    for url in URLS:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        counts[url] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_records(client, db):
    populate(1, offset=1)
    few = _query_counts(client)
    populate(12, offset=2)
    many = _query_counts(client)
    assert client.get("/api/v1/maatregelen").json()["aantal"] == 26
    assert many == few
