"""measures.selectors: the reads behind the public dashboard and the API, on real data."""
import datetime
from collections import Counter

import pytest

from core.content_version import content_changed
from dashboard import selectors as change_selectors
from measures import selectors
from measures.models import Measure, MeasureStatus, MeasureStatusChange
from search.services import search_index_sync
from tests.factories import (
    GoalFactory,
    LawMilestoneFactory,
    MeasureFactory,
    MeasureItemFactory,
    MilestonePlanningFactory,
    ProgrammeFactory,
    SourceDocumentFactory,
)
from tests.helpers import codes_counted_under, fixture, fixture_measures

pytestmark = pytest.mark.django_db


def codes(measures) -> list[str]:
    return [measure.code for measure in measures]


@pytest.mark.usefixtures("programme_in_class")
class TestMeasureList:
    def test_all_measures_and_sub_measures_in_the_reports_order(self):
        result = codes(selectors.measure_list())
        assert len(result) == 31
        assert result[:10] == ["1", "2", "3", "4", "5", "6", "7", "8", "8a", "8b"]
        assert result[-3:] == ["23", "24", "25"]

    def test_status(self):
        for status in MeasureStatus.values:
            expected = [entry["code"] for entry in fixture_measures() if entry["status"] == status]
            assert codes(selectors.measure_list(status=status)) == expected, status

    def test_a_status_no_measure_had_finds_the_one_that_gets_it(self):
        # No measure of the report is "niet uitgevoerd": give one that status, so the
        # filter is checked against something rather than two empty lists.
        Measure.objects.filter(code="14").update(status=MeasureStatus.NOT_CARRIED_OUT)
        assert codes(selectors.measure_list(status=MeasureStatus.NOT_CARRIED_OUT)) == ["14"]

    def test_goal_includes_the_sub_measures_of_its_measures(self):
        # The matrix links measure 8 (not 8a–8d) to goal 1.
        linked = fixture("goals.yaml")[0]["measures"]
        assert "8" in linked
        expected = [code for code in codes(selectors.measure_list()) if code.rstrip("abcd") in linked]
        assert codes(selectors.measure_list(goal=1)) == expected
        assert {"8a", "8b", "8c", "8d"} <= set(expected)
        assert "8a" not in codes(selectors.measure_list(goal=2))

    def test_unknown_goal_gives_nothing(self):
        assert codes(selectors.measure_list(goal=99)) == []

    def test_stakeholder_group(self):
        assert codes(selectors.measure_list(stakeholder="ouders")) == codes_counted_under("Ouders")
        assert codes(selectors.measure_list(stakeholder="jongerenleerlingen")) == codes_counted_under(
            "Jongeren/leerlingen")

    def test_prioritised(self):
        prioritised = fixture("prioritised_measures.yaml")["measures"]
        assert codes(selectors.measure_list(prioritised=True)) == prioritised
        assert len(selectors.measure_list(prioritised=False)) == 31 - len(prioritised)

    def test_filters_combine(self):
        prioritised = set(fixture("prioritised_measures.yaml")["measures"])
        completed = {entry["code"] for entry in fixture_measures() if entry["status"] == "afgerond"}
        in_goal_4 = set(fixture("goals.yaml")[3]["measures"])
        expected = [code for code in codes(selectors.measure_list()) if code in prioritised & completed & in_goal_4]
        assert expected
        assert codes(selectors.measure_list(prioritised=True, status=MeasureStatus.COMPLETED, goal=4)) == expected

    def test_search_uses_dutch_stemming(self):
        # "leraren" and "leraar" share the stem; so do "verzuim" and "verzuimen".
        assert codes(selectors.measure_list(query="leraren")) == codes(selectors.measure_list(query="leraar"))
        assert "17" in codes(selectors.measure_list(query="leraar"))
        assert codes(selectors.measure_list(query="verzuimen")) == ["8", "8a", "16a"]

    def test_search_by_code_and_phrase(self):
        assert "8a" in codes(selectors.measure_list(query="8a"))
        assert codes(selectors.measure_list(query='"digitale school"')) == ["8", "8a"]

    @pytest.mark.parametrize("query", ['a & | ! (', '"', "de het een", "x" * 200, "'; drop table"])
    def test_search_never_fails_on_odd_input(self, query):
        found = codes(selectors.measure_list(query=query))
        # Odd input finds at most what a search can find: measures of the current programme.
        assert set(found) <= set(codes(selectors.measure_list()))

    @pytest.mark.parametrize("query", ["x" * 200, "'; drop table"])
    def test_search_for_words_no_measure_has_finds_nothing(self, query):
        assert codes(selectors.measure_list(query=query)) == []

    def test_only_the_current_programme(self):
        predecessor = ProgrammeFactory(slug="voorganger", start_year=2014, end_year=2020)
        current = selectors.programme_current()
        current.predecessor = predecessor
        current.save()
        MeasureFactory(programme=predecessor, code="1", title="Maatregel van het oude plan")
        assert codes(selectors.measure_list()).count("1") == 1
        assert selectors.programme_current() == current


