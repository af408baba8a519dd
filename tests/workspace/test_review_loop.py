"""The review loop (issue 17): sending a draft back with a remark, discarding only after a
confirmation, and bringing a discarded draft back from the history; services, pages and API."""
import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from measures.models import Measure
from tests.helpers import current_token
from workspace import site
from workspace.models import ChangeAction, ChangeRecord, Draft, DraftState
from workspace.services import (
    EditConflict,
    draft_discard,
    draft_for,
    draft_restore_discarded,
    draft_return,
    draft_save,
    draft_submit,
)

pytestmark = pytest.mark.django_db

YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
REMARK = "Noem de bron van de nieuwe stap."


def _submitted(measure, editor, **changes) -> Draft:
    document = dict(site.for_record(measure).document(measure), **changes)
    draft_save(record=measure, user=editor, document=document, expected_token=current_token(measure))
    return draft_submit(record=measure, user=editor, expected_token=current_token(measure))


@pytest.fixture
def measure5(programme_loaded):
    return Measure.objects.get(code="5")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page_token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_sending_back_returns_the_draft_to_editing_with_the_remark_kept_in_the_history(
    measure5, editor, final_editor
):
    _submitted(measure5, editor, summary="Een nieuwe stand van zaken.")

    draft = draft_return(record=measure5, user=final_editor, comment=f"  {REMARK}\r\n",
                         expected_token=current_token(measure5))

    assert (draft.state, draft.review_comment, draft.returned_by) == (DraftState.EDITING, REMARK, final_editor)
    assert draft.document["summary"] == "Een nieuwe stand van zaken."
    returned = ChangeRecord.objects.get(action=ChangeAction.RETURNED)
    assert (returned.comment, returned.user, returned.version) == (REMARK, final_editor, draft.version)

    # Revised and offered again: the remark has been dealt with, the history keeps it.
    draft_save(record=measure5, user=editor, document=dict(draft.document, summary="Met bron."),
               expected_token=current_token(measure5))
    assert draft_for(record=measure5).review_comment == REMARK
    draft = draft_submit(record=measure5, user=editor, expected_token=current_token(measure5))
    assert (draft.state, draft.review_comment, draft.returned_by) == (DraftState.IN_REVIEW, "", None)
    assert ChangeRecord.objects.get(action=ChangeAction.RETURNED).comment == REMARK


def test_sending_back_needs_the_role_a_remark_and_a_draft_under_review(measure5, editor, final_editor):
    with pytest.raises(EditConflict):
        draft_return(record=measure5, user=final_editor, comment=REMARK, expected_token=current_token(measure5))
    draft_save(record=measure5, user=editor, document=site.for_record(measure5).document(measure5),
               expected_token=current_token(measure5))
    with pytest.raises(ValidationError, match="niet ter beoordeling"):
        draft_return(record=measure5, user=final_editor, comment=REMARK, expected_token=current_token(measure5))
    draft_submit(record=measure5, user=editor, expected_token=current_token(measure5))
    with pytest.raises(PermissionDenied):
        draft_return(record=measure5, user=editor, comment=REMARK, expected_token=current_token(measure5))
    for comment in ["", "   ", "x" * 2_001]:
        with pytest.raises(ValidationError) as error:
            draft_return(record=measure5, user=final_editor, comment=comment, expected_token=current_token(measure5))
        assert "opmerking" in error.value.message_dict
    with pytest.raises(EditConflict):
        draft_return(record=measure5, user=final_editor, comment=REMARK, expected_token="1:99")
    assert draft_for(record=measure5).state == DraftState.IN_REVIEW
    assert not ChangeRecord.objects.filter(action=ChangeAction.RETURNED).exists()


def test_sending_back_and_its_audit_record_are_one_transaction(measure5, editor, final_editor, monkeypatch):
    _submitted(measure5, editor)

    def refuse(**fields):
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(ChangeRecord.objects, "create", refuse)
    with pytest.raises(RuntimeError):
        draft_return(record=measure5, user=final_editor, comment=REMARK, expected_token=current_token(measure5))
    draft = draft_for(record=measure5)
    assert (draft.state, draft.review_comment) == (DraftState.IN_REVIEW, "")


def test_a_discarded_draft_is_kept_in_the_history_and_can_be_restored(measure5, editor, final_editor):
    draft = _submitted(measure5, final_editor, summary="Werk van de eindredacteur.")
    draft_discard(record=measure5, user=editor, expected_token=current_token(measure5))
    assert draft_for(record=measure5) is None
    discarded = ChangeRecord.objects.get(action=ChangeAction.DISCARDED)
    assert discarded.before == draft.document

    restored = draft_restore_discarded(record=measure5, change_id=discarded.pk, user=editor)

    assert restored.document == draft.document and restored.state == DraftState.EDITING
    assert ChangeRecord.objects.filter(action=ChangeAction.DISCARD_UNDONE, user=editor).count() == 1
    other = ChangeRecord.objects.filter(action=ChangeAction.DRAFT_SAVED).first()
    with pytest.raises(ValueError):
        draft_restore_discarded(record=measure5, change_id=other.pk, user=editor)
    with pytest.raises(ValueError):
        draft_restore_discarded(record=Measure.objects.get(code="6"), change_id=discarded.pk, user=editor)


