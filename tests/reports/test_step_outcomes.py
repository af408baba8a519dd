"""Adopting an edition accounts for every next step the previous report announced."""
import datetime

import pytest
from django.urls import reverse

from measures.models import Measure
from programme.models import ReportEdition
from reports.editions import edition_start
from tests.helpers import publish
from workspace import site

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_edition(programme, editor, final_editor):
    """vgr-2026 open; measure 2 drops its first next step and re-dates its second."""
    edition = edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1))
    measure = Measure.objects.get(code="2")
    document = site.for_record(measure).document(measure)
    dropped, kept = document["next_steps"]
    document["next_steps"] = [kept + " Dat gebeurt in Q3 2026."]
    publish(measure, editor=editor, final_editor=final_editor, document=document)
    return edition, dropped, kept


def _step_key(text: str) -> str:
    state = ReportEdition.objects.get(key="vgr-2025").frozen_state
    measure = next(measure for measure in state["measures"] if measure["code"] == "2")
    return next(step["id"] for step in measure["next_step_details"] if step["text"] == text)


def test_the_confirmation_page_asks_for_steps_no_longer_listed(client, final_editor, next_edition):
    _edition, dropped, _kept = next_edition
    client.force_login(final_editor)
    url = reverse("staff:report_edition_adopt", args=["vgr-2026"])
    page = client.get(url).content.decode()
    assert dropped in page and f'name="stap-{_step_key(dropped)}"' in page
    refused = client.post(url, {"confirm": "ja"})
    html = refused.content.decode()
    assert refused.status_code == 400 and "Kies wat er is gebeurd met deze vervolgstap." in html
    # The error summary links to the first choice of the step; the choices say they are invalid.
    assert f'href="#stap-{_step_key(dropped)}-uitgevoerd"' in html
    key = _step_key(dropped)
    assert f'id="stap-{key}-uitgevoerd" name="stap-{key}" value="uitgevoerd" required aria-invalid="true"' in html
    assert not ReportEdition.objects.get(key="vgr-2026").is_adopted


def test_the_adopted_report_records_each_outcome(client, final_editor, next_edition):
    _edition, dropped, kept = next_edition
    client.force_login(final_editor)
    url = reverse("staff:report_edition_adopt", args=["vgr-2026"])
    client.post(url, {"confirm": "ja", f"stap-{_step_key(dropped)}": "uitgevoerd",
                      f"toelichting-{_step_key(dropped)}": "Vastgelegd in de wet."})
    edition = ReportEdition.objects.get(key="vgr-2026")
    assert edition.is_adopted
    outcomes = {step["text"]: step for step in edition.frozen_state["next_step_outcomes"] if step["measure"] == "2"}
    assert outcomes[dropped]["outcome"] == "uitgevoerd" and outcomes[dropped]["note"] == "Vastgelegd in de wet."
    # Still listed, reworded: the same step, still open (it had no target period before).
    assert outcomes[kept]["outcome"] == "open"
    page = client.get(reverse("measures:measure_detail", args=["2"])).content.decode()
    assert "Vervolgstappen uit de vierde voortgangsrapportage" in page
    changes = client.get(reverse("reports:edition_changes", args=["vgr-2026"])).content.decode()
    assert "Aangekondigde vervolgstappen: wat ervan werd" in changes and "Uitgevoerd" in changes
