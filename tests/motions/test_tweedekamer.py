"""The Tweede Kamer importer on recordings of the Gegevensmagazijn (see odata/README.md)."""
import datetime
import io
import logging
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from motions.models import ChamberDecision, Motion, MotionStatus
from motions.services import motion_sync_from_tweede_kamer, motions_sync_all
from tests.factories import MotionFactory, MotionSubmitterFactory, SourceDocumentFactory
from workspace.models import ChangeAction, ChangeRecord


@pytest.fixture
def motion(db):
    """A motion as OCW keeps it, with submitters from an earlier source (no parties)."""
    motion = MotionFactory(
        kamerstuk="31497-373", title="Onafhankelijk toezicht swv’en", explanation="Uitleg van OCW.",
        status=MotionStatus.IN_PROGRESS, status_note="Notitie van OCW.",
        submitters_source=SourceDocumentFactory(key="kamerbrief-2024"),
    )
    MotionSubmitterFactory(motion=motion, name="Van der Hul", party="", position=1)
    return motion


def _state(motion: Motion) -> dict:
    motion.refresh_from_db()
    return {
        **model_to_dict(motion, exclude=["measures"]),
        "updated_at": motion.updated_at,
        "last_synced_at": motion.last_synced_at,
        "version": motion.version,
        "submitters": list(motion.submitters.order_by("position").values_list("name", "party")),
    }


def _besluiten(payload: dict) -> list[dict]:
    return payload["value"][0]["Zaak"][0]["Besluit"]


def test_a_found_motion_gets_the_kamer_facts_and_keeps_ocw_content(
        motion, gegevensmagazijn, django_capture_on_commit_callbacks):
    client, adapter = gegevensmagazijn({(31497, 373): "motie_gevonden.json"})
    with django_capture_on_commit_callbacks(execute=True):
        result = motion_sync_from_tweede_kamer(motion=motion, client=client)

    assert (result.ok, result.changed) == (True, True)
    assert result.message == "Motie 31497-373 is bijgewerkt met de gegevens van de Tweede Kamer."
    assert len(adapter.requests) == 1
    assert "Volgnummer eq 373" in parse_qs(urlparse(adapter.requests[0].url).query)["$filter"][0]
    motion.refresh_from_db()
    assert motion.submitted_on == datetime.date(2023, 4, 5)
    # Held at the sitting of 11 April, adopted at that of 18 April: the adopted one counts,
    # although the held one's record was edited later (GewijzigdOp). The deleted decision and
    # the proposals (Voorstel, Concept voorstel) at the sitting of 25 April do not count.
    assert motion.chamber_decision == ChamberDecision.ADOPTED
    assert motion.chamber_decision_on == datetime.date(2023, 4, 18)
    assert motion.cabinet_appraisal == "Oordeel Kamer"
    assert motion.official_url == "https://zoek.officielebekendmakingen.nl/kst-31497-373.html"
    assert list(motion.submitters.order_by("position").values_list("name", "party")) == [
        ("Van der Hul", "GroenLinks-PvdA"), ("Westerveld", "GroenLinks-PvdA"),
    ]
    assert motion.submitters_source is None
    # OCW's own content is never taken from the Kamer.
    assert (motion.title, motion.explanation, motion.status, motion.status_note) == (
        "Onafhankelijk toezicht swv’en", "Uitleg van OCW.", MotionStatus.IN_PROGRESS, "Notitie van OCW.",
    )
    assert motion.last_synced_at is not None
    assert motion.version == 2
    change = ChangeRecord.objects.get(action=ChangeAction.SYNCED, object_id=motion.pk)
    assert change.before["submitters"] == [["Van der Hul", ""]]
    assert (change.after["chamber_decision"], change.after["chamber_decision_on"]) == ("aangenomen", "2023-04-18")
    assert {"label": "Besluit van de Kamer", "before": "–", "after": "Aangenomen"} in result.changes
    assert {"label": "Datum van het besluit", "before": "–", "after": "18-04-2023"} in result.changes


