"""The workspace's forms and review diff read like the public site (issue 17): the GOV.UK /
NL Design System error pattern, labels instead of codes, no change where nothing changed,
Dutch numbers and plurals."""
import datetime
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from legislation.models import ExpectedLaw
from measures.models import Measure
from workspace import site
from workspace.diffs import document_diff
from workspace.models import Draft
from workspace.services import draft_for, draft_save, draft_submit, edit_token

pytestmark = pytest.mark.django_db

TOMORROW = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()


class Page(HTMLParser):
    """Elements by id (their attributes and text), and the text of each label by its ``for``."""

    def __init__(self, html: str):
        super().__init__()
        self.by_id: dict[str, dict] = {}
        self.labels: dict[str, str] = {}
        self.summary: list[tuple[str, str]] = []
        self._open: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        element = {"tag": tag, "attrs": attrs, "text": ""}
        if "id" in attrs:
            assert attrs["id"] not in self.by_id, f"duplicate id {attrs['id']}"
            self.by_id[attrs["id"]] = element
        if tag not in {"input", "br", "meta", "link", "img"}:
            self._open.append((tag, element))

    def handle_endtag(self, tag):
        while self._open:
            open_tag, element = self._open.pop()
            if tag == "label" and open_tag == "label" and "for" in element["attrs"]:
                self.labels[element["attrs"]["for"]] = " ".join(element["text"].split())
            in_summary = any("data-error-summary" in parent["attrs"] for _tag, parent in self._open)
            if tag == "a" == open_tag and in_summary and element["attrs"].get("href", "").startswith("#"):
                self.summary.append((element["attrs"]["href"][1:], " ".join(element["text"].split())))
            if open_tag == tag:
                return

    def handle_data(self, data):
        for _tag, element in self._open:
            element["text"] += data


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _offer(record, user, document: dict) -> None:
    draft_save(record=record, user=user, document=document, expected_token=edit_token(record=record, draft=None))
    draft_submit(record=record, user=user, expected_token=edit_token(record=record, draft=draft_for(record=record)))


def _form_state(html: str) -> dict:
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    return {"token": token}


def _assert_error_pattern(html: str, expected: int | None = None) -> Page:
    """Every summary line links to a field that is marked invalid, is described by its
    message, and is labelled with the words the summary uses."""
    page = Page(html)
    summary = page.by_id["error-summary-title"]
    assert summary
    assert re.search(r'<div class="error-summary"[^>]*tabindex="-1"[^>]*autofocus', html)
    assert page.summary
    assert expected is None or len(page.summary) == expected, page.summary
    for anchor, text in page.summary:
        field = page.by_id[anchor]["attrs"]
        assert field.get("aria-invalid") == "true", anchor
        described = [" ".join(page.by_id[name]["text"].split()) for name in field["aria-describedby"].split()]
        assert any(text.endswith(": " + item.removeprefix("Fout: ")) for item in described), (anchor, described)
        if field.get("type") != "checkbox":  # a group of boxes is named by its legend
            label = page.labels[anchor].lower()
            assert text.lower().startswith(label) or f", {label}:" in text.lower() or f": {label}:" in text.lower(), (
                anchor, label, text)
    return page


