"""The staff workspace over HTTP: editing, conflicts, review and publishing."""
import datetime
import re

import pytest

from measures.models import Measure
from tests.helpers import publish
from workspace.models import ChangeRecord, Draft

pytestmark = pytest.mark.django_db

YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()


def _form_state(response) -> dict:
    html = response.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    original = re.search(r'name="original" value="([^"]*)"', html).group(1)
    return {"token": token, "original": original.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")}


def _measure_post(measure, state, **fields):
    data = {
        **state,
        "title": measure.title,
        "status": measure.status,
        "introduction": measure.introduction,
        "summary": measure.summary,
        "action": "save",
    }
    data.update(fields)
    return data


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_staff_pages_render_for_a_redacteur(programme, editor_client):
    for url in ["/beheer/", "/beheer/maatregelen/", "/beheer/maatregelen/5/", "/beheer/maatregelen/8a/",
                "/beheer/moties/", "/beheer/moties/31497-373/", "/beheer/wetgeving/", "/beheer/bij-te-werken/",
                "/beheer/maatregelen/5/beoordelen/", "/beheer/maatregelen/5/geschiedenis/"]:
        assert editor_client.get(url).status_code == 200, url
    assert editor_client.get("/beheer/onbekend/1/").status_code == 404
    assert editor_client.get("/beheer/maatregelen/99/").status_code == 404


def test_editing_a_measure_creates_a_draft_and_keeps_the_public_page(programme, editor_client, client):
    measure = Measure.objects.get(code="5")
    state = _form_state(editor_client.get("/beheer/maatregelen/5/"))
    response = editor_client.post("/beheer/maatregelen/5/", _measure_post(
        measure, state, **{"steps-1-text": "Een eerste gesprek gevoerd.", "steps-1-position": "1"}))
    assert response.status_code == 302
    draft = Draft.objects.get()
    assert draft.document["steps"] == ["Een eerste gesprek gevoerd."]
    measure.refresh_from_db()
    assert not measure.items.filter(kind="step").exists()


def test_list_items_can_be_reordered_and_removed(programme, editor_client):
    measure = Measure.objects.get(code="2")
    state = _form_state(editor_client.get("/beheer/maatregelen/2/"))
    dilemmas = list(measure.items.filter(kind="dilemma").values_list("text", flat=True))
    assert len(dilemmas) == 2
    data = _measure_post(measure, state, **{
        "dilemmas-1-text": dilemmas[0], "dilemmas-1-position": "2",
        "dilemmas-2-text": dilemmas[1], "dilemmas-2-position": "1",
        "dilemmas-3-text": "Nieuw dilemma.", "dilemmas-3-position": "3", "dilemmas-3-remove": "on",
    })
    assert editor_client.post("/beheer/maatregelen/2/", data).status_code == 302
    assert Draft.objects.get().document["dilemmas"] == [dilemmas[1], dilemmas[0]]


def test_validation_errors_keep_everything_typed(programme, editor_client):
    measure = Measure.objects.get(code="5")
    state = _form_state(editor_client.get("/beheer/maatregelen/5/"))
    response = editor_client.post("/beheer/maatregelen/5/", _measure_post(
        measure, state, status="afgerond", introduction="Mijn zorgvuldig getypte tekst."))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mijn zorgvuldig getypte tekst." in html
    assert "Datum van de wijziging: " in html
    assert not Draft.objects.exists()


def test_concurrent_edit_is_refused_with_the_other_persons_change_and_own_text_kept(
    programme, client, editor, second_editor
):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(second_editor)
    measure = Measure.objects.get(code="5")
    state_first = _form_state(first.get("/beheer/maatregelen/5/"))
    state_second = _form_state(second.get("/beheer/maatregelen/5/"))

    assert first.post("/beheer/maatregelen/5/", _measure_post(
        measure, state_first, summary="Samenvatting van de eerste redacteur.")).status_code == 302
    response = second.post("/beheer/maatregelen/5/", _measure_post(
        measure, state_second, summary="Samenvatting van de tweede redacteur."))

    assert response.status_code == 409
    html = response.content.decode()
    assert "Samenvatting van de tweede redacteur." in html  # own text kept in the form
    assert "Samenvatting van de eerste redacteur." in html  # what the other changed
    assert Draft.objects.get().document["summary"] == "Samenvatting van de eerste redacteur."
    # With the new token from the conflict page the second editor can save their merge.
    merged = _measure_post(measure, {**state_second, "token": _form_state(response)["token"]},
                           summary="Samengevoegd.")
    assert second.post("/beheer/maatregelen/5/", merged).status_code == 302
    assert Draft.objects.get().document["summary"] == "Samengevoegd."


@pytest.mark.parametrize(("url", "public_url", "reading"), [
    ("/beheer/maatregelen/14/", "/maatregelen/14/", "I Wisveeting"),
    ("/beheer/moties/36200-93/", "/moties/36200-93/", "V Ureread"),
    ("/beheer/wetgeving/", None, None),
])
def test_staff_see_the_internal_note_labelled_as_never_published(programme, editor_client, url, public_url, reading):
    html = editor_client.get(url).content.decode()
    if reading is None:
        url = re.search(r'href="(/beheer/wetgeving/[^/"]+/)"', html).group(1)
        html = editor_client.get(url).content.decode()
    assert '<label for="id_internal_note">Interne notitie (wordt nooit gepubliceerd)</label>' in html
    assert 'aria-describedby="hint-internal_note"' in html
    if reading:
        assert reading in html
        assert reading not in editor_client.get(public_url).content.decode()


def test_an_internal_note_saved_and_published_stays_off_the_public_page(programme, editor_client, editor,
                                                                        final_editor, client):
    measure = Measure.objects.get(code="5")
    state = _form_state(editor_client.get("/beheer/maatregelen/5/"))
    response = editor_client.post("/beheer/maatregelen/5/", _measure_post(
        measure, state, internal_note="Nog nagaan bij de afdeling of de titel klopt."))
    assert response.status_code == 302
    assert Draft.objects.get().document["internal_note"] == "Nog nagaan bij de afdeling of de titel klopt."
    assert "Nog nagaan bij de afdeling" in editor_client.get("/beheer/maatregelen/5/").content.decode()

    publish(measure, editor=editor, final_editor=final_editor, document=Draft.objects.get().document)

    assert Measure.objects.get(code="5").internal_note == "Nog nagaan bij de afdeling of de titel klopt."
    assert "Nog nagaan bij de afdeling" not in client.get("/maatregelen/5/").content.decode()


def test_publish_flow_end_to_end(programme, client, editor, final_editor):
    from django.test import Client

    writer, reviewer, public = Client(), Client(), Client()
    writer.force_login(editor)
    reviewer.force_login(final_editor)
    Measure.objects.filter(code="5").update(status="in_opstartfase")
    measure = Measure.objects.get(code="5")
    state = _form_state(writer.get("/beheer/maatregelen/5/"))
    writer.post("/beheer/maatregelen/5/", _measure_post(
        measure, state, status="in_uitvoering", status_change_date=YESTERDAY,
        status_change_explanation="De gesprekken zijn begonnen.", action="submit",
        **{"steps-1-text": "Gesprekken met leerlingen gevoerd.", "steps-1-position": "1"}))

    queue = reviewer.get("/beheer/beoordelen/").content.decode()
    assert "Ter beoordeling" in queue
    review = reviewer.get("/beheer/maatregelen/5/beoordelen/")
    assert "Gesprekken met leerlingen gevoerd." in review.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', review.content.decode()).group(1)
    assert reviewer.post("/beheer/maatregelen/5/beoordelen/", {"token": token, "action": "publish"}).status_code == 302

    measure.refresh_from_db()
    assert measure.status == "in_uitvoering"
    assert ChangeRecord.objects.filter(action="gepubliceerd", object_id=measure.pk).exists()
    public_page = public.get("/maatregelen/5/")
    assert public_page.status_code == 200
    assert "Gesprekken met leerlingen gevoerd." in public_page.content.decode()


def test_a_redacteur_sees_no_publish_button_and_cannot_publish(programme, editor_client):
    measure = Measure.objects.get(code="5")
    state = _form_state(editor_client.get("/beheer/maatregelen/5/"))
    editor_client.post("/beheer/maatregelen/5/", _measure_post(measure, state, summary="X."))
    review = editor_client.get("/beheer/maatregelen/5/beoordelen/")
    assert 'value="publish"' not in review.content.decode()
    confirmation = editor_client.get("/beheer/maatregelen/5/verwijderen/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', confirmation).group(1)
    editor_client.post("/beheer/maatregelen/5/beoordelen/", {"token": token, "action": "publish"})
    assert Draft.objects.exists()
    measure.refresh_from_db()
    assert measure.summary != "X."


def test_quick_status_update_from_the_list(programme, editor_client):
    html = editor_client.get("/beheer/maatregelen/").content.decode()
    token = re.search(r'action="/beheer/maatregelen/5/status/".*?name="token" value="([^"]+)"', html, re.S).group(1)
    response = editor_client.post("/beheer/maatregelen/5/status/", {
        "token": token, "status": "afgerond", "date": YESTERDAY, "explanation": "Klaar."})
    assert response.status_code == 302
    assert Draft.objects.get().document["status"] == "afgerond"


def test_history_lists_versions_and_restores_into_a_draft(programme, client, editor, final_editor):
    measure = Measure.objects.get(code="3")
    original = measure.summary
    assert original and original != "Nieuw."
    publish(measure, editor=editor, final_editor=final_editor, summary="Nieuw.")
    client.force_login(editor)
    html = client.get("/beheer/maatregelen/3/geschiedenis/").content.decode()
    assert "Versie 1" in html and "Versie 2" in html
    assert client.post("/beheer/maatregelen/3/geschiedenis/", {"version": "1"}).status_code == 302
    assert Draft.objects.get().document["summary"] == original


def test_law_planning_can_be_moved_from_the_form(programme, editor_client):
    from legislation.models import ExpectedLaw

    law = ExpectedLaw.objects.get(number="1")
    url = f"/beheer/wetgeving/{law.slug}/"
    response = editor_client.get(url)
    state = _form_state(response)
    entry = law.milestones.get(phase="inwerkingtreding")
    data = {
        **state,
        "title": law.title,
        "status_text": law.status_text,
        "planning_note": law.planning_note,
        "action": "save",
        "milestone_ids": [str(m.pk) for m in law.milestones.all()],
    }
    for milestone in law.milestones.all():
        for name in ["planned_text", "actual_text"]:
            data[f"milestone-{milestone.pk}-{name}"] = getattr(milestone, name)
        for name in ["planned_start", "planned_end", "actual_date"]:
            value = getattr(milestone, name)
            data[f"milestone-{milestone.pk}-{name}"] = value.isoformat() if value else ""
    data[f"milestone-{entry.pk}-planned_text"] = "1 augustus 2026"
    data[f"milestone-{entry.pk}-planned_start"] = ""
    data[f"milestone-{entry.pk}-planned_end"] = ""
    assert editor_client.post(url, data).status_code == 302
    milestone = next(item for item in Draft.objects.get().document["milestones"] if item["id"] == entry.pk)
    assert (milestone["planned_text"], milestone["planned_start"]) == ("1 augustus 2026", "2026-08-01")