def test_an_amended_motion_is_found(db, gegevensmagazijn):
    motion = MotionFactory(kamerstuk="31497-390", status=MotionStatus.CARRIED_OUT)
    client, adapter = gegevensmagazijn({(31497, 390): "motie_gewijzigd.json"})
    result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    assert (result.ok, result.changed) == (True, True), result.message
    odata_filter = parse_qs(urlparse(adapter.requests[0].url).query)["$filter"][0]
    assert "Soort eq 'Motie (gewijzigd/nader)'" in odata_filter
    motion.refresh_from_db()
    # Adopted without a vote (a hamerstuk) is adopted.
    assert motion.chamber_decision == ChamberDecision.ADOPTED
    assert motion.chamber_decision_on == datetime.date(2023, 4, 18)
    assert motion.cabinet_appraisal == "Niet beschikbaar bij gewijzigde moties en/of amendementen"
    assert list(motion.submitters.values_list("name", "party")) == [("Westerveld", "GroenLinks-PvdA")]
    assert motion.status == MotionStatus.CARRIED_OUT


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("Stemmen - aangenomen", ChamberDecision.ADOPTED),
        ("Stemmen - zonder stemming aannemen", ChamberDecision.ADOPTED),
        # Contains "aangenomen", and means the opposite.
        ("Stemmen - niet aangenomen", ChamberDecision.NOT_ADOPTED),
        ("Stemmen - verworpen", ChamberDecision.REJECTED),
        ("Stemmen - aangehouden", ChamberDecision.HELD),
        ("Stemmen - uitstellen", ChamberDecision.POSTPONED),
        ("Stemmen - ingetrokken", ChamberDecision.WITHDRAWN),
    ],
)
def test_each_outcome_of_the_latest_decision(motion, gegevensmagazijn, odata_recording, kind, expected, caplog):
    payload = odata_recording("motie_gevonden.json")
    _besluiten(payload)[1]["BesluitSoort"] = kind
    client, _adapter = gegevensmagazijn({(31497, 373): payload})
    with caplog.at_level(logging.WARNING, logger="motions.tweedekamer"):
        result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    assert result.ok and not result.unknown_decision
    motion.refresh_from_db()
    assert motion.chamber_decision == expected
    assert not caplog.records


def test_an_unknown_outcome_is_onbekend_with_a_log_line(motion, gegevensmagazijn, odata_recording, caplog):
    payload = odata_recording("motie_gevonden.json")
    _besluiten(payload)[1]["BesluitSoort"] = "Stemmen - gestaakt"
    client, _adapter = gegevensmagazijn({(31497, 373): payload})
    with caplog.at_level(logging.WARNING, logger="motions.tweedekamer"):
        result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    motion.refresh_from_db()
    assert motion.chamber_decision == ChamberDecision.UNKNOWN
    assert motion.status == MotionStatus.IN_PROGRESS
    assert result.unknown_decision == "Stemmen - gestaakt"
    assert "(“Stemmen - gestaakt”) is onbekend" in result.message
    assert [record.getMessage() for record in caplog.records] == [
        "Onbekend besluit van de Tweede Kamer over motie 31497-373: BesluitSoort 'Stemmen - gestaakt'"
    ]


def test_the_date_of_the_sitting_orders_the_decisions(motion, gegevensmagazijn, odata_recording):
    """The held decision moved to a sitting after the vote: now it is the latest."""
    payload = odata_recording("motie_gevonden.json")
    held = _besluiten(payload)[0]["Agendapunt"]["Activiteit"]
    held["Datum"], held["Aanvangstijd"] = "2023-05-09T00:00:00+02:00", "2023-05-09T14:00:00+02:00"
    client, _adapter = gegevensmagazijn({(31497, 373): payload})
    motion_sync_from_tweede_kamer(motion=motion, client=client)
    motion.refresh_from_db()
    assert (motion.chamber_decision, motion.chamber_decision_on) == (ChamberDecision.HELD, datetime.date(2023, 5, 9))


def test_proposed_decisions_are_not_the_kamers_decision(motion, gegevensmagazijn, odata_recording):
    payload = odata_recording("motie_gevonden.json")
    for besluit in _besluiten(payload):
        if besluit["Status"] == "Besluit":
            besluit["Status"] = "Voorstel"
    client, _adapter = gegevensmagazijn({(31497, 373): payload})
    motion.chamber_decision = ChamberDecision.HELD
    motion.save()
    assert motion_sync_from_tweede_kamer(motion=motion, client=client).ok
    motion.refresh_from_db()
    # Nothing decided yet in the Kamer's data: what we had stays.
    assert (motion.chamber_decision, motion.chamber_decision_on) == (ChamberDecision.HELD, None)


def test_the_api_shows_the_synced_facts(motion, client, gegevensmagazijn, django_capture_on_commit_callbacks):
    assert client.get("/api/v1/moties/31497-373").json()["besluitKamer"] == ""
    sync_client, _adapter = gegevensmagazijn({(31497, 373): "motie_gevonden.json"})
    with django_capture_on_commit_callbacks(execute=True):
        motion_sync_from_tweede_kamer(motion=motion, client=sync_client)
    body = client.get("/api/v1/moties/31497-373").json()
    assert (body["besluitKamer"], body["besluitKamerOp"]) == ("aangenomen", "2023-04-18")
    assert body["indieners"] == [
        {"naam": "Van der Hul", "fractie": "GroenLinks-PvdA"}, {"naam": "Westerveld", "fractie": "GroenLinks-PvdA"},
    ]
    assert body["bijgewerktUitTweedeKamer"] is not None


