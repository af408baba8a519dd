import datetime

import pytest

from programme.planning import parse_planning

D = datetime.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Q1/Q2 2025", (D(2025, 1, 1), D(2025, 6, 30))),
        ("Q1 /Q2 2025", (D(2025, 1, 1), D(2025, 6, 30))),
        ("Q2/Q3 2026", (D(2026, 4, 1), D(2026, 9, 30))),
        ("Q1 2026", (D(2026, 1, 1), D(2026, 3, 31))),
        ("1 januari 2026", (D(2026, 1, 1), D(2026, 1, 1))),
        ("Beoogde inwerkingtreding: 1 augustus 2025", (D(2025, 8, 1), D(2025, 8, 1))),
        ("augustus 2024", (D(2024, 8, 1), D(2024, 8, 31))),
        ("mei 2024", (D(2024, 5, 1), D(2024, 5, 31))),
        ("najaar 2025", (D(2025, 9, 1), D(2025, 11, 30))),
        ("2026", (D(2026, 1, 1), D(2026, 12, 31))),
        ("februari 2024", (D(2024, 2, 1), D(2024, 2, 29))),
        ("augustus ’24", (D(2024, 8, 1), D(2024, 8, 31))),
        ("01-08-2024", (D(2024, 8, 1), D(2024, 8, 1))),
    ],
)
def test_planning_text_becomes_a_date_range(text, expected):
    assert parse_planning(text) == expected


@pytest.mark.parametrize("text", [None, "", "nog nader te bepalen", "De planning is nog niet gereed.", "volgend jaar"])
def test_planning_without_a_date_gives_no_range(text):
    assert parse_planning(text) is None
