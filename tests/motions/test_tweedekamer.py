"""The Tweede Kamer importer on hand-written recordings of the Gegevensmagazijn (see odata/README.md)."""
import datetime
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from motions.models import ChamberDecision, Motion, MotionStatus
from motions.tweedekamer import TweedeKamerClient, motion_sync_from_tweede_kamer, motions_sync_all
from tests.factories import MotionFactory, MotionSubmitterFactory, SourceDocumentFactory
from workspace.models import ChangeAction, ChangeRecord

RECORDINGS = Path(__file__).parent / "odata"
BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"


class RecordedGegevensmagazijn(requests.adapters.BaseAdapter):
    """Answers Document queries from the recordings, by the dossier and number in ``$filter``.

    An answer is a file name, an HTTP status code, or an exception to raise (a timeout).
    """

    def __init__(self, answers: dict[tuple[int, int], str | int | Exception]):
        super().__init__()
        self.answers = answers
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):
        self.requests.append(request)
        url = urlparse(request.url)
        assert url.path == "/OData/v4/2.0/Document"
        query = parse_qs(url.query)
        odata_filter = query["$filter"][0]
        assert "Soort eq 'Motie'" in odata_filter
        assert query["$expand"][0] == "Kamerstukdossier,Zaak($expand=Besluit,ZaakActor)"
        dossier = int(re.search(r"d/Nummer eq (\d+)", odata_filter).group(1))
        number = int(re.search(r"Volgnummer eq (\d+)", odata_filter).group(1))
        answer = self.answers[(dossier, number)]
        if isinstance(answer, Exception):
            raise answer
        response = requests.Response()
        response.request, response.url = request, request.url
        if isinstance(answer, int):
            response.status_code, response._content = answer, b"Service Unavailable"
        else:
            response.status_code = 200
            response._content = (RECORDINGS / answer).read_bytes()
            response.headers["Content-Type"] = "application/json;odata.metadata=minimal"
        return response

    def close(self):
        pass


def _client(answers) -> tuple[TweedeKamerClient, RecordedGegevensmagazijn]:
    adapter = RecordedGegevensmagazijn(answers)
    session = requests.Session()
    session.mount("https://", adapter)
    return TweedeKamerClient(base_url=BASE_URL, session=session, timeout=2), adapter


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


def test_a_found_motion_gets_the_kamer_facts_and_keeps_ocw_content(motion, django_capture_on_commit_callbacks):
    client, adapter = _client({(31497, 373): "motie_gevonden.json"})
    with django_capture_on_commit_callbacks(execute=True):
        result = motion_sync_from_tweede_kamer(motion=motion, client=client)

    assert (result.ok, result.changed) == (True, True)
    assert result.message == "Motie 31497-373 is bijgewerkt met de gegevens van de Tweede Kamer."
    assert len(adapter.requests) == 1
    assert "Volgnummer eq 373" in parse_qs(urlparse(adapter.requests[0].url).query)["$filter"][0]
    motion.refresh_from_db()
    assert motion.submitted_on == datetime.date(2023, 4, 5)
    # Held first, adopted later; the deleted decision is ignored.
    assert motion.chamber_decision == ChamberDecision.ADOPTED
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
    assert change.after["chamber_decision"] == "aangenomen"


def test_the_api_shows_the_synced_facts(motion, client, django_capture_on_commit_callbacks):
    assert client.get("/api/v1/moties/31497-373").json()["besluitKamer"] == ""
    sync_client, _adapter = _client({(31497, 373): "motie_gevonden.json"})
    with django_capture_on_commit_callbacks(execute=True):
        motion_sync_from_tweede_kamer(motion=motion, client=sync_client)
    body = client.get("/api/v1/moties/31497-373").json()
    assert body["besluitKamer"] == "aangenomen"
    assert body["indieners"] == [
        {"naam": "Van der Hul", "fractie": "GroenLinks-PvdA"}, {"naam": "Westerveld", "fractie": "GroenLinks-PvdA"},
    ]
    assert body["bijgewerktUitTweedeKamer"] is not None


def test_syncing_again_changes_nothing_but_the_sync_time(motion):
    client, _adapter = _client({(31497, 373): "motie_gevonden.json"})
    motion_sync_from_tweede_kamer(motion=motion, client=client)
    before = _state(motion)
    result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    after = _state(motion)
    assert (result.ok, result.changed) == (True, False)
    assert "al bijgewerkt" in result.message
    assert after["last_synced_at"] > before["last_synced_at"]
    assert {**after, "last_synced_at": None} == {**before, "last_synced_at": None}
    assert ChangeRecord.objects.filter(action=ChangeAction.SYNCED).count() == 1


def test_the_part_of_the_dossier_must_match(db):
    motion = MotionFactory(kamerstuk="36200-VIII-93")
    client, _adapter = _client({(36200, 93): "motie_met_toevoeging.json"})
    assert motion_sync_from_tweede_kamer(motion=motion, client=client).ok
    motion.refresh_from_db()
    assert motion.chamber_decision == ChamberDecision.ADOPTED
    assert motion.cabinet_appraisal == "Oordeel Kamer"
    assert motion.official_url == "https://zoek.officielebekendmakingen.nl/kst-36200-VIII-93.html"
    assert list(motion.submitters.values_list("name", flat=True)) == ["Jansen", "De Vries"]


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
def test_failures_give_a_clear_message_and_change_nothing(motion, answer, message):
    before = _state(motion)
    client, _adapter = _client({(31497, 373): answer})
    result = motion_sync_from_tweede_kamer(motion=motion, client=client)
    assert (result.ok, result.changed, result.message) == (False, False, message)
    assert _state(motion) == before
    assert not ChangeRecord.objects.filter(action=ChangeAction.SYNCED).exists()


def test_sync_all_goes_on_after_a_failure(motion):
    other = MotionFactory(kamerstuk="36200-VIII-93")
    missing = MotionFactory(kamerstuk="31497-999")
    client, adapter = _client({
        (31497, 373): requests.ReadTimeout("slow"),
        (36200, 93): "motie_met_toevoeging.json",
        (31497, 999): "motie_niet_gevonden.json",
    })
    results = {result.kamerstuk: result for result in motions_sync_all(client=client)}
    assert set(results) == {motion.kamerstuk, other.kamerstuk, missing.kamerstuk}
    assert [results[k].ok for k in ("31497-373", "36200-VIII-93", "31497-999")] == [False, True, False]
    assert len(adapter.requests) == 3


def test_management_command_reports_each_motion_and_fails_when_one_fails(motion, monkeypatch):
    MotionFactory(kamerstuk="36200-VIII-93")
    client, _adapter = _client({(31497, 373): "motie_niet_gevonden.json", (36200, 93): "motie_met_toevoeging.json"})
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