def test_syncing_again_changes_nothing_but_the_sync_time(motion, gegevensmagazijn):
    client, _adapter = gegevensmagazijn({(31497, 373): "motie_gevonden.json"})
    motion_sync_from_tweede_kamer(motion=motion, client=client)
    before = _state(motion)
    result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    after = _state(motion)
    assert (result.ok, result.changed, result.changes) == (True, False, [])
    assert "al bijgewerkt" in result.message
    assert after["last_synced_at"] > before["last_synced_at"]
    assert {**after, "last_synced_at": None} == {**before, "last_synced_at": None}
    assert ChangeRecord.objects.filter(action=ChangeAction.SYNCED).count() == 1


def test_the_part_of_the_dossier_must_match(db, gegevensmagazijn):
    motion = MotionFactory(kamerstuk="36200-VIII-93")
    client, _adapter = gegevensmagazijn({(36200, 93): "motie_met_toevoeging.json"})
    assert motion_sync_from_tweede_kamer(motion=motion, client=client).ok
    motion.refresh_from_db()
    assert (motion.chamber_decision, motion.chamber_decision_on) == (
        ChamberDecision.ADOPTED, datetime.date(2022, 11, 29))
    assert motion.cabinet_appraisal == "Oordeel Kamer"
    assert motion.official_url == "https://zoek.officielebekendmakingen.nl/kst-36200-VIII-93.html"
    assert list(motion.submitters.values_list("name", "party")) == [("Jansen", "D66"), ("De Vries", "CDA")]


def _document(payload):
    return payload["value"][0]


def _zaak(payload):
    return payload["value"][0]["Zaak"][0]


def _adopted(payload):
    return payload["value"][0]["Zaak"][0]["Besluit"][1]


MALFORMED = {
    "datum-geen-datum": (lambda p: _document(p).update(Datum="5 april 2023"),
                         "(Document/Datum “5 april 2023” is geen datum)"),
    "vergaderdatum-bestaat-niet": (
        lambda p: _adopted(p)["Agendapunt"]["Activiteit"].update(Datum="2023-02-30T00:00:00+01:00"),
        "(Activiteit/Datum “2023-02-30T00:00:00+01:00” is geen datum)"),
    "aanvangstijd-geen-tekst": (
        lambda p: _adopted(p)["Agendapunt"]["Activiteit"].update(Aanvangstijd=20230418),
        "(Activiteit/Aanvangstijd)"),
    "besluit-zonder-agendapunt": (lambda p: _adopted(p).update(Agendapunt=None),
                                  "(een besluit over motie 31497-373 zonder datum van de vergadering)"),
    "volgnummer-als-tekst": (lambda p: _document(p).update(Volgnummer="373"), "(Volgnummer)"),
    "besluit-geen-lijst": (lambda p: _zaak(p).update(Besluit={"BesluitSoort": "Stemmen - aangenomen"}),
                           "(Besluit)"),
    "status-geen-tekst": (lambda p: _adopted(p).update(Status=1), "(Besluit/Status)"),
    "besluitsoort-lijst": (lambda p: _adopted(p).update(BesluitSoort=["Stemmen - aangenomen"]), "(BesluitSoort)"),
    "relatie-geen-tekst": (lambda p: _zaak(p)["ZaakActor"][0].update(Relatie=2), "(ZaakActor/Relatie)"),
    "activiteit-geen-object": (lambda p: _adopted(p)["Agendapunt"].update(Activiteit="2023-04-18"),
                               "(Agendapunt/Activiteit)"),
}


