"""The site search's index: what it finds in the programme, that it follows every
publish, and that SQLite (the embedded default) finds exactly what PostgreSQL finds."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from core.content_version import content_changed
from measures.models import Measure
from search import SearchDocument, SearchKind, site
from search.models import SearchEntry
from search.selectors import search_keys, search_results
from search.services import search_index_rebuild, search_index_sync
from workspace import site as workspace_site
from workspace.services import draft_for, draft_publish, draft_save, edit_token

ROOT = Path(__file__).resolve().parents[2]
# Words, parts of words, codes, phrases and typos a reader might type.
QUERIES = ["thuiszitters", "thuisz", "TLV", "verzuimen", "leraar", "31497-373", "8a", "ouders leerlingen",
           '"digitale school"', "samenwerkingsvrband", "zorgplicht", "inclusief onderwijs", "xylofoonorkest"]


def _found(query, **kwargs):
    return [(result.kind, result.key) for result in search_results(query=query, **kwargs)]


@pytest.mark.usefixtures("programme_loaded")
class TestTheProgramme:
    def test_thuiszitters_finds_measure_8_its_sub_measures_and_the_commitment(self):
        found = _found("thuiszitters")
        # 8a, 8c and 8d speak of thuiszitten themselves; 8 lists all four.
        for code in ["8", "8a", "8c", "8d"]:
            assert ("maatregelen", code) in found
        [measure_8] = [result for result in search_results(query="thuiszitters") if result.key == "8"]
        assert [url for _, url in measure_8.related] == [f"/maatregelen/8{letter}/" for letter in "abcd"]
        commitments = [result for result in search_results(query="thuiszitters") if result.kind == "toezeggingen"]
        assert any("<mark>thuiszittende</mark> kinderen" in result.snippet for result in commitments)

    def test_the_most_relevant_come_first(self):
        # Measure 8d has the word in its title.
        assert _found("thuiszitters")[0] == ("maatregelen", "8d")

    def test_every_kind_is_searched(self):
        kinds = {kind for query in ["31497-373", "passend onderwijs", "ouders", "wetsvoorstel"]
                 for kind, _ in _found(query)}
        assert {"maatregelen", "moties", "toezeggingen", "wetgeving", "betrokkenen"} <= kinds
        assert ("kerncijfers", "oza-leerlingen") in _found("onderwijszorgarrangementen")

    def test_key_figures_are_found_by_what_they_count(self):
        found = [result for result in search_results(query="onderwijszorgarrangementen leerlingen")
                 if result.kind == "kerncijfers"]
        assert [result.url for result in found][:1] == ["/kerncijfers/#reeks-oza-leerlingen"]

    def test_a_kind_alone(self):
        assert {kind for kind, _ in _found("thuiszitters", kind="maatregelen")} == {"maatregelen"}
        assert search_keys(query="thuiszitters", kind="maatregelen")[0] == "8d"

    def test_every_word_must_match(self):
        assert set(_found("thuiszitters xylofoonorkest")) == set()
        assert set(_found("thuiszitters verzuim")) < set(_found("thuiszitters"))

    def test_a_sync_without_changes_rewrites_nothing(self):
        report = search_index_sync()
        assert (report.added, report.changed, report.removed) == (0, 0, 0)

    def test_a_rebuild_finds_the_same(self):
        before = {query: _found(query) for query in QUERIES}
        search_index_rebuild()
        assert {query: _found(query) for query in QUERIES} == before


def _publish(measure, editor, final_editor, **changes):
    document = dict(workspace_site.for_record(measure).document(measure), **changes)
    token = edit_token(record=measure, draft=draft_for(record=measure))
    draft_save(record=measure, user=editor, document=document, expected_token=token)
    measure.refresh_from_db()
    draft_publish(record=measure, user=final_editor,
                  expected_token=edit_token(record=measure, draft=draft_for(record=measure)))


@pytest.mark.usefixtures("programme_loaded")
def test_a_publish_updates_the_index_in_its_own_transaction(editor, final_editor):
    measure = Measure.objects.get(code="5")
    assert _found("klankbordgroep") == []
    _publish(measure, editor, final_editor, summary="Een klankbordgroep van ouders denkt mee.")
    assert ("maatregelen", "5") in _found("klankbordgroepen")
    # Only the published measure was indexed anew.
    entry = SearchEntry.objects.get(kind="maatregelen", key="5")
    assert "klankbordgroep" in entry.body


@pytest.mark.usefixtures("programme_loaded")
def test_a_change_that_rolls_back_leaves_the_index_as_it_was():
    measure = Measure.objects.get(code="5")
    with pytest.raises(RuntimeError), transaction.atomic():
        Measure.objects.filter(pk=measure.pk).update(summary="Een klankbordgroep.")
        content_changed()
        assert ("maatregelen", "5") in _found("klankbordgroep")
        raise RuntimeError
    assert _found("klankbordgroep") == []


@pytest.mark.django_db
def test_another_kind_registers_its_documents(monkeypatch):
    kind = SearchKind(slug="voorbeeld", label="Voorbeelden", position=50, documents=lambda: [
        SearchDocument(key="thuiszitters", label="Voorbeeld", title="Aantal thuiszitters", url="/voorbeeld/1/",
                       texts=["Het aantal kinderen dat langer dan drie maanden thuiszit."]),
    ])
    monkeypatch.setitem(site._kinds, kind.slug, kind)
    search_index_sync()
    [result] = search_results(query="thuiszittende kinderen")
    assert (result.kind, result.kind_label, result.url) == ("voorbeeld", "Voorbeelden", "/voorbeeld/1/")
    monkeypatch.delitem(site._kinds, kind.slug)
    search_index_sync()
    assert search_results(query="thuiszittende kinderen") == []


def _results_everywhere() -> dict:
    return {query: [[result.kind, result.key, result.score, str(result.title), str(result.snippet)]
                    for result in search_results(query=query)] for query in QUERIES}


_SQLITE_SCRIPT = """
import json
from search.selectors import search_results
QUERIES = json.loads({queries!r})
print(json.dumps({{query: [[r.kind, r.key, r.score, str(r.title), str(r.snippet)] for r in search_results(query=query)]
                  for query in QUERIES}}))
"""


@pytest.mark.usefixtures("programme_loaded")
def test_sqlite_finds_exactly_what_postgresql_finds(tmp_path):
    """The embedded default (SQLite, no broker) in a process of its own: migrate, load
    the programme, search; the results, scores and snippets equal PostgreSQL's."""
    env = {key: value for key, value in os.environ.items() if key != "CELERY_BROKER_URL"}
    env.update(DJANGO_SETTINGS_MODULE="passend.settings.base", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    manage = [sys.executable, str(ROOT / "manage.py")]

    def run(*args):
        return subprocess.run([*manage, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True,
                              timeout=600).stdout

    run("migrate", "--no-input", "-v0")
    run("load_programme", "--fixtures", str(settings.PROGRAMME_FIXTURES_DIR))
    output = run("shell", "-c", _SQLITE_SCRIPT.format(queries=json.dumps(QUERIES)))
    sqlite = json.loads(output.strip().splitlines()[-1])
    postgresql = _results_everywhere()
    assert sqlite == postgresql
    assert sqlite["thuiszitters"]
