import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from measures.models import Measure, MeasureStatusChange
from motions.models import Motion
from programme.models import Programme
from search.selectors import search_keys
from tests.helpers import publish
from workspace.models import ChangeAction, ChangeRecord

pytestmark = pytest.mark.django_db(transaction=True)


def _export(path) -> str:
    call_command("export_programme", output=path, stdout=io.StringIO())
    return path.read_text(encoding="utf-8")


def test_export_import_round_trip_is_identical(programme_loaded, editor, final_editor, tmp_path):
    publish(Measure.objects.get(code="8a"), editor=editor, final_editor=final_editor, summary="Bijgewerkt.")
    first = _export(tmp_path / "first.json")
    counts = (
        Measure.objects.count(),
        Motion.objects.count(),
        MeasureStatusChange.objects.count(),
        ChangeRecord.objects.count(),
    )

    call_command("flush", interactive=False, verbosity=0)
    assert Measure.objects.count() == 0
    call_command("import_programme", input=tmp_path / "first.json", stdout=io.StringIO())

    assert (
        Measure.objects.count(),
        Motion.objects.count(),
        MeasureStatusChange.objects.count(),
        ChangeRecord.objects.count(),
    ) == counts
    assert Measure.objects.get(code="8a").summary == "Bijgewerkt."
    # The search index (not part of the backup) is rebuilt from the restored content.
    assert search_keys(query="thuiszitters", kind="maatregelen")
    assert _export(tmp_path / "second.json") == first
    # New rows get fresh ids after the restore.
    Measure.objects.create(programme=Measure.objects.first().programme, code="26", title="Nieuw")


def test_import_refuses_a_database_that_is_not_empty(programme_loaded, tmp_path):
    path = tmp_path / "backup.json"
    _export(path)
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("import_programme", input=path, stdout=io.StringIO())


def test_import_refuses_other_files_with_a_clear_message(db, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"hello": "world"}))
    with pytest.raises(CommandError, match="geen back-up"):
        call_command("import_programme", input=path, stdout=io.StringIO())
    path.write_text("{niet json")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("import_programme", input=path, stdout=io.StringIO())


def _corrupt(objects: list, case: str) -> str:
    measure = next(item for item in objects if item["model"] == "measures.measure")
    if case == "foreign-key":
        measure["fields"]["programme"] = 999_999
        return "verwijst naar een record dat er niet in staat"
    if case == "too-long":
        measure["fields"]["title"] = "x" * 1_000
        return re.escape(f"maatregel {measure['pk']} (measures.Measure) kan niet worden hersteld")
    objects.append({"model": "measures.bestaatniet", "pk": 1, "fields": {}})
    return "niet te lezen"


@pytest.mark.parametrize("case", ["foreign-key", "too-long", "unknown-model"])
def test_a_damaged_backup_names_what_is_wrong_and_restores_nothing(programme_loaded, tmp_path, case):
    path = tmp_path / "backup.json"
    payload = json.loads(_export(path))
    message = _corrupt(payload["objects"], case)
    path.write_text(json.dumps(payload), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=message):
        call_command("import_programme", input=path, stdout=io.StringIO())
    assert Measure.objects.count() == 0 and Motion.objects.count() == 0


def _edition_with_pdf(final_editor):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from programme.models import ReportEdition
    from reports.models import GenerationStatus, ReportGeneration

    edition = ReportEdition.objects.get(key="vgr-2025")
    generation = ReportGeneration(edition=edition, reference_date=edition.reference_date, snapshot={},
                                  snapshot_sha256="0" * 64, status=GenerationStatus.DONE,
                                  finished_at=timezone.now(), started_by=final_editor)
    generation.file.save("vgr-2025-1.pdf", ContentFile(b"%PDF-1.7 de vastgestelde rapportage"), save=False)
    generation.save()
    return generation


