"""Staff writes through the API follow exactly the workspace's rules (one set of services)."""
import datetime
import json
import re

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from legislation.models import ExpectedLaw
from measures.models import Measure
from workspace.models import Draft

pytestmark = pytest.mark.django_db

YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
URL = "/api/v1/maatregelen/5/concept"


def _client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_anonymous_clients_get_401_and_readers_403(programme, reader, method):
    assert getattr(_client(), method)(URL, {}, format="json").status_code == 401
    assert getattr(_client(reader), method)(URL, {}, format="json").status_code == 403


@pytest.mark.parametrize("path", ["/aanbieden", "/publiceren"])
def test_actions_refuse_anonymous_and_readers(programme, reader, path):
    assert _client().post(URL + path, {}, format="json").status_code == 401
    assert _client(reader).post(URL + path, {}, format="json").status_code == 403


def test_edit_submit_publish_through_the_api(programme, editor, final_editor):
    writer, reviewer = _client(editor), _client(final_editor)
    state = writer.get(URL).json()
    document = dict(state["gepubliceerd"], status="in_uitvoering",
                    status_change={"date": YESTERDAY, "explanation": "Gestart."},
                    steps=["Via de API toegevoegd."])
    saved = writer.put(URL, {"versie": state["versie"], "inhoud": document}, format="json")
    assert saved.status_code == 200, saved.json()
    assert saved.json()["concept"]["steps"] == ["Via de API toegevoegd."]
    submitted = writer.post(URL + "/aanbieden", {"versie": saved.json()["versie"]}, format="json")
    assert submitted.json()["stand"] == "ter_beoordeling"

    assert writer.post(URL + "/publiceren", {"versie": submitted.json()["versie"]}, format="json").status_code == 403
    published = reviewer.post(URL + "/publiceren", {"versie": submitted.json()["versie"]}, format="json")
    assert published.status_code == 200
    assert Measure.objects.get(code="5").status == "in_uitvoering"
    assert _client().get("/api/v1/maatregelen/5").json()["status"] == "in_uitvoering"


