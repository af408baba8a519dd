"""Public pages of the expected laws: the list with current phases and each law's timeline."""
import datetime

import pytest
import yaml
from django.utils.html import escape

from legislation.models import ExpectedLaw, LawMilestone
from legislation.selectors import law_detail, law_list, milestone_overdue_count, milestone_upcoming_list
from tests.helpers import FIXTURES, page

pytestmark = pytest.mark.django_db

VERZUIM = "1-wetsvoorstel-terugdringen-verzuim"


def fixture_laws() -> list[dict]:
    return yaml.safe_load((FIXTURES / "laws.yaml").read_text(encoding="utf-8"))


@pytest.mark.usefixtures("programme")
class TestLaws:
    def test_list(self, client):
        html = page(client, "/wetgeving/")
        for entry in fixture_laws():
            assert escape(entry["title"]) in html
        assert 'href="/api/v1/wetgeving?format=csv"' in html
        assert "De planning is nog niet gereed." in html

    def test_timeline_shows_how_the_planning_moved(self, client):
        html = page(client, f"/wetgeving/{VERZUIM}/")
        # augustus ’24 → 1 augustus 2025 → 1 januari 2026
        first = html.index("augustus ’24")
        second = html.index("1 augustus 2025", first)
        assert html.index("1 januari 2026 <span class=\"note\">(huidige planning", second)
        assert "Huidige fase" in html
        for item in fixture_laws()[0]["content"]:
            assert escape(item) in html

    def test_current_phase_follows_the_last_step_taken(self):
        law = law_detail(slug=VERZUIM)
        milestones = list(law.milestones.all())
        current = law.current_milestone
        assert current.phase == "parlementaire_behandeling"
        before = milestones[: milestones.index(current)]
        assert any(milestone.is_done for milestone in before)
        assert not current.is_done
        assert [milestone.is_current for milestone in milestones].count(True) == 1

    def test_phase_of_a_law_without_steps_taken_is_its_first(self):
        law = next(law for law in law_list() if law.slug.startswith("3-"))
        assert law.current_milestone == law.milestones.all()[0]

    def test_law_without_planning(self, client):
        law = ExpectedLaw.objects.get(number="7")
        assert "De planning is nog niet gereed." in page(client, f"/wetgeving/{law.slug}/")

    def test_overdue_is_relative_to_today(self):
        law = law_detail(slug=VERZUIM, today=datetime.date(2025, 7, 1))
        entry = next(m for m in law.milestones.all() if m.phase == "inwerkingtreding")
        assert not entry.is_overdue  # 1 januari 2026 had not passed yet
        current = law.current_milestone
        assert current.is_overdue  # Q1/Q2 2025 ended on 30 June 2025
        law = law_detail(slug=VERZUIM, today=datetime.date(2025, 6, 30))
        assert not law.current_milestone.is_overdue

    def test_a_step_taken_is_never_overdue(self):
        milestone = LawMilestone.objects.get(law__slug=VERZUIM, phase="parlementaire_behandeling")
        milestone.actual_date = datetime.date(2025, 5, 1)
        milestone.save()
        law = law_detail(slug=VERZUIM, today=datetime.date(2026, 1, 1))
        assert not next(m for m in law.milestones.all() if m.pk == milestone.pk).is_overdue

    def test_upcoming_and_overdue_counts(self):
        today = datetime.date(2025, 3, 1)
        upcoming = list(milestone_upcoming_list(today=today, limit=50))
        assert upcoming
        assert all(m.planned_end >= today and not m.is_done for m in upcoming)
        starts = [m.planned_start for m in upcoming]
        assert starts == sorted(starts)
        assert milestone_overdue_count(today=datetime.date(2020, 1, 1)) == 0
        assert milestone_overdue_count(today=datetime.date(2030, 1, 1)) > 0

    def test_overdue_step_is_marked_on_the_pages(self, client):
        # Today is after Q1/Q2 2025 and nothing records the parliamentary treatment as done.
        assert "Over tijd" in page(client, f"/wetgeving/{VERZUIM}/")
        assert "Over tijd" in page(client, "/wetgeving/")

    def test_unknown_law_is_a_404(self, client):
        assert "Pagina niet gevonden" in page(client, "/wetgeving/bestaat-niet/", 404)
