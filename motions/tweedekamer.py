"""The Tweede Kamer's own facts about our motions, read from its open data (Gegevensmagazijn).

The Gegevensmagazijn is an OData v4 service. The entity, field and enumerated names below
are the ones the ``openkamer/tkapi`` library reads from it; tests/motions/odata/README.md
cites the file and line of each.

A motion is a ``Document`` whose ``Soort`` is 'Motie', or 'Motie (gewijzigd/nader)' for an
amended motion (the version the Kamer votes on). It is filed in a ``Kamerstukdossier``
(``Nummer``, ``Toevoeging``) under its ``Volgnummer``. Its ``Zaak`` of ``Soort`` 'Motie'
carries the cabinet's appraisal (``Kabinetsappreciatie``), the submitters (``ZaakActor``
with ``Relatie`` 'Indiener' or 'Medeindiener') and the Kamer's decisions: a ``Besluit``
with a ``Status`` ('Besluit' once decided; 'Voorstel' and 'Concept voorstel' are
proposals), a ``BesluitSoort`` such as 'Stemmen - aangenomen', taken on an
``Agendapunt`` of an ``Activiteit`` (the sitting) whose ``Datum`` says when.

This module only reads; motions/services.py writes what it read.
"""
from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings

from .kamerstukken import KamerstukNumber
from .models import ChamberDecision

logger = logging.getLogger(__name__)

DEFAULT_ODATA_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
DEFAULT_TIMEOUT_SECONDS = 10.0
OFFICIAL_TEXT_URL = "https://zoek.officielebekendmakingen.nl/kst-{kamerstuk}.html"

# tkapi DocumentSoort.MOTIE and DocumentSoort.MOTIE_GEWIJZIGDNADER.
MOTION_DOCUMENT_KINDS = ("Motie", "Motie (gewijzigd/nader)")
# tkapi ZaakSoort.MOTIE.
MOTION_CASE_KIND = "Motie"
# tkapi BesluitStatus.BESLUIT; the others (Voorstel, Concept voorstel, Nog te verwerken
# besluit) are not yet the Kamer's decision.
DECIDED = "Besluit"
# tkapi ZaakActorRelatieSoort.INDIENER and MEDEINDIENER, first submitter first.
SUBMITTER_RELATIONS = ("Indiener", "Medeindiener")
# BesluitSoort values, matched whole (never a part: "Stemmen - niet aangenomen" contains
# "aangenomen"). tkapi and the Kamer's information model keep BesluitSoort as free text;
# where these values come from is in tests/motions/odata/README.md. Any other value of a
# decided Besluit gives ChamberDecision.UNKNOWN and a log line.
OUTCOMES = {
    "Stemmen - aangenomen": ChamberDecision.ADOPTED,
    "Stemmen - zonder stemming aannemen": ChamberDecision.ADOPTED,
    "Stemmen - niet aangenomen": ChamberDecision.NOT_ADOPTED,
    "Stemmen - verworpen": ChamberDecision.REJECTED,
    "Stemmen - aangehouden": ChamberDecision.HELD,
    "Stemmen - uitstellen": ChamberDecision.POSTPONED,
    "Stemmen - ingetrokken": ChamberDecision.WITHDRAWN,
}
DOCUMENT_FILTER = " or ".join(f"Soort eq '{kind}'" for kind in MOTION_DOCUMENT_KINDS)
DOCUMENT_EXPAND = "Kamerstukdossier,Zaak($expand=Besluit($expand=Agendapunt($expand=Activiteit)),ZaakActor)"


class TweedeKamerError(Exception):
    """The Tweede Kamer's open data could not be read; the message says why, in Dutch."""


@dataclass(frozen=True)
class MotionFacts:
    """What the Tweede Kamer records about one motion. Empty values: not recorded there."""

    submitted_on: datetime.date | None = None
    chamber_decision: str = ""
    chamber_decision_on: datetime.date | None = None
    # The BesluitSoort behind an UNKNOWN decision, for the staff summary.
    unknown_decision: str = ""
    cabinet_appraisal: str = ""
    official_url: str = ""
    submitters: list[tuple[str, str]] = field(default_factory=list)


