"""manage.py load_programme: idempotent, keeps staff edits, applies fixture changes, refuses
malformed files as a whole."""
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from core.content_version import content_version
from legislation.models import ExpectedLaw
from measures.documents import measure_document
from measures.models import Measure, MeasureItem, MeasureItemKind
from motions.models import Commitment, Motion

CONTENT_APPS = ["measures", "motions", "legislation", "reports"]


def _dump() -> dict[str, list[dict]]:
    """Every row of every table of the content apps, m2m tables included."""
    rows = {}
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    return rows


def _load(fixtures: Path | None = None, **options) -> str:
    out = io.StringIO()
    call_command("load_programme", fixtures=fixtures or settings.PROGRAMME_FIXTURES_DIR, stdout=out, **options)
    return out.getvalue()


def _counts(report: str) -> dict[str, int]:
    match = re.match(r"Nieuw: (\d+), bijgewerkt: (\d+), ongewijzigd: (\d+), historie toegevoegd: (\d+)\.", report)
    assert match, report
    return dict(zip(["created", "updated", "unchanged", "history"], map(int, match.groups()), strict=True))


@pytest.fixture
def fixtures_copy(tmp_path) -> Path:
    folder = tmp_path / "fixtures"
    shutil.copytree(settings.PROGRAMME_FIXTURES_DIR, folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found exactly once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _edit_as_staff() -> None:
    """What a published staff edit leaves in the tables: changed text, items and status."""
    measure = Measure.objects.get(code="2")
    measure.introduction = "Door de redactie herschreven inleiding."
    measure.save()
    first_step = measure.items.get(kind=MeasureItemKind.STEP, position=1)
    first_step.text = "Door de redactie aangepaste stap."
    first_step.save()
    MeasureItem.objects.create(
        measure=measure, kind=MeasureItemKind.STEP, position=3, text="Nieuwe stap van de redactie."
    )
    Motion.objects.filter(kamerstuk="31497-373").update(status="uitgevoerd")


def _steps(code: str) -> list[str]:
    return list(
        Measure.objects.get(code=code)
        .items.filter(kind=MeasureItemKind.STEP)
        .order_by("position")
        .values_list("text", flat=True)
    )


# --- Idempotency ---------------------------------------------------------------------------


def test_first_load_creates_everything(db):
    counts = _counts(_load())
    assert counts["created"] > 0
    assert counts["updated"] == counts["unchanged"] == 0
    assert counts["history"] > 0
    assert Measure.objects.count() == 31


def test_second_load_changes_nothing(programme_loaded):
    before = _dump()
    assert len(before["measures.Measure"]) == 31

    report = _load()

    assert _dump() == before
    counts = _counts(report)
    assert (counts["created"], counts["updated"], counts["history"]) == (0, 0, 0)
    assert counts["unchanged"] > 0
    assert "Niet overschreven" not in report
    assert "overschreven" not in report


def test_check_agrees_after_loading(programme_loaded):
    assert "Database en bestanden komen overeen." in _load(check=True)


def test_check_reports_a_difference_after_a_database_edit(programme_loaded):
    Measure.objects.filter(code="2").update(title="Een andere titel")
    Motion.objects.filter(kamerstuk="31497-373").update(status="uitgevoerd")
    out = io.StringIO()

    with pytest.raises(CommandError, match=r"2 verschil"):
        call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, check=True, stdout=out)

    assert "maatregel 2: title verschilt" in out.getvalue()
    assert "motie 31497-373: status verschilt" in out.getvalue()


def test_check_changes_nothing(programme_loaded):
    Measure.objects.filter(code="2").update(title="Een andere titel")
    before = _dump()
    with pytest.raises(CommandError):
        _load(check=True)
    assert _dump() == before


# --- Staff edits ---------------------------------------------------------------------------


def test_staff_edits_survive_a_reload_and_are_reported(programme_loaded):
    _edit_as_staff()
    before = _dump()

    report = _load()

    assert _dump() == before
    measure = Measure.objects.get(code="2")
    assert measure.introduction == "Door de redactie herschreven inleiding."
    assert _steps("2")[0] == "Door de redactie aangepaste stap."
    assert _steps("2")[-1] == "Nieuwe stap van de redactie."
    assert Motion.objects.get(kamerstuk="31497-373").status == "uitgevoerd"
    kept = report.split("Niet overschreven", 1)[1]
    assert "maatregel 2" in kept
    assert "motie 31497-373" in kept
    assert _counts(report)["updated"] == 0