def test_review_page_sends_back_with_a_remark_the_editor_then_sees(measure5, editor, final_editor):
    _submitted(measure5, editor, summary="Een nieuwe stand van zaken.")
    reviewer, writer = _client(final_editor), _client(editor)
    html = reviewer.get("/beheer/maatregelen/5/beoordelen/").content.decode()
    assert 'name="opmerking"' in html and 'value="return"' in html
    token = _page_token(html)

    refused = reviewer.post("/beheer/maatregelen/5/beoordelen/", {"token": token, "action": "return", "opmerking": ""})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert '<a href="#id_opmerking">Opmerking voor de redacteur: Schrijf wat er' in html
    assert re.search(r'<textarea name="opmerking" id="id_opmerking"[^>]*aria-invalid="true"', html)
    assert 'aria-describedby="id_opmerking-hint id_opmerking-error"' in html and 'id="id_opmerking-error"' in html
    assert draft_for(record=measure5).state == DraftState.IN_REVIEW

    sent = reviewer.post("/beheer/maatregelen/5/beoordelen/", {"token": token, "action": "return", "opmerking": REMARK})
    assert sent.status_code == 302
    assert draft_for(record=measure5).state == DraftState.EDITING
    edit_page = writer.get("/beheer/maatregelen/5/").content.decode()
    assert "Teruggestuurd door de eindredactie" in edit_page and REMARK in edit_page
    history = writer.get("/beheer/maatregelen/5/geschiedenis/").content.decode()
    assert "Teruggestuurd met opmerking" in history and REMARK in history
    # Nothing to send back once it is in editing: no form, and a clear message.
    assert 'value="return"' not in reviewer.get("/beheer/maatregelen/5/beoordelen/").content.decode()


def test_discarding_asks_first_and_the_history_brings_the_draft_back(measure5, editor, final_editor):
    _submitted(measure5, final_editor, summary="Werk van de eindredacteur.")
    writer = _client(editor)
    review = writer.get("/beheer/maatregelen/5/beoordelen/").content.decode()
    assert 'value="discard"' not in review and 'href="/beheer/maatregelen/5/verwijderen/"' in review

    confirmation = writer.get("/beheer/maatregelen/5/verwijderen/")
    assert confirmation.status_code == 200 and Draft.objects.exists()
    html = confirmation.content.decode()
    assert "Weet u zeker" in html and "Ja, concept verwijderen" in html
    # The old one-click discard on the review page does nothing any more.
    writer.post("/beheer/maatregelen/5/beoordelen/", {"token": _page_token(html), "action": "discard"})
    assert Draft.objects.exists()

    response = writer.post("/beheer/maatregelen/5/verwijderen/", {"token": _page_token(html)})
    assert response.status_code == 302 and response["Location"] == "/beheer/maatregelen/5/geschiedenis/"
    assert not Draft.objects.exists()

    history = writer.get("/beheer/maatregelen/5/geschiedenis/").content.decode()
    change = ChangeRecord.objects.get(action=ChangeAction.DISCARDED)
    assert f'name="discarded" value="{change.pk}"' in history
    assert writer.post("/beheer/maatregelen/5/geschiedenis/", {"discarded": str(change.pk)}).status_code == 302
    assert Draft.objects.get().document["summary"] == "Werk van de eindredacteur."
    refused = writer.post("/beheer/maatregelen/5/geschiedenis/", {"discarded": "0"}, follow=True)
    assert "bestaat niet" in refused.content.decode()


def test_discarding_when_the_draft_is_already_gone_says_so(measure5, editor, final_editor):
    _submitted(measure5, final_editor, summary="Werk van de eindredacteur.")
    writer = _client(editor)
    html = writer.get("/beheer/maatregelen/5/verwijderen/").content.decode()
    Draft.objects.all().delete()  # published or discarded by someone else meanwhile
    response = writer.post("/beheer/maatregelen/5/verwijderen/", {"token": _page_token(html)}, follow=True)
    page = response.content.decode()
    assert "Er was geen concept meer om te verwijderen" in page and "Het concept is verwijderd." not in page


def test_the_api_sends_back_like_it_submits(measure5, editor, final_editor):
    url = "/api/v1/maatregelen/5/concept"
    writer, reviewer = APIClient(), APIClient()
    writer.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    reviewer.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=final_editor).key}")
    state = writer.get(url).json()
    saved = writer.put(url, {"versie": state["versie"], "inhoud": dict(state["gepubliceerd"], summary="Nieuw.")},
                       format="json").json()
    submitted = writer.post(url + "/aanbieden", {"versie": saved["versie"]}, format="json").json()

    assert writer.post(url + "/terugsturen", {"versie": submitted["versie"], "opmerking": REMARK},
                       format="json").status_code == 403
    missing = reviewer.post(url + "/terugsturen", {"versie": submitted["versie"]}, format="json")
    assert missing.status_code == 400 and "opmerking" in missing.json()["invalidParams"][0]["name"]
    stale = reviewer.post(url + "/terugsturen", {"versie": "1:99", "opmerking": REMARK}, format="json")
    assert stale.status_code == 409 and "huidigeVersie" in stale.json()

    returned = reviewer.post(url + "/terugsturen", {"versie": submitted["versie"], "opmerking": REMARK},
                             format="json")
    assert returned.status_code == 200 and returned["API-Version"]
    body = returned.json()
    assert (body["stand"], body["opmerking"], body["concept"]["summary"]) == ("bewerken", REMARK, "Nieuw.")
    assert set(body) == set(submitted)
    assert writer.get(url).json()["opmerking"] == REMARK

    schema = APIClient().get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/{kind}/{key}/concept/terugsturen"]["post"]
    for action in ["terugsturen", "aanbieden", "publiceren"]:
        responses = schema["paths"][f"/{{kind}}/{{key}}/concept/{action}"]["post"]["responses"]
        assert "API-Version" in responses["200"]["headers"], action
    request = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][request]["required"] == ["opmerking"]
    assert {"409", "403"} <= set(operation["responses"])
