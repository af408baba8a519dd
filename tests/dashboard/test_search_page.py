"""The site search page /zoeken/ and the search box in the header."""
import re

import pytest

from measures.models import Measure
from search.services import search_index_sync
from tests.helpers import page


def result_urls(html: str) -> list[str]:
    return re.findall(r'<h3 class="search-result__title"><a href="([^"]+)"', html)


@pytest.mark.usefixtures("programme_in_class")
class TestSearchPage:
    def test_thuiszitters(self, client):
        html = page(client, "/zoeken/?q=thuiszitters")
        urls = result_urls(html)
        assert urls[0] == "/maatregelen/8d/"
        for code in ["8", "8a", "8c", "8d"]:
            assert f"/maatregelen/{code}/" in urls
        # Measure 8's result lists its sub-measures, 8b included.
        assert 'href="/maatregelen/8b/"' in html
        assert any(url.startswith("/toezeggingen/") for url in urls)
        assert "<mark>thuiszittende</mark>" in html
        assert "resultaten voor ‘thuiszitters’" in html
        assert 'value="thuiszitters"' in html

    def test_filter_by_kind(self, client):
        everything = page(client, "/zoeken/?q=thuiszitters")
        assert 'href="?q=thuiszitters&amp;soort=toezeggingen"' in everything
        html = page(client, "/zoeken/?q=thuiszitters&soort=toezeggingen")
        assert all(url.startswith("/toezeggingen/") for url in result_urls(html))
        assert '<span aria-current="true">Toezeggingen (' in html

    def test_nothing_found_explains_what_to_try(self, client):
        html = page(client, "/zoeken/?q=xylofoonorkest")
        assert "0 resultaten" in html
        assert "Er is niets gevonden" in html

    def test_without_a_query(self, client):
        html = page(client, "/zoeken/")
        assert result_urls(html) == []
        assert "Zoek in de maatregelen" in html

    @pytest.mark.parametrize("query", ["q=" + "x" * 500, "q=%00", "q=%26%7C!(", "q=%22", "q=de+het+een"])
    def test_odd_input_is_answered_never_an_error(self, client, query):
        html = page(client, f"/zoeken/?{query}")
        assert "<h1>Zoeken</h1>" in html
        assert result_urls(html) == []

    def test_a_bad_kind_is_reported_and_left_out(self, client):
        html = page(client, "/zoeken/?soort=planeten&q=ouders")
        assert "Niet alle filters zijn toegepast" in html
        assert result_urls(html)

    def test_the_header_has_a_search_box_except_on_the_search_page(self, client):
        assert 'action="/zoeken/" role="search" aria-label="Zoeken op deze site"' in page(client, "/")
        html = page(client, "/zoeken/?q=ouders")
        assert html.count('role="search"') == 1

    def test_the_measure_list_searches_with_the_same_engine(self, client):
        html = page(client, "/maatregelen/?q=thuiszitters")
        for code in ["8", "8a", "8c", "8d"]:
            assert f'href="/maatregelen/{code}/"' in html


@pytest.mark.django_db
def test_titles_and_texts_are_escaped(client, programme_loaded):
    Measure.objects.filter(code="5").update(title="<script>alert('x')</script> klankbordgroep")
    search_index_sync()
    html = page(client, "/zoeken/?q=klankbordgroep")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
