"""Public pages of motions and commitments: lists, filters, detail pages, redirects, 404s."""
import datetime

import pytest
import yaml
from django.utils.html import escape

from motions.kamerstukken import parse_kamerstuk_number
from motions.models import Commitment, CommitmentStatus
from motions.selectors import commitment_list, motion_list
from tests.helpers import FIXTURES, page

pytestmark = pytest.mark.django_db


def fixture_motions() -> list[dict]:
    return yaml.safe_load((FIXTURES / "motions.yaml").read_text(encoding="utf-8"))


@pytest.mark.usefixtures("programme")
class TestMotions:
    def test_list_in_kamerstuk_order_with_csv_link(self, client):
        html = page(client, "/moties/")
        motions = sorted(fixture_motions(), key=lambda entry: parse_kamerstuk_number(entry["number"]))
        assert f"{len(motions)} moties" in html
        positions = [html.index(f'<td class="nowrap">{entry["number"]}</td>') for entry in motions]
        assert positions == sorted(positions)
        assert 'href="/api/v1/moties?format=csv"' in html

    def test_status_filter(self, client):
        done = [entry["number"] for entry in fixture_motions() if entry["status"] == "uitgevoerd"]
        html = page(client, "/moties/?status=uitgevoerd")
        assert f"{len(done)} moties gevonden" in html
        for number in done:
            assert f'href="/moties/{number}/"' in html
        assert 'href="/api/v1/moties?format=csv&amp;status=uitgevoerd"' in html

    def test_measure_filter(self, client):
        linked = [entry["number"] for entry in fixture_motions() if "21" in entry["measures"]]
        html = page(client, "/moties/?maatregel=21")
        assert linked
        for number in linked:
            assert f'href="/moties/{number}/"' in html
        assert html.count('<th scope="row">') == len(linked)

    def test_measure_filter_includes_sub_measures(self):
        from measures.models import Measure
        from tests.factories import MotionFactory

        # The report links no motion to measure 8's family; one linked to 8c must count for 8.
        sub = Measure.objects.get(code="8c")
        linked = MotionFactory(programme=sub.programme)
        linked.measures.add(sub)
        by_parent = {motion.kamerstuk for motion in motion_list(measure="8")}
        assert linked.kamerstuk in by_parent
        by_subs = set()
        for code in ["8", "8a", "8b", "8c", "8d"]:
            by_subs |= {motion.kamerstuk for motion in motion_list(measure=code)}
        assert by_parent == by_subs

    @pytest.mark.parametrize("query", ["status=klaar", "maatregel=99", "maatregel=8z", "status=%00"])
    def test_bad_filter_values_are_explained_and_ignored(self, client, query):
        html = page(client, f"/moties/?{query}")
        assert "Niet alle filters zijn toegepast" in html
        assert f"{len(fixture_motions())} moties" in html

    def test_detail(self, client):
        entry = next(entry for entry in fixture_motions() if entry["number"] == "31497-373")
        html = page(client, "/moties/31497-373/")
        assert f"<title>Motie 31497-373: {escape(entry['title'])}" in html
        assert escape(entry["explanation"]) in html
        for code in entry["measures"]:
            assert f'href="/maatregelen/{code}/"' in html
        assert "Geschiedenis van de status" in html
        assert "mei 2024" in html  # the 2024 letter's status

    def test_submitters(self, client):
        entry = next(entry for entry in fixture_motions() if entry["submitters"])
        html = page(client, f"/moties/{entry['number']}/")
        for submitter in entry["submitters"]:
            assert escape(submitter["name"]) in html

    @pytest.mark.parametrize(
        "written, canonical",
        [("36410-021", "36410-21"), ("31497-373.", "31497-373"), ("kst-31497-373", "31497-373"),
         ("31%20497,%20nr.%20373", "31497-373")],
    )
    def test_other_spellings_redirect(self, client, written, canonical):
        response = client.get(f"/moties/{written}/")
        assert response.status_code == 301
        assert response["Location"] == f"/moties/{canonical}/"

    @pytest.mark.parametrize("number", ["31497-9999", "99999-1", "motie", "31497-0"])
    def test_unknown_motion_is_a_404_page(self, client, number):
        assert "Pagina niet gevonden" in page(client, f"/moties/{number}/", 404)


@pytest.mark.usefixtures("programme")
class TestCommitments:
    def test_list_and_detail(self, client):
        entries = yaml.safe_load((FIXTURES / "commitments.yaml").read_text(encoding="utf-8"))
        html = page(client, "/toezeggingen/")
        assert f"{len(entries)} toezeggingen" in html
        for entry in entries:
            assert escape(entry["title"]) in html
        assert 'href="/api/v1/toezeggingen?format=csv"' in html
        commitment = Commitment.objects.get(code="T01575")
        html = page(client, f"/toezeggingen/{commitment.slug}/")
        assert "Toezegging T01575" in html
        assert 'href="/maatregelen/11/"' in html

    def test_filters(self, client):
        html = page(client, "/toezeggingen/?status=open&maatregel=11")
        assert "0 toezeggingen gevonden" in html
        html = page(client, "/toezeggingen/?maatregel=11")
        assert "1 toezegging gevonden" in html

    def test_overdue_commitment_is_marked(self, client):
        commitment = Commitment.objects.get(code="T01575")
        commitment.status = CommitmentStatus.OPEN
        commitment.due_date = datetime.date(2025, 1, 1)
        commitment.due_text = ""
        commitment.save()
        assert "Over tijd" in page(client, "/toezeggingen/")
        assert "Over tijd" in page(client, f"/toezeggingen/{commitment.slug}/")

    def test_overdue_rules(self):
        commitment = Commitment.objects.get(code="T01575")
        commitment.status = CommitmentStatus.OPEN
        commitment.due_date = datetime.date(2026, 6, 1)
        commitment.save()

        def overdue(today):
            return next(item for item in commitment_list(today=today) if item.pk == commitment.pk).is_overdue

        assert overdue(datetime.date(2026, 6, 2))
        assert not overdue(datetime.date(2026, 6, 1))
        commitment.status = CommitmentStatus.DONE
        commitment.save()
        assert not overdue(datetime.date(2027, 1, 1))

    def test_unknown_commitment_is_a_404(self, client):
        page(client, "/toezeggingen/bestaat-niet/", 404)
