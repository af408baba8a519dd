"""Published narrative changes (steps, next steps, texts) appear in the public history and
its Atom feeds, not only status and planning changes."""
import pytest
from django.urls import reverse

from dashboard.selectors import change_list
from measures.models import Measure
from workspace import site
from workspace.services import draft_for, draft_publish, draft_save, edit_token

pytestmark = pytest.mark.django_db
NEW_STEP = "Een vervolgstap die pas na de rapportage is aangekondigd."


def _publish(measure: Measure, editor, final_editor, **changes) -> None:
    measure.refresh_from_db()
    document = dict(site.for_record(measure).document(measure), **changes)
    draft_save(record=measure, user=editor, document=document, expected_token=edit_token(record=measure, draft=None))
    measure.refresh_from_db()
    draft_publish(record=measure, user=final_editor,
                  expected_token=edit_token(record=measure, draft=draft_for(record=measure)))


@pytest.fixture
def measure_with_new_step(programme_loaded, editor, final_editor):
    measure = Measure.objects.get(code="2")
    document = site.for_record(measure).document(measure)
    dropped = document["next_steps"][0]
    _publish(measure, editor, final_editor, next_steps=[*document["next_steps"][1:], NEW_STEP],
             introduction=document["introduction"] + " Een nieuwe zin.")
    return measure, dropped


def test_the_change_list_shows_steps_added_and_dropped(client, measure_with_new_step):
    _measure, dropped = measure_with_new_step
    page = client.get(reverse("dashboard:change_list")).content.decode()
    assert NEW_STEP in page and dropped in page
    assert "Inleiding en aanpak: herschreven." in page


def test_the_feeds_carry_narrative_changes(client, measure_with_new_step):
    feed = client.get(reverse("dashboard:feed_changes")).content.decode()
    assert "Vervolgstappen, nieuw: " + NEW_STEP in feed
    assert "bijgewerkt: inleiding en aanpak, vervolgstappen" in feed


def test_a_measure_filtered_history_keeps_only_its_own_narratives(client, measure_with_new_step, editor,
                                                                  final_editor):
    other = Measure.objects.get(code="5")
    _publish(other, editor, final_editor, next_steps=["Alleen bij maatregel 5."])
    texts = [change for change in change_list(measure="2") if change.kind == "text"]
    assert [change.subject.code for change in texts] == ["2"]


def test_a_publish_that_only_moves_the_status_is_no_narrative_change(programme_loaded, editor, final_editor):
    def narratives() -> list:
        return [change for change in change_list() if change.kind == "text" and change.subject.code == "5"]

    measure = Measure.objects.get(code="5")
    _publish(measure, editor, final_editor, dilemmas=["Een nieuw dilemma."])
    assert len(narratives()) == 1
    _publish(measure, editor, final_editor, is_prioritised=not measure.is_prioritised)
    assert len(narratives()) == 1