def test_a_stale_version_gets_409_with_the_current_content(programme, editor, second_editor):
    first, second = _client(editor), _client(second_editor)
    state = first.get(URL).json()
    first.put(URL, {"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], summary="Eerste.")}, format="json")
    response = second.put(URL, {"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], summary="Tweede.")},
                          format="json")
    assert response.status_code == 409
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["huidigeInhoud"]["summary"] == "Eerste."
    assert Draft.objects.get().document["summary"] == "Eerste."


def test_validation_errors_are_problem_json_per_field(programme, editor):
    client = _client(editor)
    state = client.get(URL).json()
    response = client.put(URL, {"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], status="afgerond")},
                          format="json")
    assert response.status_code == 400
    names = {param["name"] for param in response.json()["invalidParams"]}
    assert {"status_change.date", "status_change.explanation"} <= names
    assert not Draft.objects.exists()


def test_a_write_without_a_version_is_refused(programme, editor):
    client = _client(editor)
    state = client.get(URL).json()
    response = client.put(URL, {"inhoud": state["gepubliceerd"]}, format="json")
    assert response.status_code == 400
    assert not Draft.objects.exists()


def test_unknown_records_are_404(programme, editor):
    assert _client(editor).get("/api/v1/maatregelen/99/concept").status_code == 404


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"title": "Voor\u0000na"}, "title", "niet kan worden opgeslagen"),
    ({"summary": "\ud800"}, "summary", "niet kan worden opgeslagen"),
    ({"steps": ["Een stap", "met\u0000nul"]}, "steps.2", "niet kan worden opgeslagen"),
    ({"stakeholders": None}, "stakeholders", "Verwacht een lijst."),
    ({"stakeholders": 7}, "stakeholders", "Verwacht een lijst."),
    ({"links": None}, "links", "Verwacht een lijst."),
    ({"steps": [1, {"a": 1}]}, "steps.1", "Verwacht tekst."),
    ({"title": 12}, "title", "Verwacht tekst."),
    ({"is_prioritised": "false"}, "is_prioritised", "Verwacht ja of nee"),
])
def test_bad_values_through_the_api_are_a_400_per_field_and_store_nothing(programme, editor, change, field,
                                                                         message):
    client = _client(editor)
    state = client.get(URL).json()
    # json.dumps escapes as ASCII, so a lone surrogate travels as "\ud800", as from any client.
    body = json.dumps({"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], **change)})
    response = client.generic("PUT", URL, body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    reasons = {param["name"]: param["reason"] for param in response.json()["invalidParams"]}
    assert message in reasons[f"inhoud.{field}"] if f"inhoud.{field}" in reasons else message in reasons[field]
    assert not Draft.objects.exists()


MOTION_URL = "/api/v1/moties/31497-460/concept"
LAW_URL = "/api/v1/wetgeving/1-wetsvoorstel-terugdringen-verzuim/concept"


@pytest.mark.parametrize(("url", "change", "field", "message"), [
    # Each gave a 500 (TypeError: not iterable) before the kinds checked the list's type.
    (MOTION_URL, {"measures": None}, "measures", "Verwacht een lijst."),
    (MOTION_URL, {"measures": 7}, "measures", "Verwacht een lijst."),
    (LAW_URL, {"milestones": None}, "milestones", "Verwacht een lijst."),
    (LAW_URL, {"milestones": 7}, "milestones", "Verwacht een lijst."),
    # Items of the wrong type were stored as their Python spelling or silently dropped.
    (MOTION_URL, {"measures": [["8a"]]}, "measures.1", "Verwacht tekst."),
    (LAW_URL, {"milestones": [7]}, "milestones.1", "Verwacht een object"),
    (LAW_URL, {"milestones": [{"id": 999_999, "planned_text": "Nooit"}]}, "milestones.1", "Onbekende mijlpaal"),
    (URL, {"links": [None]}, "links.1", "Verwacht een object"),
    (URL, {"links": ["https://example.nl"]}, "links.1", "Verwacht een object"),
], ids=["motion-measures-null", "motion-measures-number", "law-milestones-null", "law-milestones-number",
        "motion-measure-list", "law-milestone-number", "law-milestone-unknown", "link-null", "link-text"])
def test_lists_of_every_kind_are_type_checked(programme, editor, url, change, field, message):
    client = _client(editor)
    state = client.get(url).json()
    body = json.dumps({"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], **change)})
    response = client.generic("PUT", url, body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    reasons = {param["name"]: param["reason"] for param in response.json()["invalidParams"]}
    assert message in reasons.get(f"inhoud.{field}", reasons.get(field, "")), reasons
    assert not Draft.objects.exists()


def test_json_nested_too_deep_is_a_400(programme, editor):
    body = '{"versie": "1:0", "inhoud": ' + "[" * 50_000 + "]" * 50_000 + "}"
    response = _client(editor).generic("PUT", URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "De JSON is te diep genest."
    assert not Draft.objects.exists()


def test_if_match_names_the_version_and_delete_discards_the_draft(programme, editor, second_editor):
    client = _client(editor)
    state = client.get(URL).json()
    document = dict(state["gepubliceerd"], summary="Via If-Match.")
    saved = client.put(URL, {"inhoud": document}, format="json", HTTP_IF_MATCH=f'"{state["versie"]}"')
    assert saved.status_code == 200 and Draft.objects.get().document["summary"] == "Via If-Match."
    # A stale If-Match is refused like a stale versie.
    stale = _client(second_editor).delete(URL, HTTP_IF_MATCH=f'"{state["versie"]}"')
    assert stale.status_code == 409 and Draft.objects.exists()
    gone = client.delete(URL, HTTP_IF_MATCH=f'"{saved.json()["versie"]}"')
    assert gone.status_code == 200 and not Draft.objects.exists()


@pytest.mark.parametrize(("url", "change"), [
    ("/api/v1/moties/31497-460/concept", {"status_note": "Via de API bijgewerkt."}),
    ("/api/v1/wetgeving/1-wetsvoorstel-terugdringen-verzuim/concept", {"planning_note": "Via de API bijgewerkt."}),
])
def test_motions_and_laws_are_edited_through_the_api_too(programme, editor, url, change):
    client = _client(editor)
    state = client.get(url).json()
    saved = client.put(url, {"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], **change)}, format="json")
    assert saved.status_code == 200, saved.content[:300]
    [(field, value)] = change.items()
    assert saved.json()["concept"][field] == value


def test_a_session_write_without_a_csrf_token_is_refused(programme, editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    state = client.get(URL).json()
    response = client.put(URL, {"versie": state["versie"], "inhoud": state["gepubliceerd"]}, format="json")
    assert response.status_code == 403
    assert not Draft.objects.exists()


def test_with_assignment_on_a_redacteur_reads_only_the_drafts_assigned_to_them(
    programme, editor, second_editor, final_editor, settings, client
):
    """Separation of duties: unpublished text of an unassigned measure stays with its editors."""
    settings.PASSEND_EDITORS_MAY_EDIT_ALL = False
    measure = Measure.objects.get(code="5")
    measure.editors.add(second_editor)
    assigned, other, reviewer = _client(second_editor), _client(editor), _client(final_editor)
    state = assigned.get(URL).json()
    assigned.put(URL, {"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], summary="Nog geheim.")},
                 format="json")

    refused = other.get(URL)
    assert refused.status_code == 403
    assert "Nog geheim." not in refused.content.decode()
    assert other.post(URL + "/aanbieden", {"versie": state["versie"]}, format="json").status_code == 403
    client.force_login(editor)
    for page in ["", "beoordelen/", "geschiedenis/", "verwijderen/"]:
        response = client.get(f"/beheer/maatregelen/5/{page}")
        assert response.status_code == 403, page
        assert "Nog geheim." not in response.content.decode(), page

    # The assigned redacteur and any eindredacteur still read it.
    assert assigned.get(URL).json()["concept"]["summary"] == "Nog geheim."
    assert reviewer.get(URL).json()["concept"]["summary"] == "Nog geheim."
    client.force_login(final_editor)
    assert "Nog geheim." in client.get("/beheer/maatregelen/5/beoordelen/").content.decode()


@pytest.mark.parametrize(("kind", "key"), [("maatregelen", "14"), ("moties", "36200-93"), ("wetgeving", "4a")])
def test_staff_read_and_write_the_internal_note_and_the_public_api_never_shows_it(programme, editor, kind, key):
    if kind == "wetgeving":
        key = ExpectedLaw.objects.get(number=key).slug
    url = f"/api/v1/{kind}/{key}/concept"
    writer = _client(editor)
    state = writer.get(url).json()
    assert "OCR" in state["gepubliceerd"]["internal_note"]
    saved = writer.put(url, {"versie": state["versie"], "inhoud": dict(
        state["gepubliceerd"], internal_note="Nagekeken met de gedrukte rapportage.")}, format="json")
    assert saved.json()["concept"]["internal_note"] == "Nagekeken met de gedrukte rapportage."

    public = _client().get(f"/api/v1/{kind}/{key}")
    assert public.status_code == 200
    assert "OCR" not in public.content.decode()
    assert "internal_note" not in public.content.decode()
    schema = _client().get("/api/v1/openapi.json").content.decode()
    assert re.search(r"internal.?note|interne.?notitie", schema, re.IGNORECASE) is None


def test_a_document_without_the_note_keeps_the_published_note(programme, editor):
    """A client written before the note existed does not erase it by leaving it out."""
    url = "/api/v1/maatregelen/14/concept"
    writer = _client(editor)
    state = writer.get(url).json()
    document = {key: value for key, value in state["gepubliceerd"].items() if key != "internal_note"}
    saved = writer.put(url, {"versie": state["versie"], "inhoud": dict(document, summary="Bijgewerkt.")},
                       format="json")
    assert saved.json()["concept"]["internal_note"] == state["gepubliceerd"]["internal_note"]