def test_overwrite_edits_replaces_staff_edits_with_the_files(programme_loaded):
    _edit_as_staff()

    report = _load(overwrite_edits=True)

    measure = Measure.objects.get(code="2")
    assert measure.introduction.startswith("Vertegenwoordigers van leraren en ouders werken samen")
    assert len(_steps("2")) == 2
    assert _steps("2")[0].startswith("Een oproep van voormalig minister Wiersma")
    assert Motion.objects.get(kamerstuk="31497-373").status == "in_uitvoering"
    overwritten = report.split("Bewerkingen overschreven:", 1)[1]
    assert "maatregel 2" in overwritten
    assert "motie 31497-373" in overwritten
    assert "Database en bestanden komen overeen." in _load(check=True)


def test_an_edited_record_keeps_its_edit_when_its_file_changes_too(programme_loaded, fixtures_copy):
    Measure.objects.filter(code="9").update(summary="Tekst van de redactie.")
    _edit(fixtures_copy, "measures/09.yaml", "Begin 2025 zijn verkennende sessies", "Begin 2025 zijn nieuwe sessies")

    report = _load(fixtures_copy)

    assert Measure.objects.get(code="9").summary == "Tekst van de redactie."
    assert "maatregel 9" in report.split("Niet overschreven", 1)[1]


# --- Fixture changes -----------------------------------------------------------------------


def test_a_fixture_change_on_an_unedited_record_is_applied(programme_loaded, fixtures_copy):
    _edit(fixtures_copy, "measures/09.yaml", "Begin 2025 zijn verkennende sessies", "Begin 2025 zijn nieuwe sessies")
    _edit(
        fixtures_copy,
        "motions.yaml",
        'title: "Wetsvoorstel doorzettingsmacht"',
        'title: "Wetsvoorstel over doorzettingsmacht"',
    )
    _edit(
        fixtures_copy,
        "measures/21.yaml",
        '  - "Internetconsultatie van het wetsvoorstel."\n',
        '  - "Internetconsultatie van het wetsvoorstel."\n  - "Een extra vervolgstap."\n',
    )

    report = _load(fixtures_copy)

    assert Measure.objects.get(code="9").summary.startswith("Begin 2025 zijn nieuwe sessies")
    assert Motion.objects.get(kamerstuk="31497-354").title == "Wetsvoorstel over doorzettingsmacht"
    next_steps = Measure.objects.get(code="21").items.filter(kind=MeasureItemKind.NEXT_STEP).order_by("position")
    assert [item.text for item in next_steps] == [
        "Internetconsultatie van het wetsvoorstel.",
        "Een extra vervolgstap.",
        "Aanbieding aan de Tweede en Eerste Kamer voor behandeling.",
    ]
    assert _counts(report)["updated"] == 3
    assert "Niet overschreven" not in report
    # The changed files are now the baseline: loading them again changes nothing.
    before = _dump()
    assert _counts(_load(fixtures_copy))["updated"] == 0
    assert _dump() == before
    assert "Database en bestanden komen overeen." in _load(fixtures_copy, check=True)


# --- Internal notes ------------------------------------------------------------------------


def test_internal_notes_are_loaded_and_a_changed_note_is_applied(programme_loaded, fixtures_copy):
    assert "I Wisveeting" in Measure.objects.get(code="14").internal_note
    assert "V Ureread" in Motion.objects.get(kamerstuk="36200-93").internal_note
    assert '"da." in de OCR-tekst' in ExpectedLaw.objects.get(number="4a").internal_note
    assert "T01575" in Commitment.objects.get(code="T01575").internal_note
    _edit(fixtures_copy, "measures/14.yaml", "Daarom in_uitvoering.", "Daarom in_uitvoering. Opnieuw nagekeken.")
    _edit(fixtures_copy, "laws.yaml", '"da." in de OCR-tekst', '"da." in de OCR-tekst (nagekeken)')

    report = _load(fixtures_copy)

    assert Measure.objects.get(code="14").internal_note.count("Opnieuw nagekeken.") == 1
    assert "(nagekeken)" in ExpectedLaw.objects.get(number="4a").internal_note
    assert _counts(report)["updated"] == 2
    assert "Niet overschreven" not in report
    assert _counts(_load(fixtures_copy))["updated"] == 0


