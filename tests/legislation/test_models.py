import datetime

import pytest
from django.db import IntegrityError, transaction

from legislation.models import LawMilestone
from tests.factories import LawMilestoneFactory

pytestmark = pytest.mark.django_db


def test_milestone_derives_its_date_range_from_the_planning_text():
    milestone = LawMilestoneFactory(planned_text="Q1/Q2 2025")
    assert (milestone.planned_start, milestone.planned_end) == (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))


def test_milestone_without_a_date_in_its_planning_has_no_range():
    milestone = LawMilestoneFactory(planned_text="nog nader te bepalen")
    assert milestone.planned_start is None and milestone.planned_end is None


def test_database_refuses_a_planned_range_that_ends_before_it_starts():
    milestone = LawMilestoneFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        LawMilestone.objects.filter(pk=milestone.pk).update(
            planned_start=datetime.date(2026, 1, 1), planned_end=datetime.date(2025, 1, 1)
        )
