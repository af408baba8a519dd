"""Every public page runs the same small number of SQL queries with 31 or 300 measures."""
import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from legislation.models import LawMilestone, Phase
from measures.models import MeasureItemKind, MeasureStakeholder, MeasureStatus
from motions.models import MotionStatus, MotionStatusChange
from tests.factories import (
    CommitmentFactory,
    ExpectedLawFactory,
    GoalFactory,
    MeasureFactory,
    MeasureItemFactory,
    MeasureStatusChangeFactory,
    MilestonePlanningFactory,
    MotionFactory,
    MotionSubmitterFactory,
    OrganisationFactory,
    ReportEditionFactory,
    SourceDocumentFactory,
    StakeholderGroupFactory,
)

pytestmark = pytest.mark.django_db

# The pages to check; measure 30 has a sub-measure, a motion, a commitment and a law.
URLS = [
    "/",
    "/doelen/",
    "/doelen/1/",
    "/samenhang/",
    "/maatregelen/",
    "/maatregelen/?status=afgerond&doel=1&betrokkene=groep-1&geprioriteerd=ja&q=maatregel",
    "/maatregelen/30/",
    "/maatregelen/30a/",
    "/betrokkenen/",
    "/betrokkenen/groep-1/",
    "/wijzigingen/",
    "/moties/",
    "/moties/?status=in_uitvoering&maatregel=30",
    "/moties/31497-1030/",
    "/toezeggingen/",
    "/toezeggingen/?maatregel=30",
    "/toezeggingen/toezegging-30/",
    "/wetgeving/",
    "/wetgeving/wet-30/",
    "/feeds/wijzigingen/",
    "/feeds/doelen/1/",
    "/feeds/maatregelen/30/",
    "/over/",
]
MAX_QUERIES = 16


class Programme:
    """A synthetic programme that can grow: goals, groups, measures with everything around them."""

    def __init__(self):
        self.goals = [GoalFactory(number=number, title=f"Doel {number}") for number in range(1, 8)]
        self.groups = [
            StakeholderGroupFactory(name=f"Groep {n}", slug=f"groep-{n}", table_position=n) for n in range(1, 6)
        ]
        for group in self.groups:
            OrganisationFactory(group=group)
        self.letter = SourceDocumentFactory(key="brief", date=datetime.date(2024, 5, 1))
        self.report = SourceDocumentFactory(key="rapportage", date=None, date_text="2025")
        self.edition = ReportEditionFactory(key="editie", status="gepubliceerd", source=self.report)

    def _measure(self, code: str, parent=None):
        measure = MeasureFactory(
            code=code,
            parent=parent,
            status=MeasureStatus.values[int(code.rstrip("a")) % len(MeasureStatus.values)],
            is_prioritised=int(code.rstrip("a")) % 3 == 0,
            introduction=f"Inleiding van maatregel {code}.",
        )
        for position, kind in enumerate(MeasureItemKind, start=1):
            MeasureItemFactory(
                measure=measure, kind=kind, position=position, text=f"{kind.label} bij {code}",
                url="https://example.nl/bron" if kind == MeasureItemKind.LINK else "",
            )
        MeasureStatusChangeFactory(measure=measure, status=MeasureStatus.STARTING, source=self.letter)
        MeasureStatusChangeFactory(
            measure=measure, status=measure.status, source=self.report, edition=self.edition,
            effective_date=datetime.date(2025, 2, 1),
        )
        return measure

    def grow(self, first: int, last: int) -> None:
        for number in range(first, last + 1):
            measure = self._measure(str(number))
            for offset, group in enumerate([self.groups[number % 5], self.groups[(number + 1) % 5]]):
                MeasureStakeholder.objects.create(measure=measure, group=group, position=offset)
            self.goals[number % 7].measures.add(measure)
            self.goals[(number + 3) % 7].measures.add(measure)
            if number % 10 == 0:
                self._measure(f"{number}a", parent=measure)
            if number % 3 == 0:
                motion = MotionFactory(kamerstuk=f"31497-{1000 + number}", status=MotionStatus.IN_PROGRESS)
                motion.measures.add(measure)
                MotionSubmitterFactory(motion=motion)
                MotionStatusChange.objects.create(
                    motion=motion, status=MotionStatus.IN_PROGRESS, source=self.report, edition=self.edition,
                    effective_date=datetime.date(2025, 2, 1),
                )
            if number % 5 == 0:
                CommitmentFactory(slug=f"toezegging-{number}", due_date=datetime.date(2024, 1, 1)).measures.add(measure)
            if number % 10 == 0:
                law = ExpectedLawFactory(slug=f"wet-{number}", number=str(number))
                law.measures.add(measure)
                for position, phase in enumerate([Phase.CONSULTATION, Phase.ENTRY_INTO_FORCE], start=1):
                    milestone = LawMilestone.objects.create(
                        law=law, phase=phase, position=position, planned_text="1 januari 2026",
                        planned_source=self.report,
                    )
                    MilestonePlanningFactory(milestone=milestone, planned_text="augustus 2024", source=self.letter)


def query_counts() -> dict[str, int]:
    client = Client()
    counts = {}
    for url in URLS:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_every_page_runs_a_constant_number_of_queries():
    programme = Programme()
    programme.grow(1, 31)
    small = query_counts()
    programme.grow(32, 300)
    large = query_counts()
    assert large == small
    # 300 measures and 30 sub-measures really are on the pages.
    assert "300 maatregelen (330 met submaatregelen)" in Client().get("/maatregelen/").content.decode()
    assert max(small.values()) <= MAX_QUERIES, small