def test_records_loaded_before_notes_existed_take_their_notes_from_the_files(programme_loaded):
    """A database loaded before the field existed has checksums of documents without a
    note; those records are untouched, so the files' notes reach them."""
    for measure in Measure.objects.all():
        document = measure_document(measure)
        del document["internal_note"]
        Measure.objects.filter(pk=measure.pk).update(internal_note="", fixture_checksum=hashlib.sha256(
            json.dumps(document, sort_keys=True, default=str).encode()).hexdigest())

    report = _load()

    assert "Niet overschreven" not in report
    assert "I Wisveeting" in Measure.objects.get(code="14").internal_note
    assert _counts(report)["updated"] == Measure.objects.exclude(internal_note="").count()


# --- Malformed fixtures --------------------------------------------------------------------

# (file, text replaced, replacement, words the error must contain)
MALFORMED = {
    "bad-yaml": (
        "measures/02.yaml",
        'title: "Een landelijke norm voor basisondersteuning"',
        "title: [Een landelijke norm",
        ["02.yaml", "YAML"],
    ),
    "unknown-status": ("measures/05.yaml", "status: in_opstartfase", "status: half_klaar", ["05.yaml", "half_klaar"]),
    "bad-measure-code": ("measures/05.yaml", 'code: "5"', 'code: "vijf"', ["05.yaml", "vijf"]),
    "unknown-measure-in-motions": (
        "motions.yaml",
        'measures: ["21"]',
        'measures: ["99"]',
        ["motions.yaml", "31497-373", "99"],
    ),
    "unknown-measure-in-goals": (
        "goals.yaml",
        'measures: ["1", "4", "5", "7", "13"]',
        'measures: ["1", "4", "5", "7", "13", "26"]',
        ["goals.yaml", "26"],
    ),
    "unknown-measure-in-laws": ("laws.yaml", 'measures: ["21"]', 'measures: ["27"]', ["laws.yaml", "27"]),
    "unknown-source": ("editions.yaml", "  source: vgr-2025\n", "  source: vgr-2099\n", ["editions.yaml", "vgr-2099"]),
    "bad-kamerstuk-number": (
        "motions.yaml",
        'number: "31497-373"',
        'number: "31497/373"',
        ["motions.yaml", "31497/373"],
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_fixture_gives_a_clear_error_and_changes_nothing(case, programme_loaded, fixtures_copy):
    name, old, new, words = MALFORMED[case]
    _edit(fixtures_copy, name, old, new)
    # A valid change in an earlier file: it must not be applied either.
    _edit(fixtures_copy, "measures/01.yaml", "Het leerrecht, waarmee", "Het leerrecht waarmee")
    before = _dump()

    with pytest.raises(CommandError) as error:
        _load(fixtures_copy)

    for word in words:
        assert word in str(error.value)
    assert _dump() == before


def test_a_missing_file_is_named(programme_loaded, fixtures_copy):
    (fixtures_copy / "laws.yaml").unlink()
    with pytest.raises(CommandError, match="laws.yaml"):
        _load(fixtures_copy)


@pytest.mark.django_db(transaction=True)
def test_a_failing_load_is_rolled_back_as_a_whole(fixtures_copy):
    """With real commits: an error late in the load (motions come after measures) leaves the
    committed content exactly as it was, and cached public pages stay valid."""
    _load()
    before = _dump()
    version = content_version()
    _edit(fixtures_copy, "measures/09.yaml", "Begin 2025 zijn verkennende sessies", "Begin 2025 zijn nieuwe sessies")
    _edit(fixtures_copy, "motions.yaml", 'measures: ["21"]', 'measures: ["99"]')

    with pytest.raises(CommandError, match="motions.yaml"):
        _load(fixtures_copy)

    assert _dump() == before
    assert Measure.objects.get(code="9").summary.startswith("Begin 2025 zijn verkennende sessies")
    assert content_version() == version
