"""Published narrative changes (steps, next steps, texts) appear in the public history and
its Atom feeds, not only status and planning changes."""
import pytest
from django.urls import reverse

from dashboard.selectors import change_list
from measures.models import Measure
from tests.helpers import publish
from workspace import site

pytestmark = pytest.mark.django_db
NEW_STEP = "Een vervolgstap die pas na de rapportage is aangekondigd."


@pytest.fixture
def measure_with_new_step(programme, editor, final_editor):
    measure = Measure.objects.get(code="2")
    document = site.for_record(measure).document(measure)
    dropped = document["next_steps"][0]
    publish(measure, editor=editor, final_editor=final_editor, next_steps=[*document["next_steps"][1:], NEW_STEP],
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
    publish(other, editor=editor, final_editor=final_editor, next_steps=["Alleen bij maatregel 5."])
    texts = [change for change in change_list(measure="2") if change.kind == "text"]
    assert [change.subject.code for change in texts] == ["2"]


def test_a_publish_that_only_moves_the_status_is_no_narrative_change(programme, editor, final_editor):
    def narratives() -> list:
        return [change for change in change_list() if change.kind == "text" and change.subject.code == "5"]

    measure = Measure.objects.get(code="5")
    publish(measure, editor=editor, final_editor=final_editor, dilemmas=["Een nieuw dilemma."])
    assert len(narratives()) == 1
    publish(measure, editor=editor, final_editor=final_editor, is_prioritised=not measure.is_prioritised)
    assert len(narratives()) == 1

