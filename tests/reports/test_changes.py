"""The annex "Wijzigingen ten opzichte van de vorige voortgangsrapportage"."""
import copy

from reports.changes import report_changes


def test_2025_compares_with_the_2024_letter_and_says_so(snapshot_2025):
    changes = report_changes(snapshot_2025)
    assert changes.previous_edition is None
    assert changes.sources == ["Kamerbrief voortgangsrapportage verbeteraanpak passend onderwijs (mei 2024)"]
    assert [(c.code, c.before, c.now) for c in changes.measure_changes] == [
        ("11", "Besloten niet uit te voeren", "Afgerond"),
        ("19", "In uitvoering", "Afgerond"),
    ]
    # 10, 12, 13, 24 and 25 have the same status as in the letter; the rest has no earlier record.
    assert changes.measures_unchanged == 5
    assert changes.measures_without_basis == len(snapshot_2025["measures"]) - 7


def test_2025_planning_that_moved_with_its_whole_history(snapshot_2025):
    moved = {(c.law, c.milestone): c for c in report_changes(snapshot_2025).planning_changes}
    verzuim = moved[("1. Wetsvoorstel terugdringen verzuim", "Inwerkingtreding")]
    assert (verzuim.before, verzuim.now, verzuim.direction) == ("1 augustus 2025", "1 januari 2026", "later")
    assert verzuim.earlier == ["augustus ’24 (Webinar algemene voortgang passend onderwijs (2023))"]
    # Unchanged planning (the ouder- en jeugdsteunpunt on 1 januari 2025) is not listed.
    assert all(
        c.law != "2. Wetsvoorstel Versterking positie ouders en leerlingen in passend onderwijs" for c in moved.values()
    )


def _with_previous_edition(snapshot: dict) -> dict:
    """The 2025 snapshot as if the data held the third report, with its own records."""
    snapshot = copy.deepcopy(snapshot)
    previous = dict(
        copy.deepcopy(snapshot["edition"]),
        key="vgr-2024",
        number=3,
        reference_date="2024-02-01",
        title="Derde voortgangsrapportage verbeteraanpak passend onderwijs po/vo",
        source=None,
    )
    snapshot["previous_edition"] = previous
    motion = snapshot["motions"][0]
    motion["status"], motion["status_label"] = "uitgevoerd", "Uitgevoerd"
    motion["history"].insert(
        0,
        {
            "status": "in_uitvoering",
            "status_label": "In uitvoering",
            "when": "1 februari 2024",
            "sort_date": "2024-02-01",
            "explanation": "",
            "source": None,
            "edition_key": "vgr-2024",
        },
    )
    measure = next(m for m in snapshot["measures"] if m["code"] == "19")
    # A later letter says "in uitvoering" too, but the previous edition said "in opstartfase".
    measure["history"].insert(
        0,
        {
            "status": "in_opstartfase",
            "status_label": "In opstartfase",
            "when": "1 februari 2024",
            "sort_date": "2024-02-01",
            "explanation": "",
            "source": None,
            "edition_key": "vgr-2024",
        },
    )
    return snapshot


def test_a_previous_edition_is_preferred_over_later_sources(snapshot_2025):
    changes = report_changes(_with_previous_edition(snapshot_2025))
    assert changes.previous_edition["key"] == "vgr-2024"
    by_code = {c.code: c for c in changes.measure_changes}
    assert by_code["19"].before == "In opstartfase"
    assert by_code["19"].before_source == "bron niet vastgelegd"
    carried_out = [c.code for c in changes.motions_carried_out]
    assert carried_out == [snapshot_2025["motions"][0]["kamerstuk"]]


def test_records_of_the_edition_itself_are_never_the_basis(snapshot_2025):
    snapshot = copy.deepcopy(snapshot_2025)
    for measure in snapshot["measures"]:
        measure["history"] = [r for r in measure["history"] if r["edition_key"] == "vgr-2025"]
    changes = report_changes(snapshot)
    assert changes.measure_changes == []
    assert changes.measures_without_basis == len(snapshot["measures"])
