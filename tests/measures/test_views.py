"""The public dashboard's pages (measures app): every page, filter, redirect and 404,
the cache, the CSV links and the feeds, on the real programme content."""
import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape

from core.content_version import content_changed
from measures.models import Measure, MeasureStatus
from tests.helpers import FIXTURES, codes_counted_under, fixture, fixture_measures, measure_count, page

ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("programme")
class TestOverview:
    def test_status_chart_with_its_table(self, client):
        html = page(client, "/")
        assert "<h1>Hoe staat de Verbeteraanpak Passend Onderwijs ervoor?</h1>" in html
        assert "Status van de maatregelen" in html
        # The chart's table: 25 measures; sub-measures are counted with their measure, and
        # every measure has a status in the 2025 report.
        assert '<th scope="row">Totaal</th><td class="num">25</td>' in html
        assert re.search(r'Niet vermeld</th>\s*<td class="num">0</td>', html)
        assert "Status onbekend" not in html
        assert 'class="bar__segment bg--afgerond pct-' in html

    def test_goals_prioritised_changes_and_laws(self, client):
        html = page(client, "/")
        for goal in fixture("goals.yaml"):
            assert f"Doel {goal['number']}: {goal['title']}" in html
        for code in fixture("prioritised_measures.yaml")["measures"]:
            assert f'href="/maatregelen/{code}/"' in html
        # A real change: measure 19 went from in uitvoering to afgerond.
        assert "Maatregel 19: " in html and "(eerder: in uitvoering)" in html
        assert "Wetgeving: volgende stappen" in html
        assert "Over tijd" in html

    def test_peildatum_of_the_latest_published_edition(self, client):
        assert "peildatum 1 februari 2025" in page(client, "/")

    def test_no_inline_styles_or_scripts(self, client):
        for url in ["/", "/maatregelen/", "/maatregelen/8a/", "/wetgeving/"]:
            html = page(client, url)
            assert "style=" not in html
            assert "<script" not in html

    def test_security_policy_without_unsafe_inline(self, client):
        policy = client.get("/")["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.usefixtures("programme")
class TestGoals:
    def test_goal_list_shows_each_goal_with_its_measures(self, client):
        html = page(client, "/doelen/")
        for goal in fixture("goals.yaml"):
            assert f'<a href="/doelen/{goal["number"]}/">Doel {goal["number"]}: {goal["title"]}</a>' in html
        assert "/api/v1/doelen?format=csv" in html

    def test_goal_page_lists_the_matrix_measures_and_their_sub_measures(self, client):
        goal = fixture("goals.yaml")[0]
        html = page(client, "/doelen/1/")
        for code in goal["measures"]:
            assert f'href="/maatregelen/{code}/"' in html
        assert 'class="is-sub"' in html  # 8a–8d under measure 8
        assert 'href="/feeds/doelen/1/"' in html

    @pytest.mark.parametrize("url", ["/doelen/0/", "/doelen/8/", "/doelen/99999/"])
    def test_unknown_goal_is_a_404_page(self, client, url):
        html = page(client, url, 404)
        assert "Pagina niet gevonden" in html

    def test_matrix_is_an_accessible_table(self, client):
        html = page(client, "/samenhang/")
        assert '<caption id="matrix-caption">' in html
        assert html.count('<th scope="col" class="matrix__goal">') == 7
        assert html.count('<th scope="row">') == 25
        linked = sum(len(goal["measures"]) for goal in fixture("goals.yaml"))
        assert html.count('<span class="visually-hidden">ja</span>') == linked
        assert html.count('<span class="visually-hidden">nee</span>') == 25 * 7 - linked


@pytest.mark.usefixtures("programme")
class TestMeasureList:
    def test_all_measures_with_filters_and_csv_link(self, client):
        html = page(client, "/maatregelen/")
        assert "25 maatregelen (31 met submaatregelen)" in html
        assert '<label for="id_status">Status</label>' in html
        assert '<label for="id_q">Zoeken in titels en teksten</label>' in html
        assert 'href="/api/v1/maatregelen?format=csv"' in html

    def test_status_filter(self, client):
        html = page(client, "/maatregelen/?status=afgerond")
        completed = [entry["code"] for entry in fixture_measures() if entry["status"] == "afgerond"]
        assert f"{measure_count(completed)} gevonden" in html
        for code in completed:
            assert f'href="/maatregelen/{code}/"' in html
        assert 'href="/maatregelen/5/"' not in html  # in opstartfase
        assert 'href="/api/v1/maatregelen?format=csv&amp;status=afgerond"' in html

    def test_goal_filter(self, client):
        html = page(client, "/maatregelen/?doel=2")
        for code in fixture("goals.yaml")[1]["measures"]:
            assert f'href="/maatregelen/{code}/"' in html
        assert f"{measure_count(fixture('goals.yaml')[1]['measures'])} gevonden" in html

    def test_stakeholder_filter(self, client):
        # "Ouders" and "Ouders en leerlingen" count under the group Ouders.
        with_parents = codes_counted_under("Ouders")
        html = page(client, "/maatregelen/?betrokkene=ouders")
        assert f"{measure_count(with_parents)} gevonden" in html
        for code in with_parents:
            assert f'href="/maatregelen/{code}/"' in html

    def test_prioritised_filter(self, client):
        prioritised = [str(code) for code in fixture("prioritised_measures.yaml")["measures"]]
        others = [entry["code"] for entry in fixture_measures() if entry["code"] not in prioritised]
        assert f"{measure_count(prioritised)} gevonden" in page(client, "/maatregelen/?geprioriteerd=ja")
        assert f"{measure_count(others)} gevonden" in page(client, "/maatregelen/?geprioriteerd=nee")

    def test_search(self, client):
        html = page(client, "/maatregelen/?q=verzuimen")
        assert 'href="/maatregelen/8a/"' in html
        assert 'href="/maatregelen/19/"' not in html
        assert 'value="verzuimen"' in html
        assert "q=verzuimen" in html  # carried to the CSV download

    def test_no_results(self, client):
        html = page(client, "/maatregelen/?q=xylofoonorkest")
        assert "Geen maatregelen gevonden" in html

    @pytest.mark.parametrize(
        "query",
        ["status=gestopt", "doel=abc", "doel=99", "betrokkene=niemand", "geprioriteerd=misschien",
         "q=" + "x" * 500, "status=AFGEROND", "doel=1%00"],
    )
    def test_bad_filter_values_are_explained_and_ignored(self, client, query):
        html = page(client, f"/maatregelen/?{query}")
        assert "Niet alle filters zijn toegepast" in html
        assert 'aria-invalid="true"' in html

    def test_bad_value_does_not_drop_the_good_ones(self, client):
        html = page(client, "/maatregelen/?status=afgerond&doel=99")
        assert "Niet alle filters zijn toegepast" in html
        assert 'href="/maatregelen/5/"' not in html
        assert 'href="/api/v1/maatregelen?format=csv&amp;status=afgerond"' in html

    def test_unknown_parameters_are_ignored(self, client):
        html = page(client, "/maatregelen/?sortering=x&utm_source=nieuwsbrief")
        assert "25 maatregelen (31 met submaatregelen)" in html


@pytest.mark.usefixtures("programme")
class TestMeasureDetail:
    def test_every_narrative_section(self, client):
        entry = yaml.safe_load((FIXTURES / "measures" / "08a.yaml").read_text(encoding="utf-8"))
        html = page(client, "/maatregelen/8a/")
        assert "<title>Maatregel 8a: " in html
        for heading in ["Inleiding en aanpak", "Betrokkenen", "Dilemma’s bij de maatregel", "Stappen tot nu toe",
                        "Vervolgstappen", "Wat kunnen scholen en samenwerkingsverbanden al doen?",
                        "Geschiedenis van de status"]:
            assert heading in html, heading
        assert 'href="/maatregelen/8/"' in html  # its parent
        for group in entry["stakeholders"]:
            assert f">{group}</a>" in html

    def test_a_sub_measure_shows_it_is_part_of_its_measure(self, client):
        # 8a has no status of its own in the report: it is part of 8, which is in uitvoering.
        html = page(client, "/maatregelen/8a/")
        badge = ('<span class="status status--in_uitvoering status--part">'
                 "Onderdeel van maatregel 8: in uitvoering</span>")
        assert badge in html
        assert "Status onbekend" not in html

    def test_an_unknown_status_reads_niet_vermeld(self, client, django_capture_on_commit_callbacks):
        Measure.objects.filter(code="14").update(status=MeasureStatus.UNKNOWN)
        with django_capture_on_commit_callbacks(execute=True):
            content_changed()
        assert '<span class="status status--onbekend">Niet vermeld</span>' in page(client, "/maatregelen/14/")

    def test_sub_measures_motions_and_laws(self, client):
        html = page(client, "/maatregelen/8/")
        for code in ["8a", "8b", "8c", "8d"]:
            assert f'href="/maatregelen/{code}/"' in html
        assert 'href="/wetgeving/1-wetsvoorstel-terugdringen-verzuim/"' in html
        html = page(client, "/maatregelen/21/")
        assert 'href="/moties/31497-373/"' in html

    def test_history_with_dates_sources_and_editions(self, client):
        html = page(client, "/maatregelen/19/")
        assert "mei 2024" in html and "1 februari 2025" in html
        assert "gewijzigd, was: in uitvoering" in html
        assert "Vierde voortgangsrapportage verbeteraanpak passend onderwijs po/vo (2025)" in html
        record = Measure.objects.get(code="19").status_changes.last()
        assert f'id="geschiedenis-{record.pk}"' in html

    def test_measure_11s_history_in_plain_words(self, client):
        # 2024: decided not to carry it out; 2025: "Afgerond". The page says what that means.
        summary = re.search(r'<div class="history__summary">(.*?)</div>', page(client, "/maatregelen/11/"), re.S)
        sentences = re.findall(r"<p>(.*?)</p>", summary.group(1))
        assert sentences == [
            "In mei 2024 was besloten de maatregel niet uit te voeren.",
            "Op 1 februari 2025 was de maatregel afgerond.",
            "Afgerond betekent hier: de maatregel is afgesloten na het besluit om hem niet uit te voeren.",
        ]

    def test_a_history_without_change_needs_no_summary(self, client):
        records = Measure.objects.get(code="8").status_changes.all()
        assert len({record.status for record in records}) == 1
        assert "history__summary" not in page(client, "/maatregelen/8/")

    @pytest.mark.parametrize("code, target", [("8A", "8a"), ("M8a", "8a"), ("maatregel%208a", "8a"), ("08", "8")])
    def test_other_spellings_redirect_to_the_one_address(self, client, code, target):
        response = client.get(f"/maatregelen/{code}/")
        assert response.status_code == 301
        assert response["Location"] == f"/maatregelen/{target}/"

    @pytest.mark.parametrize("code", ["99", "8z", "abc", "0", "1000"])
    def test_unknown_code_is_a_404_page(self, client, code):
        assert "Pagina niet gevonden" in page(client, f"/maatregelen/{code}/", 404)


@pytest.mark.usefixtures("programme")
class TestStakeholders:
    def test_cooperation_table_and_other_groups(self, client):
        html = page(client, "/betrokkenen/")
        for group in fixture("stakeholders.yaml"):
            assert f">{escape(group['name'])}</a>" in html
            for organisation in group["organisations"]:
                assert escape(organisation) in html
        assert "Hoe de maatregelen hun betrokkenen noemen" in html
        assert "/api/v1/betrokkenen?format=csv" in html

    def test_group_page_lists_its_measures(self, client):
        html = page(client, "/betrokkenen/ouders/")
        assert "<h1><span class=\"kicker\">Betrokkenen</span> Ouders</h1>" in html
        assert "Ouders&amp;Onderwijs" in html
        assert 'href="/maatregelen/4/"' in html

    def test_unknown_group_is_a_404(self, client):
        page(client, "/betrokkenen/bestaat-niet/", 404)


@pytest.mark.usefixtures("programme")
class TestChangesAndFeeds:
    def test_change_page(self, client):
        html = page(client, "/wijzigingen/")
        assert "Alle wijzigingen" in html
        assert "Maatregel 19: " in html

    @pytest.mark.parametrize("url", ["/feeds/wijzigingen/", "/feeds/doelen/1/", "/feeds/maatregelen/8/"])
    def test_feeds_are_valid_atom(self, client, url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        assert entries
        ids = [entry.find(f"{ATOM}id").text for entry in entries]
        assert len(ids) == len(set(ids))
        for entry in entries:
            assert entry.find(f"{ATOM}updated").text
            assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")

    def test_measure_feed_has_its_status_change(self, client):
        feed = ET.fromstring(client.get("/feeds/maatregelen/19/").content)
        titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
        assert "Maatregel 19: Heldere eisen aan besturen en samenwerkingsverbanden – status: Afgerond" in titles

    def test_goal_feed_only_has_its_measures(self, client):
        feed = ET.fromstring(client.get("/feeds/doelen/2/").content)
        links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
        measure_links = {link.split("/maatregelen/")[1].split("/")[0] for link in links if "/maatregelen/" in link}
        assert measure_links == set(fixture("goals.yaml")[1]["measures"])

    def test_pages_announce_their_feeds(self, client):
        assert 'type="application/atom+xml"' in page(client, "/")
        assert 'href="/feeds/maatregelen/8a/"' in page(client, "/maatregelen/8a/")

    @pytest.mark.parametrize("url", ["/feeds/doelen/42/", "/feeds/maatregelen/42/", "/feeds/maatregelen/xyz/"])
    def test_unknown_feed_is_a_404(self, client, url):
        assert client.get(url).status_code == 404


@pytest.mark.usefixtures("programme")
class TestCache:
    def test_a_published_change_shows_at_once(self, client, django_capture_on_commit_callbacks):
        badge = '<span class="status status--afgerond">Afgerond</span>'
        assert badge not in page(client, "/maatregelen/14/")
        Measure.objects.filter(code="14").update(status=MeasureStatus.COMPLETED)
        # Without a publish the cached page is served...
        assert badge not in page(client, "/maatregelen/14/")
        # ...a publish (which calls content_changed) makes every page current at once.
        with django_capture_on_commit_callbacks(execute=True):
            content_changed()
        assert badge in page(client, "/maatregelen/14/")
        # Eight measures are afgerond in the 2025 report; now nine.
        assert re.search(r'Afgerond</th>\s*<td class="num">9</td>', page(client, "/"))

    def test_each_query_string_is_its_own_entry(self, client):
        assert "25 maatregelen (31 met submaatregelen)" in page(client, "/maatregelen/")
        assert "maatregelen gevonden" in page(client, "/maatregelen/?status=afgerond")

    def test_cached_page_needs_no_queries(self, client, django_assert_num_queries):
        page(client, "/")
        with django_assert_num_queries(0):
            page(client, "/")


@pytest.mark.usefixtures("programme")
class TestCsvDownloads:
    @pytest.mark.parametrize(
        "url",
        ["/doelen/", "/samenhang/", "/maatregelen/?status=afgerond&doel=1", "/maatregelen/?q=verzuimen",
         "/betrokkenen/", "/moties/?status=uitgevoerd", "/toezeggingen/", "/wetgeving/"],
    )
    def test_every_list_links_to_its_csv_with_the_same_filters(self, client, url):
        html = page(client, url)
        link = re.search(r'<a href="([^"]+)" download>Download als CSV', html).group(1).replace("&amp;", "&")
        assert link.startswith("/api/v1/") and "format=csv" in link
        response = client.get(link)
        assert response.status_code == 200, link
        assert response["Content-Type"].startswith("text/csv")

    def test_the_csv_holds_the_filtered_rows(self, client):
        csv_text = client.get("/api/v1/maatregelen?format=csv&status=afgerond&doel=1").content.decode("utf-8-sig")
        html = page(client, "/maatregelen/?status=afgerond&doel=1")
        listed = re.findall(r'<span class="code">([0-9a-z]+)</span>', html)
        dialect = csv.Sniffer().sniff(csv_text.splitlines()[0], delimiters=";,")
        rows = list(csv.reader(io.StringIO(csv_text), dialect))[1:]
        assert sorted(row[0] for row in rows) == sorted(listed)


@pytest.mark.usefixtures("programme")
class TestEarlyCache:
    """PublicPageCacheMiddleware, installed right after WhiteNoise."""

    def test_serves_the_page_with_the_headers_of_the_full_stack(self, client, django_assert_num_queries):
        first = client.get("/maatregelen/14/")
        Measure.objects.filter(code="14").update(title="Een titel die nog niet gepubliceerd is")
        with django_assert_num_queries(0):
            second = client.get("/maatregelen/14/")
        assert second.content == first.content
        for header in ["Content-Security-Policy", "X-Frame-Options", "Content-Type", "Content-Language"]:
            assert second[header] == first[header], header

    def test_a_publish_shows_at_once(self, client, django_capture_on_commit_callbacks):
        page(client, "/maatregelen/14/")
        Measure.objects.filter(code="14").update(title="Een nieuwe titel")
        assert "Een nieuwe titel" not in page(client, "/maatregelen/14/")
        with django_capture_on_commit_callbacks(execute=True):
            content_changed()
        assert "Een nieuwe titel" in page(client, "/maatregelen/14/")

    def test_signed_in_staff_always_get_a_fresh_page(self, client, settings):
        page(client, "/maatregelen/14/")
        Measure.objects.filter(code="14").update(title="Een concepttitel")
        client.cookies[settings.SESSION_COOKIE_NAME] = "een-sessie"
        assert "Een concepttitel" in page(client, "/maatregelen/14/")

    def test_a_large_response_is_served_from_the_shared_cache_only(self, client, monkeypatch):
        from core import page_cache as views

        monkeypatch.setattr(views, "_RECENT_PAGE_MAX_BYTES", 1000)
        views._recent_pages.clear()
        first = page(client, "/maatregelen/14/")
        assert views._recent_pages == {}
        Measure.objects.filter(code="14").update(title="Een titel die nog niet gepubliceerd is")
        assert page(client, "/maatregelen/14/") == first

    def test_a_cached_page_ignores_preconditions_it_has_no_validators_for(self, client):
        first = client.get("/over/")
        again = client.get("/over/", HTTP_IF_UNMODIFIED_SINCE="Wed, 21 Oct 2015 07:28:00 GMT", HTTP_IF_NONE_MATCH='"x"')
        assert again.status_code == 200 and again.content == first.content

    def test_only_public_pages_are_kept(self, client):
        from core import page_cache as views

        views._recent_pages.clear()
        client.get("/admin/login/")
        client.get("/bestaat-niet/")
        client.head("/over/")
        assert views._recent_pages == {}
        page(client, "/over/")
        assert len(views._recent_pages) == 1


@pytest.mark.usefixtures("programme")
class TestStaticPages:
    def test_accessibility_statement(self, client):
        html = page(client, "/toegankelijkheid/")
        assert "<h1>Toegankelijkheidsverklaring</h1>" in html
        assert "WCAG" in html

    def test_about_lists_the_sources(self, client):
        html = page(client, "/over/")
        for source in fixture("sources.yaml"):
            assert source["title"] in html

    def test_every_page_has_the_skip_link_and_the_logo_area(self, client):
        for url in ["/", "/doelen/", "/over/", "/maatregelen/1/"]:
            html = page(client, url)
            assert '<a class="skiplink" href="#inhoud">Direct naar de inhoud</a>' in html
            assert 'id="inhoud"' in html
            assert "Ministerie van Onderwijs, Cultuur en Wetenschap" in html
            assert '<html lang="nl">' in html

    def test_404_page_for_unknown_addresses(self, client):
        html = page(client, "/bestaat/niet/", 404)
        assert "Pagina niet gevonden" in html
        assert 'href="/maatregelen/"' in html

    def test_reports_are_linked_in_the_menu(self, client):
        assert 'href="/rapportages/"' in page(client, "/")


def test_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html


def test_the_stylesheet_is_found_by_staticfiles():
    # collectstatic (production) and the test server find files through the finders;
    # the project's static/ folder must be one of their places.
    assert finders.find("css/passend.css"), "Add STATICFILES_DIRS = [BASE_DIR / 'static'] to the settings"