def test_measure_form_errors_follow_the_error_pattern(programme_loaded, editor):
    client = _client(editor)
    Measure.objects.filter(code="5").update(status="in_opstartfase")
    state = _form_state(client.get("/beheer/maatregelen/5/").content.decode())
    response = client.post("/beheer/maatregelen/5/", {
        **state, "action": "save", "title": "", "status": "afgerond", "status_change_date": TOMORROW,
        "status_change_explanation": "", "status_change_source_url": "geen adres",
        "introduction": "a" * 10_001, "steps-1-text": "x" * 3_001, "links-1-text": "Zonder adres",
        "links-1-url": "", "stakeholders": ["Ouders", "Geen bestaande groep"],
    })
    assert response.status_code == 400
    html = response.content.decode()
    page = _assert_error_pattern(html, expected=8)
    lines = dict(page.summary)
    assert set(lines) == {"id_title", "id_status_change-date", "id_status_change-explanation",
                          "id_status_change-source_url", "id_introduction", "id_steps-1", "id_links-1",
                          "id_stakeholders"}
    assert lines["id_title"] == "Titel: Dit veld is verplicht."
    assert lines["id_status_change-date"].startswith("Datum van de wijziging: ")
    assert lines["id_introduction"] == "Inleiding en aanpak: Maximaal 10.000 tekens; dit zijn er 10.001."
    assert lines["id_steps-1"].startswith("Stappen tot nu toe, punt 1: Maximaal 3.000 tekens")
    assert lines["id_links-1"] == "Links, webadres van punt 1: Een link heeft een webadres nodig."
    assert "id_stakeholders" in lines
    # Everything typed is kept.
    assert "Zonder adres" in html and "x" * 3_001 in html
    assert not Draft.objects.exists()


def test_law_and_motion_forms_follow_the_error_pattern(programme_loaded, editor):
    client = _client(editor)
    law = ExpectedLaw.objects.get(number="1")
    url = f"/beheer/wetgeving/{law.slug}/"
    html = client.get(url).content.decode()
    data = {**_form_state(html), "action": "save", "title": law.title, "milestone_ids": []}
    milestones = list(law.milestones.all())
    for milestone in milestones:
        data["milestone_ids"].append(str(milestone.pk))
        data[f"milestone-{milestone.pk}-planned_text"] = milestone.planned_text
    first = milestones[0]
    data[f"milestone-{first.pk}-planned_start"] = "2026-05-01"
    data[f"milestone-{first.pk}-planned_end"] = "2026-01-01"
    data[f"milestone-{first.pk}-actual_date"] = "31-12-2025"
    response = client.post(url, data)
    assert response.status_code == 400
    page = _assert_error_pattern(response.content.decode(), expected=2)
    lines = dict(page.summary)
    assert lines["id_milestones-1-planned_end"].startswith(f"{first.get_phase_display()}")
    assert "Gepland uiterlijk: De einddatum ligt voor de begindatum." in lines["id_milestones-1-planned_end"]

    html = client.get("/beheer/moties/31497-373/").content.decode()
    response = client.post("/beheer/moties/31497-373/", {
        **_form_state(html), "action": "save", "title": "", "status": "geen-status", "scope": "x",
        "measures": ["99"]})
    assert response.status_code == 400
    lines = dict(_assert_error_pattern(response.content.decode()).summary)
    assert {"id_title", "id_status", "id_scope", "id_measures"} <= set(lines)
    assert lines["id_status"].startswith("Status van de uitvoering: ")
    assert lines["id_measures"].startswith("Gekoppelde maatregelen: ")


def test_a_list_editor_offers_one_empty_row_and_usable_fields(programme_loaded, editor):
    measure = Measure.objects.get(code="2")
    html = _client(editor).get("/beheer/maatregelen/2/").content.decode()
    dilemmas = measure.items.filter(kind="dilemma").count()
    rows = re.findall(r'name="dilemmas-(\d+)-text"', html)
    assert rows == [str(number) for number in range(1, dilemmas + 2)]
    assert 'id="id_dilemmas-1-position"' in html and 'inputmode="numeric"' in html
    assert "staff/staff.js" in html