class TweedeKamerClient:
    """Reads motions from the Gegevensmagazijn.

    ``session`` is any ``requests.Session``: tests mount an adapter on it that answers
    from recorded responses, so no network is needed.
    """

    def __init__(self, *, base_url: str | None = None, session: requests.Session | None = None,
                 timeout: float = DEFAULT_TIMEOUT_SECONDS):
        self.base_url = (base_url or getattr(settings, "TWEEDE_KAMER_ODATA_URL", DEFAULT_ODATA_URL)).rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout

    def motion_facts(self, *, kamerstuk: KamerstukNumber) -> MotionFacts | None:
        """The facts of one motion, or None when the Kamer's data has no such motion."""
        params = {
            "$filter": (
                f"({DOCUMENT_FILTER}) and Verwijderd eq false and Volgnummer eq {kamerstuk.number}"
                f" and Kamerstukdossier/any(d: d/Nummer eq {int(kamerstuk.dossier)})"
            ),
            "$expand": DOCUMENT_EXPAND,
        }
        try:
            response = self.session.get(
                f"{self.base_url}/Document", params=params, timeout=self.timeout,
                headers={"Accept": "application/json"},
            )
        except requests.Timeout as error:
            raise TweedeKamerError(
                f"de open data van de Tweede Kamer gaf binnen {self.timeout:g} seconden geen antwoord."
            ) from error
        except requests.RequestException as error:
            raise TweedeKamerError("de open data van de Tweede Kamer is niet bereikbaar.") from error
        if response.status_code != 200:
            raise TweedeKamerError(
                f"de open data van de Tweede Kamer antwoordde met foutcode {response.status_code}."
            )
        try:
            payload = response.json()
        except ValueError as error:
            raise TweedeKamerError("het antwoord van de Tweede Kamer was geen leesbare JSON.") from error
        return motion_facts_from_odata(payload, kamerstuk=kamerstuk)


def tweede_kamer_client() -> TweedeKamerClient:
    """The client of the configured service (tests replace it with one on recordings)."""
    return TweedeKamerClient()


# --- Reading one answer -------------------------------------------------------------------


def _malformed(what: str) -> TweedeKamerError:
    return TweedeKamerError(f"het antwoord van de Tweede Kamer had een onverwachte vorm ({what}).")


def _list(value, what: str) -> list[dict]:
    """An expanded collection without its deleted items (``Verwijderd``)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _malformed(what)
    return [item for item in value if not item.get("Verwijderd")]


def _single(value, what: str) -> dict | None:
    """An expanded single item (``Besluit/Agendapunt``, ``Agendapunt/Activiteit``); tkapi
    reads a one-item list the same way."""
    if isinstance(value, dict):
        return None if value.get("Verwijderd") else value
    items = _list(value, what)
    return items[0] if items else None


def _text(value, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _malformed(what)
    return value.strip()


def _moment(value, what: str) -> datetime.datetime | None:
    """An OData date-time such as 2023-04-18T14:15:00+02:00; its date is the Kamer's own."""
    text = _text(value, what)
    if not text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError as error:
        raise _malformed(f"{what} “{text}” is geen datum") from error
    return moment.replace(tzinfo=None)


def _in_dossier(document: dict, kamerstuk: KamerstukNumber) -> bool:
    for dossier in _list(document.get("Kamerstukdossier"), "Kamerstukdossier"):
        suffix = _text(dossier.get("Toevoeging"), "Toevoeging").upper()
        if str(dossier.get("Nummer")) == kamerstuk.dossier and suffix == kamerstuk.suffix:
            return True
    return False