def test_a_restored_site_serves_the_pdfs_it_had(programme_loaded, final_editor, tmp_path, settings, client):
    settings.MEDIA_ROOT = tmp_path / "media"
    generation = _edition_with_pdf(final_editor)
    first = _export(tmp_path / "backup.json")
    generation.file.delete(save=False)  # the new server starts with empty storage
    call_command("flush", interactive=False, verbosity=0)
    call_command("import_programme", input=tmp_path / "backup.json", stdout=io.StringIO())

    response = client.get("/rapportages/vgr-2025/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 de vastgestelde rapportage"
    assert _export(tmp_path / "again.json") == first


def test_a_pdf_missing_after_a_restore_is_a_404_with_a_message(programme_loaded, final_editor, tmp_path,
                                                              settings, client):
    settings.MEDIA_ROOT = tmp_path / "media"
    generation = _edition_with_pdf(final_editor)
    generation.file.delete(save=False)
    response = client.get("/rapportages/vgr-2025/pdf/")
    assert response.status_code == 404
    assert "De PDF is op dit moment niet beschikbaar" in response.content.decode()


def test_a_backup_file_that_is_not_one_of_its_records_is_refused(programme_loaded, final_editor, tmp_path,
                                                                settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    _edition_with_pdf(final_editor)
    path = tmp_path / "backup.json"
    payload = json.loads(_export(path))
    payload["files"][0]["name"] = "rapportages/vgr-2025/iets-anders.pdf"
    path.write_text(json.dumps(payload))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="hoort bij geen enkel record"):
        call_command("import_programme", input=path, stdout=io.StringIO())
    assert not Measure.objects.exists()


def test_the_backup_is_private_to_its_owner_and_says_what_it_holds(db, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text("oud")
    path.chmod(0o644)
    out = io.StringIO()
    call_command("export_programme", output=path, stdout=out)
    assert path.stat().st_mode & 0o777 == 0o600
    assert "wachtwoord-hashes" in out.getvalue() and "API-tokens zitten er niet in" in out.getvalue()


@pytest.mark.parametrize("version", [1, 3, None])
def test_a_backup_of_another_format_version_is_refused_and_restores_nothing(db, tmp_path, version):
    """Format 1 is the layout before the programme app; a later version is not known yet."""
    path = tmp_path / "backup.json"
    path.write_text(json.dumps({"format": "passend-backup", "version": version, "objects": [
        {"model": "programme.programme", "pk": 1, "fields": {"title": "Oud"}},
    ]}), encoding="utf-8")
    with pytest.raises(CommandError, match=f"Onbekende versie van het back-upformaat: {version}."):
        call_command("import_programme", input=path, stdout=io.StringIO())
    assert not Measure.objects.exists() and not Programme.objects.exists()


def test_references_to_records_later_in_the_file_are_restored(programme_loaded, editor, final_editor, tmp_path):
    """A reference by natural key (an account, by user name) to a record further down the
    file cannot be resolved when it is read: it is restored once that record exists."""
    measure = Measure.objects.get(code="8a")
    measure.editors.add(editor)
    publish(measure, editor=editor, final_editor=final_editor, summary="Bijgewerkt.")
    path = tmp_path / "backup.json"
    original = _export(path)
    payload = json.loads(original)
    accounts = [item for item in payload["objects"] if item["model"] == "auth.user"]
    assert accounts
    payload["objects"] = [item for item in payload["objects"] if item["model"] != "auth.user"] + accounts
    path.write_text(json.dumps(payload), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)

    call_command("import_programme", input=path, stdout=io.StringIO())

    assert [user.username for user in Measure.objects.get(code="8a").editors.all()] == ["redacteur"]
    assert ChangeRecord.objects.get(action=ChangeAction.PUBLISHED).user.username == "eindredacteur"
    assert _export(tmp_path / "again.json") == original


def test_a_role_this_database_does_not_know_is_named_and_nothing_is_restored(programme_loaded, editor, tmp_path):
    path = tmp_path / "backup.json"
    payload = json.loads(_export(path))
    account = next(item for item in payload["objects"] if item["model"] == "auth.user")
    account["fields"]["groups"] = [["hoofdredacteur"]]
    path.write_text(json.dumps(payload), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=r"niet te lezen.*hoofdredacteur"):
        call_command("import_programme", input=path, stdout=io.StringIO())
    assert not Measure.objects.exists() and not get_user_model().objects.exists()
