"""Bad input gets a clear answer, never a 500: fuzzed workspace forms, oversized text, login."""
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

FIELDS = ["title", "status", "status_note", "introduction", "summary", "status_change_date",
          "status_change_explanation", "status_change_source_url", "steps-1-text", "steps-1-position",
          "links-1-text", "links-1-url", "stakeholders", "token", "original", "action"]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@pytest.fixture
def editor_client(client, editor, programme):
    client.force_login(editor)
    return client


@given(data=st.dictionaries(st.sampled_from(FIELDS), text, max_size=len(FIELDS)), current_token=st.booleans())
def test_fuzzed_measure_form_never_gives_a_server_error(editor_client, data, current_token):
    if current_token:
        # Past the version check, so that validation itself gets the fuzzed input.
        html = editor_client.get("/beheer/maatregelen/5/").content.decode()
        data["token"] = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = editor_client.post("/beheer/maatregelen/5/", data)
    assert response.status_code in (302, 400, 409), response.status_code


@given(data=st.dictionaries(st.sampled_from(["status", "date", "explanation", "source_url", "token"]), text))
def test_fuzzed_quick_status_never_gives_a_server_error(editor_client, data):
    assert editor_client.post("/beheer/maatregelen/5/status/", data).status_code == 302


def test_oversized_text_is_refused_with_a_clear_message(editor_client):
    html = editor_client.get("/beheer/maatregelen/5/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    response = editor_client.post("/beheer/maatregelen/5/", {
        "token": token, "title": "x", "status": "in_opstartfase", "introduction": "a" * 50_000, "action": "save"})
    assert response.status_code == 400
    assert "Maximaal 10.000 tekens" in response.content.decode()


def test_login_does_not_reveal_whether_an_account_exists(client, editor):
    def attempt(username):
        response = client.post("/beheer/inloggen/", {"username": username, "password": "fout-wachtwoord-123"})
        return response.status_code, re.sub(r'value="[^"]*"', "", re.search(
            r'<div class="error-summary".*?</div>', response.content.decode(), re.S).group(0))

    assert attempt("redacteur") == attempt("bestaat-niet")


# Examples the fuzzer found (each gave a 500 before the service layer refused them).

def _stale_token_post(editor_client, **data):
    return editor_client.post("/beheer/maatregelen/5/", {"title": "", "status": "", "token": "0:0", **data})


@pytest.mark.parametrize("original", ["0", "[]", '"tekst"', "[" * 5_000 + "]" * 5_000,
                                      '{"title": ' + "[" * 500 + "]" * 500 + "}"],
                         ids=["number", "list", "text", "nested-list", "nested-field"])
def test_a_conflict_with_a_garbled_original_shows_the_whole_current_version(editor_client, original):
    response = _stale_token_post(editor_client, original=original)
    assert response.status_code == 409
    assert "Hieronder ziet u wat er veranderd is" in response.content.decode()


@pytest.mark.parametrize("field", ["stakeholders", "title", "steps-1-text", "links-1-url"])
def test_a_nul_character_is_refused_with_a_clear_message(editor_client, field):
    from workspace.models import Draft

    html = editor_client.get("/beheer/maatregelen/5/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    data = {"token": token, "title": "Titel", "status": "in_opstartfase", "action": "save"}
    data[field] = "voor\x00na"
    response = editor_client.post("/beheer/maatregelen/5/", data)
    assert response.status_code == 400
    assert "een teken dat niet kan worden opgeslagen" in response.content.decode()
    assert not Draft.objects.exists()


def test_the_quick_status_form_refuses_a_nul_character(editor_client):
    from workspace.models import Draft

    response = editor_client.post("/beheer/maatregelen/5/status/", {
        "status": "afgerond", "date": "2025-01-01", "explanation": "Klaar\x00", "token": "1:0"}, follow=True)
    assert "een teken dat niet kan worden opgeslagen" in response.content.decode()
    assert not Draft.objects.exists()


@pytest.mark.parametrize("url", [
    "/api/v1/moties?maatregel=%25",
    "/api/v1/toezeggingen?maatregel=abc%25",
    "/api/v1/wetgeving?maatregel=%25s",
])
def test_a_percent_sign_in_a_filter_is_a_clear_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    reason = response.json()["invalidParams"][0]["reason"]
    assert "is geen geldige maatregelcode" in reason and "%" in reason


def test_a_nul_character_in_a_staff_address_is_a_404(editor_client):
    assert editor_client.get("/beheer/maatregelen/%00/").status_code == 404
    assert editor_client.get("/beheer/moties/%00/").status_code == 404


def test_a_three_megabyte_text_gets_the_fields_own_message(editor_client):
    from workspace.models import Draft

    html = editor_client.get("/beheer/maatregelen/5/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    status = re.search(r'<option value="([a-z_]+)"[^>]*selected', html).group(1)
    response = editor_client.post("/beheer/maatregelen/5/", {
        "token": token, "title": "x", "status": status, "introduction": "a" * 3_000_000, "action": "save"})
    assert response.status_code == 400
    assert "Maximaal 10.000 tekens" in response.content.decode()
    assert not Draft.objects.exists()


def test_a_post_too_large_to_read_gets_a_page_that_says_what_to_do(editor_client):
    from workspace.models import Draft

    response = editor_client.post("/beheer/maatregelen/5/", {"introduction": "a" * 11 * 1024 * 1024})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Te veel tekst verstuurd" in html and "maximaal 10.000 tekens" in html
    assert not Draft.objects.exists()


def test_a_right_to_left_override_in_a_title_is_refused(editor_client):
    from workspace.models import Draft

    html = editor_client.get("/beheer/maatregelen/5/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    status = re.search(r'<option value="([a-z_]+)"[^>]*selected', html).group(1)
    response = editor_client.post("/beheer/maatregelen/5/", {
        "token": token, "title": "Titel \u202etxet", "status": status, "action": "save"})
    assert response.status_code == 400 and "leesrichting omdraait" in response.content.decode()
    assert not Draft.objects.exists()


@pytest.mark.parametrize("url", ["/", "/maatregelen/", "/maatregelen/8a/", "/moties/", "/wijzigingen/",
                                 "/health/ready", "/health/live"])
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_public_pages_refuse_writes_with_405(client, programme, url, method):
    assert getattr(client, method)(url).status_code == 405


def test_refusals_are_dutch_pages_in_the_sites_layout(client, reader, editor):
    client.force_login(reader)
    forbidden = client.get("/beheer/")
    assert forbidden.status_code == 403
    html = forbidden.content.decode()
    assert '<html lang="nl">' in html and "Geen toegang" in html and "U heeft geen toegang" in html

    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    expired = strict.post("/beheer/maatregelen/5/", {"title": "Zonder beveiligingscode"})
    assert expired.status_code == 403
    html = expired.content.decode()
    assert '<html lang="nl">' in html and "Uw sessie is verlopen" in html and "niets opgeslagen" in html