@pytest.mark.usefixtures("programme_in_class")
class TestOnRealData:
    def test_measure_detail_raises_for_an_unknown_code(self):
        with pytest.raises(Measure.DoesNotExist):
            selectors.measure_detail(code="99")

    def test_measure_sections_in_the_reports_order(self):
        measure = selectors.measure_detail(code="8a")
        kinds = [section.kind for section in selectors.measure_sections(measure=measure)]
        assert kinds == ["dilemma", "step", "next_step", "school_action", "link"]

    def test_status_summary_counts_the_25_measures(self):
        mix = selectors.measure_status_summary()
        assert mix.total == 25
        top_level = [entry for entry in fixture_measures() if not entry["code"][-1].isalpha()]
        counts = {count.status: count.count for count in mix.counts}
        assert counts == {
            status: sum(entry["status"] == status for entry in top_level) for status in MeasureStatus.values
        }
        assert sum(count.percent for count in mix.counts) == 100

    def test_goal_list_with_status_mix(self):
        goals = selectors.goal_list()
        assert [goal.number for goal in goals] == [1, 2, 3, 4, 5, 6, 7]
        for goal, wanted in zip(goals, fixture("goals.yaml"), strict=True):
            assert [measure.code for measure in goal.first_measures] == wanted["measures"]
            assert goal.status_mix.total == len(wanted["measures"])

    def test_goal_status_mix_counts_the_statuses_of_its_measures(self):
        statuses = {entry["code"]: entry["status"] for entry in fixture_measures()}
        for goal, wanted in zip(selectors.goal_summaries(), fixture("goals.yaml"), strict=True):
            expected = Counter(statuses[code] for code in wanted["measures"])
            assert {count.status: count.count for count in goal.status_mix.present} == dict(expected)

    def test_matrix(self):
        matrix = selectors.goal_measure_matrix(measures=selectors.matrix_measures())
        assert len(matrix.goals) == 7
        assert len(matrix.rows) == 25
        goals = fixture("goals.yaml")
        for row in matrix.rows:
            assert row.cells == [row.measure.code in goal["measures"] for goal in goals]

    def test_status_history_knows_the_previous_status(self):
        measure = selectors.measure_detail(code="19")
        history = selectors.status_history(records=list(measure.status_changes.all()))
        assert [entry.record.status for entry in history] == ["in_uitvoering", "afgerond"]
        assert [entry.is_change for entry in history] == [False, True]
        assert history[1].previous_label == "In uitvoering"
        assert history[1].edition.key == "vgr-2025"

    def test_a_draft_edition_is_not_shown_with_a_status(self):
        from programme.models import EditionStatus, ReportEdition

        # The newest edition is the one an open edition can be (at most one is open).
        ReportEdition.objects.filter(key="vgr-2025").update(status=EditionStatus.OPEN)
        measure = selectors.measure_detail(code="19")
        history = selectors.status_history(records=list(measure.status_changes.all()))
        assert all(entry.edition is None for entry in history)
        assert all(change.edition is None or change.edition.key != "vgr-2025"
                   for change in change_selectors.change_list())

    def test_stakeholder_groups_table_first(self):
        groups = list(selectors.stakeholder_group_list())
        table = fixture("stakeholders.yaml")
        assert [group.name for group in groups[: len(table)]] == [group["name"] for group in table]
        for group in groups:
            assert group.measure_count == len(codes_counted_under(group.name)), group.name


@pytest.mark.parametrize(
    "statuses",
    [["afgerond"] * 1 + ["in_uitvoering"] * 2, ["afgerond"] * 3 + ["onbekend"] * 3 + ["in_opstartfase"], []],
)
def test_status_percentages_add_up_to_100(statuses):
    mix = selectors._status_mix(Counter(statuses))
    assert sum(count.percent for count in mix.counts) == (100 if statuses else 0)
    assert all(count.percent == 0 for count in mix.counts if not count.count)


