import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from measures.models import Measure, MeasureStatusChange
from motions.models import Motion
from search.selectors import search_keys
from workspace.models import ChangeRecord

pytestmark = pytest.mark.django_db(transaction=True)


def _export(path) -> str:
    call_command("export_programme", output=path, stdout=io.StringIO())
    return path.read_text(encoding="utf-8")


def test_export_import_round_trip_is_identical(programme_loaded, editor, final_editor, tmp_path):
    from workspace import site
    from workspace.services import draft_for, draft_publish, draft_save, edit_token

    measure = Measure.objects.get(code="8a")
    draft_save(
        record=measure,
        user=editor,
        document=dict(site.for_record(measure).document(measure), summary="Bijgewerkt."),
        expected_token=edit_token(record=measure, draft=None),
    )
    measure.refresh_from_db()
    draft_publish(
        record=measure, user=final_editor, expected_token=edit_token(record=measure, draft=draft_for(record=measure))
    )
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
