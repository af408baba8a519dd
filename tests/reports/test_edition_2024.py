"""The 2024 edition, reconstructed from the Kamerbrief of May 2024 (seed 002), and what
changed from it to the 2025 report (seed 000): each expected value below is read from
those two sources, never from our own code."""
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse

from programme.models import ReportEdition
from reports.progress import edition_progress_between
from reports.services import report_generation_start
from tests.helpers import programme_load

UNKNOWN = "niet bekend uit de bronnen"


@pytest.fixture(scope="module")
def states(django_db_setup, django_db_blocker):
    """Both frozen states as the loader freezes them, read once (rolled back after)."""
    with django_db_blocker.unblock(), transaction.atomic():
        programme_load()
        frozen = {edition.key: edition.frozen_state for edition in ReportEdition.objects.all()}
        transaction.set_rollback(True)
    return frozen


@pytest.fixture(scope="module")
def progress(states):
    return edition_progress_between(states["vgr-2024"], states["vgr-2025"])


def _measure(state: dict, code: str) -> dict:
    return next(measure for measure in state["measures"] if measure["code"] == code)


# (measure, status label in 2024 per seed 002, status label in 2025 per seed 000)
STATUSES = [
    ("10", "In uitvoering", "In uitvoering"),   # 002: "Dit jaar ronden we ... af: ... (maatregel 10)"
    ("11", "Besloten niet uit te voeren", "Afgerond"),  # 002: "geven we geen uitvoering aan ... (maatregel 11)"
    ("12", "In uitvoering", "In uitvoering"),   # 002: "Dit jaar ronden we ... af: ... (maatregel 12)"
    ("13", "Afgerond", "Afgerond"),             # 002: "drie maatregelen afgerond ... (maatregel 13)"
    ("19", "In uitvoering", "Afgerond"),        # 002: programma van eisen "wordt voor de zomer verspreid"
    ("24", "Afgerond", "Afgerond"),             # 002: "... Steunpunt Passend Onderwijs (maatregel 24)"
    ("25", "Afgerond", "Afgerond"),             # 002: "... praktijkonderwijs (maatregel 25)"
    ("8", UNKNOWN, "In uitvoering"),            # 002 gives maatregel 8 no status
    ("2", UNKNOWN, "In uitvoering"),            # nor maatregel 2
]


@pytest.mark.parametrize(("code", "in_2024", "in_2025"), STATUSES)
def test_each_status_is_what_its_source_states(states, code, in_2024, in_2025):
    assert _measure(states["vgr-2024"], code)["status_label"] == in_2024
    assert _measure(states["vgr-2025"], code)["status_label"] == in_2025


def test_what_the_letter_does_not_say_is_unknown_not_copied_from_2025(states):
    measure = _measure(states["vgr-2024"], "8")
    assert measure["status"] is None and measure["history"] == []
    assert all(measure[name] is None for name in ("steps", "next_steps", "introduction", "stakeholders"))


def test_the_2024_edition_is_known_by_its_letter_with_a_worded_peildatum(states):
    edition = states["vgr-2024"]["edition"]
    assert (edition["number"], edition["reference_date"], edition["reference_label"]) == (3, None, "mei 2024")
    assert edition["reconstructed"] is True and edition["source"]["key"] == "kamerbrief-2024"


# (measure, status before, status now) for exactly the measures whose status moved.
MOVED = {("11", "Besloten niet uit te voeren", "Afgerond"), ("19", "In uitvoering", "Afgerond")}


def test_only_statuses_known_on_both_sides_are_compared(progress):
    moved = {(m.code, m.status_before, m.status_now) for m in progress.measures if m.status_changed}
    assert moved == MOVED
    # Every measure the letter gives no status is counted as not compared, none as changed.
    assert progress.measures_not_compared == 31 - 7


# (law, milestone, planning in 2024 per seed 002, planning in 2025 per seed 000)
PLANNING = [
    # 002: "Die datum verschuift met een jaar, naar 1 augustus 2025"; 000: 1 januari 2026.
    ("Wetsvoorstel terugdringen verzuim", "Inwerkingtreding", "1 augustus 2025", "1 januari 2026"),
    # 002: "We verwachten voor het einde van dit jaar het wetsvoorstel in internetconsultatie".
    ("Governance passend onderwijs", "Internetconsultatie", "voor het einde van dit jaar", "Q2/Q3 2025"),
]


@pytest.mark.parametrize(("law", "milestone", "before", "now"), PLANNING)
def test_planning_that_moved_between_the_letters(progress, law, milestone, before, now):
    assert any(
        (plan.law, plan.milestone.lower(), plan.before, plan.now) == (law, milestone.lower(), before, now)
        for plan in progress.planning
    ), progress.planning


def test_motions_the_letter_names_keep_their_submitters_source(states, progress):
    named = {motion["kamerstuk"] for motion in states["vgr-2024"]["motions"]}
    assert "31497-456" in named  # 002, footnote 27: "Kamerstukken II 2022/23, 31497, nr. 456."
    # A motion absent from the letter is not "new" in 2025: the letter names only some.
    assert not [motion for motion in progress.motions if motion.status_before is None]
    assert progress.motions_not_compared > 0