def test_the_review_diff_shows_labels_dates_and_a_preview(programme_loaded, editor, final_editor):
    Measure.objects.filter(code="5").update(status="in_opstartfase")
    measure = Measure.objects.get(code="5")
    kind = site.for_record(measure)
    published = kind.document(measure)
    document = dict(published, status="in_uitvoering", summary="Eerste alinea met **nadruk**.\n\n- een punt",
                    status_change={"date": "2026-11-30", "explanation": "Gestart."})
    diff = {row.key: row for row in document_diff(published, document, kind=kind)}
    assert [item.text for item in diff["status"].old] == ["In opstartfase"]
    assert [item.text for item in diff["status"].new] == ["In uitvoering"]
    assert [item.text for item in diff["status_change"].new] == [
        "Datum van de wijziging: 30 november 2026", "Korte toelichting: Gestart."]
    assert diff["status_change"].label == "Bij een statuswijziging"
    assert "<strong>nadruk</strong>" in diff["summary"].preview and "<li>een punt</li>" in diff["summary"].preview
    assert diff["introduction"].preview is None  # unchanged: no preview

    _offer(measure, editor, document)
    html = _client(final_editor).get("/beheer/maatregelen/5/beoordelen/").content.decode()
    assert "in_opstartfase" not in html and "In opstartfase" in html
    assert "30 november 2026" in html and "2026-11-30" not in html
    assert "Voorbeeld van de gewijzigde tekst" in html and "<strong>nadruk</strong>" in html

    law = ExpectedLaw.objects.get(number="1")
    law_kind = site.for_record(law)
    before = law_kind.document(law)
    moved = dict(before["milestones"][0], planned_start="2026-08-01")
    after = dict(before, milestones=[moved, *before["milestones"][1:]])
    row = next(row for row in document_diff(before, after, kind=law_kind) if row.key == "milestones")
    assert "Gepland vanaf: 1 augustus 2026" in row.new[0].text and "planned_start" not in row.new[0].text


def test_saving_the_form_without_touching_the_stakeholders_changes_nothing(programme_loaded, editor):
    measure = next(
        item for item in Measure.objects.all() if len(site.for_record(item).document(item)["stakeholders"]) > 1
    )
    published = site.for_record(measure).document(measure)
    client = _client(editor)
    url = f"/beheer/maatregelen/{measure.code}/"
    state = _form_state(client.get(url).content.decode())
    # The form sends the boxes in its own order, not the measure's.
    response = client.post(url, {**state, "action": "save", "title": measure.title, "status": measure.status,
                                 "introduction": measure.introduction, "summary": measure.summary,
                                 "stakeholders": sorted(published["stakeholders"], reverse=True)})
    assert response.status_code == 302
    draft = Draft.objects.get()
    assert draft.document["stakeholders"] == published["stakeholders"]
    diff = document_diff(published, draft.document, kind=site.for_record(measure), changed_only=True)
    assert "stakeholders" not in {row.key for row in diff}


def test_home_page_counts_in_dutch(programme_loaded, final_editor):
    client = _client(final_editor)
    html = " ".join(client.get("/beheer/").content.decode().split())
    assert "concept(en)" not in html and "0 concepten wachten op beoordeling" in html
    assert re.search(r"Sinds de vorige rapportage (is 1 maatregel|zijn [\d.]+ maatregelen) niet bijgewerkt\.", html)
    measure = Measure.objects.get(code="5")
    _offer(measure, final_editor, site.for_record(measure).document(measure))
    html = " ".join(client.get("/beheer/").content.decode().split())
    assert "1 concept wacht op beoordeling" in html
    queue = client.get("/beheer/beoordelen/").content.decode()
    assert ">Record<" not in queue


def test_account_and_login_forms_follow_the_error_pattern(client, administrator):
    admin = _client(administrator)
    response = admin.post("/beheer/gebruikers/nieuw/", {"username": "", "password": "kort"})
    assert response.status_code == 400
    lines = dict(_assert_error_pattern(response.content.decode()).summary)
    assert lines["id_username"].startswith("Gebruikersnaam: ")
    assert lines["id_password"].startswith("Eerste wachtwoord: ")

    html = client.post("/beheer/inloggen/", {"username": "niemand", "password": "fout-wachtwoord-123"}).content.decode()
    assert re.search(r'<div class="error-summary"[^>]*tabindex="-1"[^>]*autofocus', html)