@pytest.mark.parametrize("case", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_field_gives_a_clear_message_and_changes_nothing(
        motion, gegevensmagazijn, odata_recording, case, caplog):
    break_it, detail = case
    payload = odata_recording("motie_gevonden.json")
    break_it(payload)
    before = _state(motion)
    client, _adapter = gegevensmagazijn({(31497, 373): payload})
    with caplog.at_level(logging.WARNING, logger="motions.services"):
        result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    assert (result.ok, result.changed) == (False, False)
    assert result.message == (
        f"Motie 31497-373 is niet bijgewerkt: het antwoord van de Tweede Kamer had een onverwachte vorm {detail}. "
        "Er is niets gewijzigd."
    )
    assert detail in caplog.text
    assert _state(motion) == before
    assert not ChangeRecord.objects.exists()


@pytest.mark.parametrize(
    "answer, message",
    [
        ("motie_niet_gevonden.json",
         "Motie 31497-373 staat niet in de open data van de Tweede Kamer. Controleer het Kamerstuknummer; "
         "er is niets gewijzigd."),
        ("onverwachte_vorm.json",
         "Motie 31497-373 is niet bijgewerkt: het antwoord van de Tweede Kamer had een onverwachte vorm "
         "(de lijst ‘value’). Er is niets gewijzigd."),
        ("kapot.json",
         "Motie 31497-373 is niet bijgewerkt: het antwoord van de Tweede Kamer was geen leesbare JSON. "
         "Er is niets gewijzigd."),
        (requests.ReadTimeout("read timed out"),
         "Motie 31497-373 is niet bijgewerkt: de open data van de Tweede Kamer gaf binnen 2 seconden geen "
         "antwoord. Er is niets gewijzigd."),
        (requests.ConnectionError("refused"),
         "Motie 31497-373 is niet bijgewerkt: de open data van de Tweede Kamer is niet bereikbaar. "
         "Er is niets gewijzigd."),
        (503,
         "Motie 31497-373 is niet bijgewerkt: de open data van de Tweede Kamer antwoordde met foutcode 503. "
         "Er is niets gewijzigd."),
    ],
    ids=["niet-gevonden", "onverwachte-vorm", "geen-json", "timeout", "onbereikbaar", "foutcode"],
)
def test_failures_give_a_clear_message_and_change_nothing(motion, gegevensmagazijn, answer, message):
    before = _state(motion)
    client, _adapter = gegevensmagazijn({(31497, 373): answer})
    result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    assert (result.ok, result.changed, result.message) == (False, False, message)
    assert _state(motion) == before
    assert not ChangeRecord.objects.filter(action=ChangeAction.SYNCED).exists()


def test_a_write_that_fails_halfway_leaves_nothing_half_written(motion, gegevensmagazijn, monkeypatch):
    """The submitters are replaced before the audit record is written; if that fails, both go back."""
    before = _state(motion)
    client, _adapter = gegevensmagazijn({(31497, 373): "motie_gevonden.json"})

    def refuse(**kwargs):
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(ChangeRecord.objects, "create", refuse)
    with pytest.raises(RuntimeError):
        motion_sync_from_tweede_kamer(motion=motion, client=client)
    assert _state(motion) == before


def test_sync_all_goes_on_after_a_failure(motion, gegevensmagazijn):
    other = MotionFactory(kamerstuk="36200-VIII-93")
    missing = MotionFactory(kamerstuk="31497-999")
    client, adapter = gegevensmagazijn({
        (31497, 373): requests.ReadTimeout("slow"),
        (36200, 93): "motie_met_toevoeging.json",
        (31497, 999): "motie_niet_gevonden.json",
    })
    results = {result.kamerstuk: result for result in motions_sync_all(client=client)}
    assert set(results) == {motion.kamerstuk, other.kamerstuk, missing.kamerstuk}
    assert [results[k].ok for k in ("31497-373", "36200-VIII-93", "31497-999")] == [False, True, False]
    assert len(adapter.requests) == 3


def test_management_command_reports_each_motion_and_fails_when_one_fails(motion, gegevensmagazijn, monkeypatch):
    MotionFactory(kamerstuk="36200-VIII-93")
    client, _adapter = gegevensmagazijn({
        (31497, 373): "motie_niet_gevonden.json", (36200, 93): "motie_met_toevoeging.json",
    })
    monkeypatch.setattr(
        "motions.management.commands.sync_tweede_kamer.TweedeKamerClient", lambda **kwargs: client
    )
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("sync_tweede_kamer", "36200-VIII-93", stdout=stdout, stderr=stderr)
    assert "Motie 36200-VIII-93 is bijgewerkt" in stdout.getvalue()
    assert "1 moties bekeken, 1 bijgewerkt, 0 niet gelukt." in stdout.getvalue()
    with pytest.raises(CommandError, match="1 moties konden niet worden bijgewerkt"):
        call_command("sync_tweede_kamer", stdout=stdout, stderr=stderr)
    assert "Motie 31497-373 staat niet in de open data" in stderr.getvalue()
    with pytest.raises(CommandError, match="Geen motie 12345-1"):
        call_command("sync_tweede_kamer", "12345-1", stdout=stdout, stderr=stderr)