@pytest.mark.django_db
def test_a_reconstructed_edition_gets_no_report(programme, final_editor, tmp_path):
    edition = ReportEdition.objects.get(key="vgr-2024")
    with pytest.raises(ValidationError, match="gereconstrueerd"):
        report_generation_start(edition=edition, user=final_editor)
    with pytest.raises(CommandError, match="gereconstrueerd"):
        call_command("render_report", output=str(tmp_path / "x.pdf"), edition="vgr-2024", stdout=io.StringIO())


@pytest.mark.django_db
def test_its_page_shows_what_the_letter_states_and_names_the_letter(programme, client):
    page = client.get(reverse("reports:edition_detail", args=["vgr-2024"])).content.decode()
    assert "Kamerbrief voortgangsrapportage verbeteraanpak passend onderwijs (mei 2024)" in page
    assert "Besloten niet uit te voeren" in page and UNKNOWN in page
    assert "geen webversie of PDF" in page


@pytest.mark.django_db
def test_the_2025_report_annex_compares_with_2024(programme, client):
    page = client.get(reverse("reports:edition_detail", args=["vgr-2025"])).content.decode()
    assert "Bijlage: Wijzigingen ten opzichte van de voortgangsrapportage van 2024" in page
    assert "De gegevens bevatten geen eerdere voortgangsrapportage" not in page
    changes = client.get(reverse("reports:edition_changes", args=["vgr-2025"])).content.decode()
    assert "1 augustus 2025" in changes and "1 januari 2026" in changes


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "status"), [
    ("?van=vgr-2024&tot=vgr-2025", 200),
    ("?van=vgr-2025&tot=vgr-2024", 400),
    ("?van=onbekend&tot=vgr-2025", 400),
    ("", 200),
])
def test_comparing_two_editions(programme, client, query, status):
    response = client.get(reverse("reports:edition_compare") + query)
    assert response.status_code == status
    if query and status == 200:
        assert "1 januari 2026" in response.content.decode()
    if status == 400:
        assert "Kies bij" in response.content.decode()


# (key in fixtures/history/announced_steps.yaml, measure, what 000 says became of the
# announcement in 002, the new target 000 gives)
OUTCOMES = [
    ("m2-voorstel-landelijke-norm", "2", "Uitgevoerd", ""),          # 000: "Het opleveren van een advies ..."
    ("m2-internetconsultatie-landelijke-norm", "2", "Verschoven", "Q1 2026"),
    ("m12-brochure-vt-melding", "12", "Verschoven", "april 2025"),   # "wordt gepubliceerd in april 2025"
    ("m16b-onderzoek-brugfunctie", "16b", "Nog open", ""),
    ("m19-programma-van-eisen-verspreiden", "19", "Uitgevoerd", ""),  # "Het verspreiden van het herijkte ..."
    ("m21-internetconsultatie-governance", "21", "Verschoven", "Q2/Q3 2025"),
]


@pytest.mark.parametrize(("key", "code", "label", "new_target"), OUTCOMES)
def test_what_became_of_the_steps_the_2024_letter_announced(states, progress, key, code, label, new_target):
    announced = {step["id"] for step in _measure(states["vgr-2024"], code)["next_step_details"]}
    assert key in announced
    outcome = next(step for step in progress.steps if step["id"] == key)
    assert (outcome["measure"], outcome["outcome_label"], outcome["new_target_text"]) == (code, label, new_target)


@pytest.mark.django_db
def test_a_measure_page_says_what_became_of_its_announced_steps(programme, client):
    page = client.get(reverse("measures:measure_detail", args=["12"])).content.decode()
    assert "De brochure is naar verwachting dit najaar gereed." in page
    assert "<strong>Verschoven</strong>: nu april 2025" in page


@pytest.mark.django_db
def test_the_api_lists_both_editions_and_exposes_their_state_and_changes(programme_loaded, client):
    editions = {item["sleutel"]: item for item in client.get("/api/v1/rapportages").json()["resultaten"]}
    assert editions["vgr-2024"]["gereconstrueerd"] is True
    assert (editions["vgr-2024"]["peildatum"], editions["vgr-2024"]["peildatumOmschrijving"]) == (None, "mei 2024")

    state = client.get("/api/v1/rapportages/vgr-2024/stand").json()
    measures = {measure["code"]: measure for measure in state["maatregelen"]}
    assert (measures["8"]["status"], measures["8"]["vervolgstappen"]) == (None, None)
    assert measures["11"]["statusLabel"] == "Besloten niet uit te voeren"
    assert any(figure["zoalsDeBron"] == "945 leerlingen" for figure in state["kerncijfers"])

    changes = client.get("/api/v1/rapportages/vgr-2025/wijzigingen").json()
    assert changes["vorigeRapportage"] == "vgr-2024"
    assert {"code": "11", "statusVoor": "Besloten niet uit te voeren", "statusNu": "Afgerond"}.items() <= next(
        measure for measure in changes["maatregelen"] if measure["code"] == "11").items()
    assert {"wet": "Wetsvoorstel terugdringen verzuim", "voor": "1 augustus 2025", "nu": "1 januari 2026"}.items() <= \
        next(plan for plan in changes["planning"] if plan["wet"] == "Wetsvoorstel terugdringen verzuim").items()
    step = next(step for step in changes["vervolgstappen"] if step["sleutel"] == "m12-brochure-vt-melding")
    assert (step["uitkomst"], step["nieuwMoment"]) == ("verschoven", "april 2025")

    first = client.get("/api/v1/rapportages/vgr-2024/wijzigingen")
    assert first.status_code == 404 and first["Content-Type"].startswith("application/problem+json")
