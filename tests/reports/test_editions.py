"""The yearly cycle: an adopted edition never changes; the next one is opened, follows the
live data, and is frozen when it is adopted (vastgesteld)."""
import datetime
import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from measures.models import Measure
from programme.models import EditionStatus, ReportEdition
from reports.editions import edition_adopt, edition_snapshot, edition_start
from reports.models import GenerationStatus
from reports.services import report_generation_start
from tests.helpers import publish
from workspace import site
from workspace.models import Draft
from workspace.services import draft_save, edit_token

pytestmark = pytest.mark.django_db
YESTERDAY = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
NEW_STATUS_NOTE = "Een toelichting die pas na het vaststellen is gepubliceerd."


def _publish_a_change(measure: Measure, editor, final_editor) -> None:
    """Measure gets another status and a new note, through the workspace as staff would."""
    publish(measure, editor=editor, final_editor=final_editor, status_note=NEW_STATUS_NOTE,
            status="afgerond" if measure.status != "afgerond" else "in_uitvoering",
            status_change={"date": YESTERDAY, "explanation": "Stand van vandaag."})


def _rendered(tmp_path, name: str, **options) -> bytes:
    output = tmp_path / name
    call_command("render_report", output=str(output), edition="vgr-2025", stdout=io.StringIO(), **options)
    return output.read_bytes()


def test_the_loader_freezes_the_edition_of_the_files(programme):
    edition = ReportEdition.objects.get(key="vgr-2025")
    assert edition.status == EditionStatus.ADOPTED
    assert edition.frozen_state["edition"]["key"] == "vgr-2025" and edition.frozen_from_fixtures
    assert len(edition.frozen_state["measures"]) == Measure.objects.count()


def test_a_change_published_after_adoption_never_reaches_the_adopted_report(
    programme, editor, final_editor, tmp_path, client, django_capture_on_commit_callbacks, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    edition = ReportEdition.objects.get(key="vgr-2025")
    measure = Measure.objects.get(code="5")
    pdf_before = _rendered(tmp_path, "before.pdf")
    html_before = _rendered(tmp_path, "before.html", html=True)
    web_before = client.get(reverse("reports:edition_detail", args=["vgr-2025"])).content

    _publish_a_change(measure, editor, final_editor)
    assert Measure.objects.get(code="5").status_note == NEW_STATUS_NOTE

    # The command, the web version and the Celery job all still show the frozen state.
    assert hashlib.sha256(_rendered(tmp_path, "after.pdf")).digest() == hashlib.sha256(pdf_before).digest()
    assert _rendered(tmp_path, "after.html", html=True) == html_before
    web_after = client.get(reverse("reports:edition_detail", args=["vgr-2025"])).content
    assert web_after == web_before and NEW_STATUS_NOTE.encode() not in web_after
    with django_capture_on_commit_callbacks(execute=True):
        generation = report_generation_start(edition=edition, user=final_editor)
    generation.refresh_from_db()
    assert generation.status == GenerationStatus.DONE
    assert generation.snapshot == ReportEdition.objects.get(key="vgr-2025").frozen_state
    assert generation.file.read() == pdf_before
    # The first PDF of the frozen state is the one the edition keeps serving.
    assert generation.is_frozen


def test_the_next_edition_is_opened_follows_the_live_data_and_is_frozen_when_adopted(
    programme, editor, final_editor
):
    call_command("start_edition", key="vgr-2026", reference_date="2026-02-01", stdout=io.StringIO())
    opened = ReportEdition.objects.get(key="vgr-2026")
    assert (opened.status, opened.number, opened.year) == (EditionStatus.OPEN, 5, 2026)
    assert opened.title == "Vijfde voortgangsrapportage verbeteraanpak passend onderwijs po/vo"
    assert opened.introduction == ReportEdition.objects.get(key="vgr-2025").introduction

    _publish_a_change(Measure.objects.get(code="5"), editor, final_editor)
    measure5 = next(m for m in edition_snapshot(edition=opened)["measures"] if m["code"] == "5")
    assert measure5["status_note"] == NEW_STATUS_NOTE
    # The adopted edition before it does not move.
    frozen5 = next(m for m in edition_snapshot(edition=ReportEdition.objects.get(key="vgr-2025"))["measures"]
                   if m["code"] == "5")
    assert frozen5["status_note"] != NEW_STATUS_NOTE

    adopted = edition_adopt(edition=opened, user=final_editor)
    assert adopted.status == EditionStatus.ADOPTED and adopted.adopted_by == final_editor
    Measure.objects.filter(code="5").update(status_note="Nog later.")
    measure5 = next(m for m in edition_snapshot(edition=adopted)["measures"] if m["code"] == "5")
    assert measure5["status_note"] == NEW_STATUS_NOTE


@pytest.mark.parametrize(("key", "reference_date", "message"), [
    ("vgr-2025", "2026-02-01", "Er is al een editie met de sleutel vgr-2025."),
    ("vgr-2026", "2025-02-01", "De peildatum moet na die van"),
    ("vgr-2026", "2026-02-30", "Geen geldige peildatum"),
])
def test_start_edition_refuses_bad_input_and_writes_nothing(programme, key, reference_date, message):
    before = ReportEdition.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("start_edition", key=key, reference_date=reference_date, stdout=io.StringIO())
    assert ReportEdition.objects.count() == before


def test_only_one_edition_is_open_at_a_time(programme):
    edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1))
    with pytest.raises(ValidationError, match="al een editie in voorbereiding"):
        edition_start(key="vgr-2027", reference_date=datetime.date(2027, 2, 1))
    assert not ReportEdition.objects.filter(key="vgr-2027").exists()


