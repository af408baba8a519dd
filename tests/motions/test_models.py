import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motions.models import Motion
from tests.factories import MotionFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_motion_number_is_normalised_and_split_on_save():
    motion = MotionFactory(kamerstuk="31 497, nr. 373")
    assert (motion.kamerstuk, motion.dossier, motion.number) == ("31497-373", "31497", 373)


def test_the_same_motion_written_differently_cannot_be_added_twice():
    MotionFactory(kamerstuk="36410-21")
    with pytest.raises(IntegrityError), transaction.atomic():
        MotionFactory(kamerstuk="36410-021")


def test_malformed_motion_number_fails_validation_with_a_message():
    motion = Motion(programme=ProgrammeFactory(), kamerstuk="31497/373", title="Fout")
    with pytest.raises(ValidationError) as raised:
        motion.full_clean()
    assert "geen geldig Kamerstuknummer" in str(raised.value)
