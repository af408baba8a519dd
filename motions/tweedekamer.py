"""The Tweede Kamer's own facts about our motions, from its open data (Gegevensmagazijn).

The Gegevensmagazijn is an OData v4 service. A motion is a ``Document`` with ``Soort``
'Motie', filed in a ``Kamerstukdossier`` (``Nummer``, ``Toevoeging``) under its
``Volgnummer``; its ``Zaak`` carries the cabinet's appraisal (``Kabinetsappreciatie``),
the Kamer's decisions (``Besluit`` with ``BesluitSoort`` such as 'Stemmen - aangenomen')
and the submitters (``ZaakActor`` with ``Relatie`` 'Indiener' or 'Medeindiener',
``ActorNaam`` and ``ActorFractie``).

``motion_sync_from_tweede_kamer`` fills in those facts for one motion: submitters and
parties, the date, the Kamer's decision, the cabinet's appraisal and the link to the
official text. It never touches OCW's own status and explanation. A motion the Kamer
does not know, an answer in an unexpected shape, an unreachable or slow service: each
gives a clear Dutch message and changes nothing.
"""
from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.content_version import content_changed
from workspace.models import ChangeAction, ChangeRecord

from .kamerstukken import KamerstukNumber, parse_kamerstuk_number
from .models import ChamberDecision, Motion, MotionSubmitter

logger = logging.getLogger(__name__)

DEFAULT_ODATA_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
DEFAULT_TIMEOUT_SECONDS = 10.0
OFFICIAL_TEXT_URL = "https://zoek.officielebekendmakingen.nl/kst-{kamerstuk}.html"

# BesluitSoort values name the outcome somewhere in their text ("Stemmen - aangenomen",
# "Aangehouden (tijdens de vergadering)", "Ingetrokken"); other decisions (a postponed
# vote, a referral) say nothing about the outcome and are skipped.
_DECISION_WORDS = [
    ("aangenomen", ChamberDecision.ADOPTED),
    ("verworpen", ChamberDecision.REJECTED),
    ("aangehouden", ChamberDecision.HELD),
    ("ingetrokken", ChamberDecision.WITHDRAWN),
]
_SUBMITTER_RELATIONS = ["Indiener", "Medeindiener"]


class TweedeKamerError(Exception):
    """The Tweede Kamer's open data could not be read; the message says why, in Dutch."""


@dataclass(frozen=True)
class MotionFacts:
    """What the Tweede Kamer records about one motion. Empty values: not recorded there."""

    submitted_on: datetime.date | None = None
    chamber_decision: str = ""
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
                f"Soort eq 'Motie' and Verwijderd eq false and Volgnummer eq {kamerstuk.number}"
                f" and Kamerstukdossier/any(d: d/Nummer eq {int(kamerstuk.dossier)})"
            ),
            "$expand": "Kamerstukdossier,Zaak($expand=Besluit,ZaakActor)",
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


def _malformed(what: str) -> TweedeKamerError:
    return TweedeKamerError(f"het antwoord van de Tweede Kamer had een onverwachte vorm ({what}).")


