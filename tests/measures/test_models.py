import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from measures.models import Measure, MeasureItem, MeasureItemKind
from programme.models import Goal
from tests.factories import GoalFactory, MeasureFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_measures_are_ordered_naturally_not_alphabetically():
    programme = ProgrammeFactory()
    parents = {}
    for code in ["10", "8", "9", "16", "1", "2", "17"]:
        parents[code] = MeasureFactory(programme=programme, code=code)
    for code in ["16b", "8c", "8a", "16a", "8d", "8b"]:
        MeasureFactory(programme=programme, code=code, parent=parents[code[:-1]])

    codes = list(Measure.objects.values_list("code", flat=True))

    assert codes == ["1", "2", "8", "8a", "8b", "8c", "8d", "9", "10", "16", "16a", "16b", "17"]


def test_measure_code_is_normalised_on_save():
    measure = MeasureFactory(code="M12")
    assert (measure.code, measure.number, measure.suffix) == ("12", 12, "")


def test_measure_codes_are_unique_within_a_programme():
    programme = ProgrammeFactory()
    MeasureFactory(programme=programme, code="5")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureFactory(programme=programme, code="5")


def test_database_refuses_a_sub_measure_without_parent():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureFactory(code="8a", parent=None)


def test_database_refuses_a_top_level_measure_with_a_parent():
    parent = MeasureFactory(code="8")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureFactory(code="9", parent=parent)


def test_database_refuses_a_code_that_does_not_match_number_and_suffix():
    measure = MeasureFactory(code="3")
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.filter(pk=measure.pk).update(code="4")


def test_validation_refuses_a_sub_measure_under_another_number():
    eight = MeasureFactory(code="8")
    wrong = Measure(programme=eight.programme, code="9a", title="Fout", parent=eight)
    with pytest.raises(ValidationError) as raised:
        wrong.full_clean()
    assert "hoort bij maatregel 9" in str(raised.value)


def test_validation_refuses_a_sub_measure_as_parent():
    eight = MeasureFactory(code="8")
    eight_a = MeasureFactory(programme=eight.programme, code="8a", parent=eight)
    nested = Measure(programme=eight.programme, code="8b", title="Fout", parent=eight_a)
    with pytest.raises(ValidationError) as raised:
        nested.full_clean()
    assert "geen submaatregel" in str(raised.value)


def test_goal_numbers_are_unique_per_programme():
    programme = ProgrammeFactory()
    GoalFactory(programme=programme, number=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(programme=programme, number=3, title="Dubbel")


def test_link_items_need_an_address_and_text_items_have_none():
    measure = MeasureFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureItem.objects.create(measure=measure, kind=MeasureItemKind.LINK, position=1, text="Zonder adres")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureItem.objects.create(
            measure=measure, kind=MeasureItemKind.STEP, position=1, text="Stap", url="https://example.org/"
        )


def test_item_positions_are_unique_per_list():
    measure = MeasureFactory()
    MeasureItem.objects.create(measure=measure, kind=MeasureItemKind.STEP, position=1, text="Een")
    MeasureItem.objects.create(measure=measure, kind=MeasureItemKind.NEXT_STEP, position=1, text="Ander lijstje")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureItem.objects.create(measure=measure, kind=MeasureItemKind.STEP, position=1, text="Twee")
