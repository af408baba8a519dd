"""The snapshot a generation renders from."""
import json

import pytest

from legislation.models import ExpectedLaw
from measures.models import Measure
from motions.models import Motion
from programme.models import ReportEdition
from reports.rendering import SnapshotVersionError, report_context
from reports.snapshot import report_snapshot_build, report_snapshot_checksum


@pytest.fixture
def snapshot(programme):
    return report_snapshot_build(edition=ReportEdition.objects.get(key="vgr-2025"))


def test_snapshot_holds_everything_the_report_shows(snapshot):
    assert (
        len(snapshot["measures"])
        == Measure.objects.filter(programme__slug="verbeteraanpak-passend-onderwijs").count()
        == 31
    )
    assert len(snapshot["motions"]) == Motion.objects.count() == 28
    assert len(snapshot["laws"]) == ExpectedLaw.objects.count() == 8
    assert len(snapshot["goals"]) == 7
    assert len(snapshot["stakeholder_table"]) == 10
    measure = next(m for m in snapshot["measures"] if m["code"] == "8b")
    assert measure["parent_code"] == "8"
    assert measure["steps"][0].startswith("Begeleiden van 15 proeftuinen")
    assert measure["stakeholders"][0] == "Leerlingen en jongeren"
    assert snapshot["edition"]["reference_date"] == "2025-02-01"


def test_snapshot_is_plain_json_and_its_checksum_ignores_key_order(snapshot):
    copy = json.loads(json.dumps(snapshot))
    assert copy == snapshot
    reordered = dict(reversed(list(copy.items())))
    assert report_snapshot_checksum(reordered) == report_snapshot_checksum(snapshot)
    copy["measures"][0]["title"] += " (gewijzigd)"
    assert report_snapshot_checksum(copy) != report_snapshot_checksum(snapshot)


def test_snapshot_does_not_follow_later_edits(snapshot):
    Measure.objects.filter(code="2").update(title="Een later gewijzigde titel")
    assert next(m for m in snapshot["measures"] if m["code"] == "2")["title"] == (
        "Een landelijke norm voor basisondersteuning"
    )


def test_rendering_refuses_a_snapshot_of_another_version(snapshot):
    with pytest.raises(SnapshotVersionError):
        report_context(dict(snapshot, version=999), medium="print")


def test_rendering_leaves_the_snapshot_untouched(snapshot):
    before = json.dumps(snapshot, sort_keys=True)
    report_context(snapshot, medium="print")
    assert json.dumps(snapshot, sort_keys=True) == before
