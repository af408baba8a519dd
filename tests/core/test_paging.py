"""Pagination of the dashboard's long lists (passend/paging.py): rows per page, links that
keep the filters, the count of the whole list, and a page number that does not exist."""
import datetime
import re

import factory
import pytest

from core.paging import PAGE_SIZE
from measures.models import MeasureStatus
from tests.factories import GoalFactory, MeasureFactory, MotionFactory
from tests.helpers import page

pytestmark = pytest.mark.django_db


def row_count(html: str) -> int:
    """The rows of the page's last table: the list (a goal page has a status table first)."""
    tbody = html.rsplit("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return tbody.count("<tr")


def page_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    return re.findall(r'href="([^"]*)"', nav.group(0)) if nav else []


@pytest.fixture(autouse=True)
def measure_codes_from_one():
    """Measure codes have at most three digits; a long test session counts past that."""
    MeasureFactory.reset_sequence()


@pytest.fixture
def many_measures():
    """Two and a bit pages of measures: 60 in progress, 60 completed."""
    MeasureFactory.create_batch(
        2 * PAGE_SIZE + 20, status=factory.Iterator([MeasureStatus.IN_PROGRESS, MeasureStatus.COMPLETED])
    )


def test_a_list_that_fits_has_no_page_links(client):
    MeasureFactory.create_batch(3)
    listing = page(client, "/maatregelen/")
    assert row_count(listing) == 3
    assert "3 maatregelen" in listing
    assert page_links(listing) == []
    assert "pagina" not in listing.split("<title>")[1].split("</title>")[0]


def test_measures_come_in_pages_that_keep_the_filters(client, many_measures):
    first = page(client, "/maatregelen/")
    assert row_count(first) == PAGE_SIZE
    assert "120 maatregelen" in first and "(pagina 1 van 3: 1–50)" in first
    assert page_links(first) == ["?pagina=2", "?pagina=3", "?pagina=2"]
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>1<' in first

    last = page(client, "/maatregelen/?pagina=3")
    assert row_count(last) == 20
    assert "(pagina 3 van 3: 101–120)" in last
    assert "<title>Maatregelen – pagina 3" in last
    # Back to page 1 is the list's own address, without a page number.
    assert page_links(last) == ["?pagina=2", "?", "?pagina=2"]

    filtered = page(client, "/maatregelen/?status=afgerond&pagina=2")
    assert "60 maatregelen gevonden" in filtered and row_count(filtered) == 10
    assert "?status=afgerond" in page_links(filtered)
    assert all("status=afgerond" in link for link in page_links(filtered))


@pytest.mark.parametrize(("asked", "shown"), [("99", 3), ("twee", 1), ("-1", 3), ("0", 3)])
def test_a_page_that_does_not_exist_shows_the_nearest_and_says_so(client, many_measures, asked, shown):
    listing = page(client, f"/maatregelen/?pagina={asked}")
    assert f"Pagina ‘{asked}’ bestaat niet. U ziet pagina {shown} van 3." in listing
    assert f"(pagina {shown} van 3:" in listing


def test_motions_and_the_matrix_come_in_pages(client):
    MotionFactory.create_batch(PAGE_SIZE + 5)
    goal = GoalFactory()
    goal.measures.set(MeasureFactory.create_batch(PAGE_SIZE + 2))

    motions = page(client, "/moties/?pagina=2")
    assert row_count(motions) == 5 and f"{PAGE_SIZE + 5} moties" in motions
    matrix = page(client, "/samenhang/?pagina=2")
    assert row_count(matrix) == 2
    assert matrix.count('<span aria-hidden="true">✓</span>') == 2


def test_a_goal_page_and_a_stakeholder_page_come_in_pages(client):
    from measures.models import MeasureStakeholder
    from measures.views import SUMMARY_PAGE_SIZE
    from tests.factories import StakeholderGroupFactory

    measures = MeasureFactory.create_batch(SUMMARY_PAGE_SIZE + 4)
    GoalFactory(number=1).measures.set(measures)
    group = StakeholderGroupFactory(slug="ouders")
    MeasureStakeholder.objects.bulk_create(
        MeasureStakeholder(measure=measure, group=group, position=1) for measure in measures[:-1]
    )

    goal_page = page(client, "/doelen/1/?pagina=2")
    assert row_count(goal_page) == 4 and "(pagina 2 van 2:" in goal_page
    group_page = page(client, "/betrokkenen/ouders/?pagina=2")
    assert row_count(group_page) == 3 and "(pagina 2 van 2:" in group_page


def test_the_changes_come_in_pages_newest_first(client):
    from tests.factories import MeasureStatusChangeFactory

    measure = MeasureFactory()
    for day in range(1, PAGE_SIZE + 8):
        MeasureStatusChangeFactory(
            measure=measure, effective_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=day)
        )
    first = page(client, "/wijzigingen/")
    assert first.count('class="change-list__item"') == PAGE_SIZE
    assert f"{PAGE_SIZE + 7} wijzigingen" in first and "(pagina 1 van 2: 1–50)" in first
    second = page(client, "/wijzigingen/?pagina=2")
    assert second.count('class="change-list__item"') == 7
    assert ">2 januari 2025<" in second and ">2 januari 2025<" not in first