def _decided_at(besluit: dict, kamerstuk: KamerstukNumber) -> datetime.datetime:
    """When the Kamer took a decision: the date (and start) of its agenda item's activity.

    ``GewijzigdOp`` is when the record was last edited, not when the Kamer decided."""
    agendapunt = _single(besluit.get("Agendapunt"), "Besluit/Agendapunt")
    activiteit = _single(agendapunt.get("Activiteit"), "Agendapunt/Activiteit") if agendapunt else None
    day = _moment(activiteit.get("Datum"), "Activiteit/Datum") if activiteit else None
    if day is None:
        raise _malformed(f"een besluit over motie {kamerstuk} zonder datum van de vergadering")
    start = _moment(activiteit.get("Aanvangstijd"), "Activiteit/Aanvangstijd")
    return start if start and start.date() == day.date() else day


def _decision(besluiten: list[dict], kamerstuk: KamerstukNumber) -> tuple[str, datetime.date | None, str]:
    """The Kamer's latest decision: (outcome, its date, the unknown BesluitSoort if any)."""
    decided = []
    for besluit in besluiten:
        if _text(besluit.get("Status"), "Besluit/Status") != DECIDED:
            continue
        decided.append((_decided_at(besluit, kamerstuk), _text(besluit.get("BesluitSoort"), "BesluitSoort")))
    if not decided:
        return "", None, ""
    # The Kamer may first hold a motion and vote on it at a later sitting: the latest counts.
    # (A stable sort: of two decisions at the same moment, the later one listed counts.)
    decided_at, kind = sorted(decided, key=lambda item: item[0])[-1]
    outcome = OUTCOMES.get(kind)
    if outcome is None:
        logger.warning("Onbekend besluit van de Tweede Kamer over motie %s: BesluitSoort %r", kamerstuk, kind)
        return ChamberDecision.UNKNOWN, decided_at.date(), kind
    return outcome, decided_at.date(), ""


def _submitters(actors: list[dict]) -> list[tuple[str, str]]:
    people = []
    for actor in actors:
        relation = _text(actor.get("Relatie"), "ZaakActor/Relatie")
        if relation in SUBMITTER_RELATIONS:
            people.append((SUBMITTER_RELATIONS.index(relation), actor))
    people.sort(key=lambda item: item[0])
    submitters: list[tuple[str, str]] = []
    for _rank, actor in people:
        name = _text(actor.get("ActorNaam"), "ZaakActor/ActorNaam")
        if name and name not in (known for known, _party in submitters):
            submitters.append((name, _text(actor.get("ActorFractie"), "ZaakActor/ActorFractie")))
    return submitters


def motion_facts_from_odata(payload, *, kamerstuk: KamerstukNumber) -> MotionFacts | None:
    """Read one motion's facts from a Gegevensmagazijn ``Document`` answer.

    Raises TweedeKamerError for an answer in an unexpected shape (a field of the wrong
    type, a date that is no date): the caller then writes nothing at all."""
    if not isinstance(payload, dict) or "value" not in payload:
        raise _malformed("geen lijst ‘value’")
    documents = []
    for document in _list(payload["value"], "de lijst ‘value’"):
        number = document.get("Volgnummer")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            raise _malformed("Volgnummer")
        if (_text(document.get("Soort"), "Soort") in MOTION_DOCUMENT_KINDS and number == kamerstuk.number
                and _in_dossier(document, kamerstuk)):
            documents.append(document)
    if not documents:
        return None
    document = documents[0]
    submitted = _moment(document.get("Datum"), "Document/Datum")
    zaken = [
        zaak for zaak in _list(document.get("Zaak"), "Zaak")
        if _text(zaak.get("Soort"), "Zaak/Soort") == MOTION_CASE_KIND
    ]
    zaak = zaken[0] if zaken else {}
    decision, decided_on, unknown = _decision(_list(zaak.get("Besluit"), "Besluit"), kamerstuk)
    return MotionFacts(
        submitted_on=submitted.date() if submitted else None,
        chamber_decision=decision,
        chamber_decision_on=decided_on,
        unknown_decision=unknown,
        cabinet_appraisal=_text(zaak.get("Kabinetsappreciatie"), "Kabinetsappreciatie"),
        official_url=OFFICIAL_TEXT_URL.format(kamerstuk=kamerstuk),
        submitters=_submitters(_list(zaak.get("ZaakActor"), "ZaakActor")),
    )
