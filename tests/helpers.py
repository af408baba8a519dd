"""Plain helpers shared by test modules (fixtures live in the conftest.py files)."""
import io
import os
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

FIXTURES = Path(settings.PROGRAMME_FIXTURES_DIR)
# The source documents (../shared/seeds/ next to the project, or PASSEND_SEEDS_DIR): tests
# that check our content against them need them, and say so when they are not there.
SEEDS = Path(os.environ.get("PASSEND_SEEDS_DIR") or Path(settings.BASE_DIR).parent / "shared" / "seeds")
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the source documents are not at {SEEDS} (set PASSEND_SEEDS_DIR)"
)


def programme_load() -> None:
    """Load fixtures/ as ``manage.py load_programme`` does."""
    call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, stdout=io.StringIO())


def fixture(name: str):
    """A fixture file as the content team wrote it: the expectations' independent source."""
    with (FIXTURES / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def fixture_measures() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((FIXTURES / "measures").glob("*.yaml"))]


def measure_count(codes: list[str]) -> str:
    """How a list's heading counts these measures: "25 maatregelen (31 met submaatregelen)"."""
    main = sum(1 for code in codes if str(code).isdigit())
    text = f"{main} maatregel{'' if main == 1 else 'en'}"
    return text if main == len(codes) else f"{text} ({len(codes)} met submaatregelen)"


def codes_counted_under(group_name: str) -> list[str]:
    """The measures whose "Betrokkenen" box names a label that counts under the group
    (fixtures/stakeholders.yaml), in the report's order."""
    [group] = [entry for entry in fixture("stakeholders.yaml") if entry["name"] == group_name]
    labels = set(group.get("labels") or [])
    return [entry["code"] for entry in fixture_measures() if labels & set(entry.get("stakeholders") or [])]


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def current_token(record) -> str:
    """The edit token of the record as it is now in the database (with its draft, if any)."""
    from workspace.services import draft_for, edit_token

    record.refresh_from_db()
    return edit_token(record=record, draft=draft_for(record=record))


def publish(record, *, editor, final_editor, document: dict | None = None, **changes) -> None:
    """Publish a change the way staff do: the redacteur saves a draft (the record's
    current document with ``changes``, or ``document`` as given) and offers it for
    review, and the eindredacteur publishes it."""
    from workspace import site
    from workspace.services import draft_publish, draft_save, draft_submit

    if document is None:
        record.refresh_from_db()
        document = site.for_record(record).document(record)
    draft_save(record=record, user=editor, document={**document, **changes}, expected_token=current_token(record))
    draft_submit(record=record, user=editor, expected_token=current_token(record))
    draft_publish(record=record, user=final_editor, expected_token=current_token(record))
    record.refresh_from_db()