def test_adopting_is_the_eindredacteurs_decision(programme, administrator, final_editor):
    opened = edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1), user=administrator)
    with pytest.raises(PermissionDenied):
        edition_adopt(edition=opened, user=administrator)
    edition_adopt(edition=opened, user=final_editor)
    with pytest.raises(ValidationError, match="al vastgesteld"):
        edition_adopt(edition=opened, user=final_editor)


def test_an_open_edition_is_not_public(programme, client, final_editor):
    edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1))
    assert client.get("/rapportages/vgr-2026/").status_code == 404
    assert client.get("/api/v1/rapportages/vgr-2026").status_code == 404
    assert "vgr-2026" not in client.get("/rapportages/").content.decode()
    client.force_login(final_editor)
    assert client.get("/rapportages/vgr-2026/").status_code == 200


def test_a_beheerder_opens_and_an_eindredacteur_adopts_in_the_workspace(
    programme, client, administrator, final_editor, editor
):
    client.force_login(administrator)
    start = reverse("staff:report_edition_start")
    refused = client.post(start, {"key": "vgr-2025", "reference_date": "2026-02-01"})
    assert refused.status_code == 200 and "Er is al een editie met de sleutel vgr-2025." in refused.content.decode()
    assert client.post(start, {"key": "vgr-2026", "reference_date": "2026-02-01"}).status_code == 302
    adopt = reverse("staff:report_edition_adopt", args=["vgr-2026"])
    assert client.get(adopt).status_code == 403

    measure = Measure.objects.get(code="3")
    draft_save(record=measure, user=editor, document=site.for_record(measure).document(measure),
               expected_token=edit_token(record=measure, draft=None))
    client.force_login(final_editor)
    page = client.get(adopt).content.decode()
    assert "Nog 1 open concept" in page and Draft.objects.count() == 1
    client.post(adopt, {})
    assert ReportEdition.objects.get(key="vgr-2026").status == EditionStatus.OPEN
    client.post(adopt, {"confirm": "ja"})
    assert ReportEdition.objects.get(key="vgr-2026").status == EditionStatus.ADOPTED


def _adopt_2026_with_progress(editor, final_editor):
    """Open vgr-2026, publish a status change with a new step and a dropped next step on
    measure 2 and a moved planning, then adopt it."""
    from legislation.models import ExpectedLaw

    opened = edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1))
    measure = Measure.objects.get(code="2")
    document = site.for_record(measure).document(measure)
    dropped = document["next_steps"][0]
    document.update(
        status="afgerond" if measure.status != "afgerond" else "in_uitvoering",
        status_change={"date": YESTERDAY, "explanation": "Alle scholen hebben een aanspreekpunt."},
        steps=document["steps"] + ["Elke vo-school heeft een aanspreekpunt aangewezen."],
        next_steps=document["next_steps"][1:],
    )
    publish(measure, editor=editor, final_editor=final_editor, document=document)
    law = ExpectedLaw.objects.get(number="1")
    entry = law.milestones.get(phase="inwerkingtreding")
    law_document = site.for_record(law).document(law)
    for milestone in law_document["milestones"]:
        if milestone["id"] == entry.pk:
            milestone.update(planned_text="1 augustus 2026", planned_start="", planned_end="")
    publish(law, editor=editor, final_editor=final_editor, document=law_document)
    return edition_adopt(edition=opened, user=final_editor), dropped