@pytest.mark.usefixtures("programme_in_class")
class TestChangeList:
    def test_real_changes_newest_first(self):
        changes = change_selectors.change_list(only_changes=True)
        measure_changes = [(change.subject.code, change.previous, change.current)
                           for change in changes if change.kind == "measure"]
        assert ("19", "In uitvoering", "Afgerond") in measure_changes
        assert ("11", "Besloten niet uit te voeren", "Afgerond") in measure_changes
        dates = [change.date for change in changes]
        assert dates == sorted(dates, reverse=True)
        assert all(change.is_change for change in changes)

    def test_everything_recorded_without_only_changes(self):
        everything = change_selectors.change_list()
        assert len(everything) > len(change_selectors.change_list(only_changes=True))
        assert len([change for change in everything if change.kind == "measure"]) == MeasureStatusChange.objects.count()

    def test_planning_moves_of_a_law(self):
        moves = [
            (change.previous, change.current, change.source_title)
            for change in change_selectors.change_list()
            if change.kind == "planning" and change.subject.slug == "1-wetsvoorstel-terugdringen-verzuim"
            and change.milestone.phase == "inwerkingtreding"
        ]
        # "augustus ’24" → "1 augustus 2025" (the 2024 letter) → "1 januari 2026" (the 2025 report).
        assert [(previous, current) for previous, current, _ in moves] == [
            ("1 augustus 2025", "1 januari 2026"),
            ("augustus ’24", "1 augustus 2025"),
        ]

    def test_per_measure_includes_sub_measures_motions_and_laws(self):
        changes = change_selectors.change_list(measure="8")
        subjects = {(change.kind, getattr(change.subject, "code", None) or getattr(change.subject, "slug", None)
                     or change.subject.kamerstuk) for change in changes}
        assert ("measure", "8") in subjects
        assert ("measure", "8a") in subjects
        assert ("planning", "1-wetsvoorstel-terugdringen-verzuim") in subjects
        assert all(change.kind != "measure" or change.subject.code.startswith("8") for change in changes)

    def test_per_goal(self):
        changes = change_selectors.change_list(goal=2)
        measure_codes = {change.subject.code for change in changes if change.kind == "measure"}
        assert measure_codes == set(fixture("goals.yaml")[1]["measures"])

    def test_limit(self):
        assert len(change_selectors.change_list(limit=3)) == 3


def test_goal_measure_counts_use_only_the_matrix():
    goal = GoalFactory(number=1)
    parent = MeasureFactory(code="8")
    MeasureFactory(code="8a", parent=parent, status=MeasureStatus.UNKNOWN)
    goal.measures.add(parent)
    [listed] = selectors.goal_list()
    assert listed.status_mix.total == 1


def test_sources_oldest_first():
    SourceDocumentFactory(key="nieuw", date=datetime.date(2025, 1, 1))
    SourceDocumentFactory(key="oud", date=None, date_text="mei 2014")
    assert [source.key for source in selectors.source_list()] == ["oud", "nieuw"]


def test_search_finds_text_of_the_narrative_items_only():
    measure = MeasureFactory(title="Iets anders")
    MeasureItemFactory(measure=measure, text="Pilots met scholen in de regio.")
    MeasureFactory(title="Nog iets")
    search_index_sync()
    # "school" finds "scholen" and "pilot" finds "Pilots": the Dutch stemmer at work.
    assert codes(selectors.measure_list(query="school pilot")) == [measure.code]


def test_a_planning_moved_by_staff_is_dated_by_the_move():
    milestone = LawMilestoneFactory(planned_text="1 januari 2027")
    MilestonePlanningFactory(
        milestone=milestone, planned_text="1 januari 2026", source=None, superseded_on=datetime.date(2026, 3, 4)
    )
    [change] = change_selectors.change_list()
    assert change.date == datetime.date(2026, 3, 4)
    assert (change.previous, change.current) == ("1 januari 2026", "1 januari 2027")


def test_the_search_follows_every_announced_change_of_the_content():
    """Publishing, loading the fixtures and the open-data sync announce their writes with
    content_changed; the search index follows in the same transaction."""
    measure = MeasureFactory(title="Iets anders")
    item = MeasureItemFactory(measure=measure, text="Pilots met scholen in de regio.")
    content_changed()
    assert codes(selectors.measure_list(query="pilot")) == [measure.code]

    item.text = "Gesprekken met ouders."
    item.save()
    content_changed()
    assert codes(selectors.measure_list(query="pilot")) == []
    assert codes(selectors.measure_list(query="ouders")) == [measure.code]

    item.delete()
    content_changed()
    assert codes(selectors.measure_list(query="ouders")) == []

    measure.title = "Bekostiging van leerlingenvervoer"
    measure.save()
    content_changed()
    assert codes(selectors.measure_list(query="leerlingenvervoer")) == [measure.code]


def test_the_goal_list_shows_the_first_measures_of_a_long_goal_in_order():
    goal = GoalFactory(number=1)
    goal.measures.set(MeasureFactory(code=str(number)) for number in range(14, 0, -1))
    [listed] = selectors.goal_list()
    assert [measure.code for measure in listed.first_measures] == [str(n) for n in range(1, 13)]
    assert listed.status_mix.total == 14


def test_history_in_words_names_each_change_once():
    def record(status, date_text="", effective_date=None):
        return MeasureStatusChange(status=status, date_text=date_text, effective_date=effective_date)

    history = selectors.status_history(records=[
        record(MeasureStatus.STARTING, "mei 2023"),
        record(MeasureStatus.IN_PROGRESS, "mei 2024"),
        record(MeasureStatus.IN_PROGRESS, effective_date=datetime.date(2025, 2, 1)),
        record(MeasureStatus.COMPLETED, effective_date=datetime.date(2026, 2, 1)),
    ])
    assert selectors.status_history_in_words(history=history) == [
        "In mei 2023 was de maatregel in de opstartfase.",
        "In mei 2024 was de maatregel in uitvoering.",
        "Op 1 februari 2026 was de maatregel afgerond.",
    ]
