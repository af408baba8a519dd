"""Next steps keep a lasting key, so the next report can say what became of them."""
import datetime

import pytest

from measures.models import Measure, MeasureItemKind
from measures.next_steps import next_step_keys
from programme.planning import planning_in_text
from tests.helpers import publish
from workspace import site

A, B, C = "Een onderzoek naar de norm.", "Een wetsvoorstel in 2025.", "Een handreiking voor scholen."


def test_an_unchanged_step_keeps_its_key_wherever_it_moves():
    keys = next_step_keys(code="2", previous=[("a", A), ("b", B)], texts=[B, A])
    assert keys == ["b", "a"]


def test_a_reworded_step_keeps_its_key_and_a_new_one_gets_its_own():
    keys = next_step_keys(code="2", previous=[("a", A), ("b", B)],
                          texts=["Een wetsvoorstel in 2026.", C])
    assert keys[0] == "b"
    assert keys[1] not in {"a", "b"}


def test_new_keys_are_stable_for_the_same_text_and_distinct_for_twins():
    first = next_step_keys(code="2", previous=[], texts=[A, A])
    assert first == next_step_keys(code="2", previous=[], texts=[A, A])
    assert len(set(first)) == 2


@pytest.mark.parametrize(("text", "wording", "period"), [
    ("De eerste resultaten worden voor de zomer van 2025 verwacht.", "voor de zomer van 2025",
     (datetime.date(2025, 6, 1), datetime.date(2025, 8, 31))),
    ("Inwerkingtreding per 1 januari 2026.", "1 januari 2026", (datetime.date(2026, 1, 1),) * 2),
    ("Internetconsultatie in Q2/Q3 2025.", "Q2/Q3 2025", (datetime.date(2025, 4, 1), datetime.date(2025, 9, 30))),
    ("Zonder moment.", None, None),
])
def test_a_steps_target_period_is_read_from_its_own_words(text, wording, period):
    found = planning_in_text(text)
    assert (found is None and wording is None) or found == (wording, period)


@pytest.mark.django_db
def test_publishing_a_reworded_step_keeps_its_key_and_reads_its_target(programme_loaded, editor, final_editor):
    measure = Measure.objects.get(code="2")
    before = list(measure.items.filter(kind=MeasureItemKind.NEXT_STEP).order_by("position"))
    document = site.for_record(measure).document(measure)
    document["next_steps"] = [document["next_steps"][0] + " Dat gebeurt voor de zomer van 2026.", C]
    publish(measure, editor=editor, final_editor=final_editor, document=document)
    after = list(measure.items.filter(kind=MeasureItemKind.NEXT_STEP).order_by("position"))
    assert after[0].key == before[0].key
    assert after[0].target_text == "voor de zomer van 2026" and after[0].target_end == datetime.date(2026, 8, 31)
    assert after[1].key not in {item.key for item in before}