def test_the_changes_page_shows_what_moved_since_the_previous_report(programme, client, editor, final_editor):
    _edition, dropped = _adopt_2026_with_progress(editor, final_editor)
    # Published after adoption: not part of what the 2026 report said.
    Measure.objects.filter(code="2").update(summary="Later bijgewerkt.")
    html = client.get("/rapportages/vgr-2026/wijzigingen/").content.decode()
    assert "Maatregel 2:" in html and "Alle scholen hebben een aanspreekpunt." in html
    assert "Nieuw:</span> Elke vo-school heeft een aanspreekpunt aangewezen." in html
    assert f"Niet meer genoemd:</span> {dropped}" in html
    assert "1 januari 2026" in html and "1 augustus 2026" in html
    assert "Later bijgewerkt." not in html and "stand van zaken" not in html
    # Other measures did not move.
    assert "Maatregel 6:" not in html


def test_the_first_adopted_edition_has_nothing_to_compare_with(programme, client):
    html = client.get("/rapportages/vgr-2024/wijzigingen/").content.decode()
    assert "Er is geen eerdere vastgestelde rapportage" in html


def test_a_measure_page_shows_its_status_in_every_adopted_report(programme, client, editor, final_editor):
    _adopt_2026_with_progress(editor, final_editor)
    frozen = ReportEdition.objects.get(key="vgr-2025").frozen_summary["measures"]["2"]["label"]
    html = client.get("/maatregelen/2/").content.decode()
    timeline = html[html.index("Status per voortgangsrapportage"):html.index("Geschiedenis van de status")]
    assert timeline.index("Vierde voortgangsrapportage") < timeline.index("Vijfde voortgangsrapportage")
    assert f'edition-timeline__status">{frozen}</strong>' in timeline
    assert f'edition-timeline__status">{Measure.objects.get(code="2").get_status_display()}</strong>' in timeline


def test_the_timeline_and_changes_cost_the_same_queries_for_two_or_five_editions(
    programme, client, final_editor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(path: str = "/maatregelen/2/") -> int:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    with_two = queries()  # the files hold two editions: 2024 (reconstructed) and 2025
    changes_with_two = queries("/rapportages/vgr-2025/wijzigingen/")
    for year in range(2026, 2029):
        edition_adopt(edition=edition_start(key=f"vgr-{year}", reference_date=datetime.date(year, 2, 1)),
                      user=final_editor)
    assert ReportEdition.objects.filter(status=EditionStatus.ADOPTED).count() == 5
    assert queries() == with_two
    assert queries("/rapportages/vgr-2028/wijzigingen/") == changes_with_two


def test_the_files_edition_is_frozen_again_when_the_files_change_and_a_staff_one_never(
    programme, final_editor, tmp_path, settings
):
    import shutil

    staff_adopted = edition_adopt(
        edition=edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1)), user=final_editor
    )
    frozen_before = ReportEdition.objects.get(key="vgr-2025").frozen_sha256
    call_command("load_programme", stdout=io.StringIO())
    assert ReportEdition.objects.get(key="vgr-2025").frozen_sha256 == frozen_before

    fixtures = tmp_path / "fixtures"
    shutil.copytree(settings.PROGRAMME_FIXTURES_DIR, fixtures)
    path = fixtures / "measures" / "02.yaml"
    title = Measure.objects.get(code="2").title
    path.write_text(path.read_text(encoding="utf-8").replace(title, title + " (gecorrigeerd)"), encoding="utf-8")
    call_command("load_programme", fixtures=fixtures, stdout=io.StringIO())

    refrozen = ReportEdition.objects.get(key="vgr-2025")
    measure2 = next(m for m in refrozen.frozen_state["measures"] if m["code"] == "2")
    assert refrozen.frozen_sha256 != frozen_before and measure2["title"] == title + " (gecorrigeerd)"
    assert ReportEdition.objects.get(key="vgr-2026").frozen_sha256 == staff_adopted.frozen_sha256