def _list(value, what: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _malformed(what)
    return [item for item in value if not item.get("Verwijderd")]


def _text(value, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _malformed(what)
    return value.strip()


def _in_dossier(document: dict, kamerstuk: KamerstukNumber) -> bool:
    for dossier in _list(document.get("Kamerstukdossier"), "Kamerstukdossier"):
        suffix = _text(dossier.get("Toevoeging"), "Toevoeging").upper()
        if str(dossier.get("Nummer")) == kamerstuk.dossier and suffix == kamerstuk.suffix:
            return True
    return False


def _decision(besluiten: list[dict]) -> str:
    # The Kamer may first hold a motion and vote on it later: the latest decision counts.
    decided = ""
    for besluit in sorted(besluiten, key=lambda item: _text(item.get("GewijzigdOp"), "GewijzigdOp")):
        kind = _text(besluit.get("BesluitSoort"), "BesluitSoort").lower()
        for word, decision in _DECISION_WORDS:
            if word in kind:
                decided = decision
                break
    return decided


def _submitters(actors: list[dict]) -> list[tuple[str, str]]:
    people = [actor for actor in actors if actor.get("Relatie") in _SUBMITTER_RELATIONS]
    people.sort(key=lambda actor: _SUBMITTER_RELATIONS.index(actor["Relatie"]))
    submitters: list[tuple[str, str]] = []
    for actor in people:
        name = _text(actor.get("ActorNaam"), "ActorNaam")
        if name and name not in (known for known, _party in submitters):
            submitters.append((name, _text(actor.get("ActorFractie"), "ActorFractie")))
    return submitters


def motion_facts_from_odata(payload, *, kamerstuk: KamerstukNumber) -> MotionFacts | None:
    """Read one motion's facts from a Gegevensmagazijn ``Document`` answer."""
    if not isinstance(payload, dict) or "value" not in payload:
        raise _malformed("geen lijst ‘value’")
    documents = [
        document for document in _list(payload["value"], "de lijst ‘value’")
        if _text(document.get("Soort"), "Soort") == "Motie"
        and document.get("Volgnummer") == kamerstuk.number
        and _in_dossier(document, kamerstuk)
    ]
    if not documents:
        return None
    document = documents[0]
    date_text = _text(document.get("Datum"), "Datum")
    try:
        submitted_on = datetime.date.fromisoformat(date_text[:10]) if date_text else None
    except ValueError as error:
        raise _malformed(f"datum “{date_text}”") from error
    zaken = _list(document.get("Zaak"), "Zaak")
    zaak = next((item for item in zaken if item.get("Soort") == "Motie"), zaken[0] if zaken else {})
    return MotionFacts(
        submitted_on=submitted_on,
        chamber_decision=_decision(_list(zaak.get("Besluit"), "Besluit")),
        cabinet_appraisal=_text(zaak.get("Kabinetsappreciatie"), "Kabinetsappreciatie"),
        official_url=OFFICIAL_TEXT_URL.format(kamerstuk=kamerstuk),
        submitters=_submitters(_list(zaak.get("ZaakActor"), "ZaakActor")),
    )


# --- Services ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MotionSyncResult:
    kamerstuk: str
    ok: bool
    changed: bool
    message: str


FACT_FIELDS = ["submitted_on", "chamber_decision", "cabinet_appraisal", "official_url"]


def _facts_of(motion: Motion) -> dict:
    return {
        "submitted_on": motion.submitted_on.isoformat() if motion.submitted_on else None,
        "chamber_decision": motion.chamber_decision,
        "cabinet_appraisal": motion.cabinet_appraisal,
        "official_url": motion.official_url,
        "submitters": [[person.name, person.party] for person in motion.submitters.order_by("position")],
    }


def motion_sync_from_tweede_kamer(*, motion: Motion, client: TweedeKamerClient, user=None) -> MotionSyncResult:
    """Fill in the Tweede Kamer's facts about ``motion``; OCW's status and explanation stay as they are.

    Only facts the Kamer records replace ours (an empty value there keeps ours). Records
    when it last synced, and, if anything changed, a new published version with an
    entry in the audit trail.
    """
    try:
        facts = client.motion_facts(kamerstuk=parse_kamerstuk_number(motion.kamerstuk))
    except TweedeKamerError as error:
        logger.warning("Tweede Kamer-synchronisatie van motie %s mislukt: %s", motion.kamerstuk, error)
        return MotionSyncResult(
            motion.kamerstuk, ok=False, changed=False,
            message=f"Motie {motion.kamerstuk} is niet bijgewerkt: {error} Er is niets gewijzigd.",
        )
    if facts is None:
        return MotionSyncResult(
            motion.kamerstuk, ok=False, changed=False,
            message=f"Motie {motion.kamerstuk} staat niet in de open data van de Tweede Kamer. "
            "Controleer het Kamerstuknummer; er is niets gewijzigd.",
        )

    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=motion.pk)
        before = _facts_of(motion)
        for name in FACT_FIELDS:
            value = getattr(facts, name)
            if value:
                setattr(motion, name, value)
        if facts.submitters and [list(person) for person in facts.submitters] != before["submitters"]:
            motion.submitters.all().delete()
            MotionSubmitter.objects.bulk_create(
                MotionSubmitter(motion=motion, name=name, party=party, position=position)
                for position, (name, party) in enumerate(facts.submitters, start=1)
            )
            # The submitters now come from the Kamer, not from the source named before.
            motion.submitters_source = None
        after = _facts_of(motion)
        changed = after != before
        motion.last_synced_at = timezone.now()
        update_fields = ["last_synced_at"]
        if changed:
            motion.version = F("version") + 1
            update_fields += [*FACT_FIELDS, "submitters_source", "version", "updated_at"]
        motion.save(update_fields=update_fields)
        if changed:
            motion.refresh_from_db(fields=["version"])
            ChangeRecord.objects.create(
                content_type=ContentType.objects.get_for_model(Motion),
                object_id=motion.pk,
                object_repr=str(motion)[:300],
                action=ChangeAction.SYNCED,
                user=user,
                version=motion.version,
                before=before,
                after=after,
            )
        # The API shows when a motion was last synced, so cached responses must go either way.
        content_changed()

    if not changed:
        return MotionSyncResult(
            motion.kamerstuk, ok=True, changed=False,
            message=f"Motie {motion.kamerstuk} was al bijgewerkt met de gegevens van de Tweede Kamer.",
        )
    return MotionSyncResult(
        motion.kamerstuk, ok=True, changed=True,
        message=f"Motie {motion.kamerstuk} is bijgewerkt met de gegevens van de Tweede Kamer.",
    )


def motions_sync_all(*, client: TweedeKamerClient, user=None) -> list[MotionSyncResult]:
    """Sync every motion of the current programme; one failure does not stop the others."""
    motions = Motion.objects.filter(programme__successors__isnull=True).order_by("position", "dossier", "number")
    return [motion_sync_from_tweede_kamer(motion=motion, client=client, user=user) for motion in motions]
