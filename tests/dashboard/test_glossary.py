"""The glossary page and the marking of abbreviations on the public pages."""
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from dashboard.glossary import glossary_terms, mark_first_uses
from tests.helpers import SEEDS, needs_seeds

FIXTURE = Path(settings.PROGRAMME_FIXTURES_DIR) / "glossary.yaml"


def test_every_term_cites_a_known_source_and_every_explanation_too():
    sources = {entry["key"] for entry in yaml.safe_load(
        (Path(settings.PROGRAMME_FIXTURES_DIR) / "sources.yaml").read_text(encoding="utf-8"))}
    for term in glossary_terms():
        assert term.source in sources, term.term
        assert bool(term.explanation) == bool(term.explanation_source), term.term
        if term.explanation_source:
            assert term.explanation_source in sources, term.term


@needs_seeds
def test_every_expansion_is_spelled_out_in_its_source():
    """An abbreviation's expansion is as a source writes it, "expansion (ABBR)", except
    where the fixture's comment explains otherwise (swv; VWS, split by the other column)."""
    files = {entry["key"]: entry.get("seed_file") for entry in yaml.safe_load(
        (Path(settings.PROGRAMME_FIXTURES_DIR) / "sources.yaml").read_text(encoding="utf-8"))}
    for term in glossary_terms():
        if not term.abbreviation or term.abbreviation in {"swv", "VWS"}:
            continue
        text = " ".join((SEEDS / files[term.source]).read_text(encoding="utf-8").split())
        assert re.search(re.escape(f"{term.expansion} ({term.abbreviation})"), text, re.IGNORECASE), term.term


def test_first_use_is_marked_once_and_never_inside_a_link_or_attribute():
    html = ('<p title="OPP">Het OPP en nog eens OPP.</p><a href="/x">TLV</a><p>De TLV-aanvraag, LBVSO en vso.</p>'
            "<p>OPPassen en propaganda</p>")
    marked = mark_first_uses(html)
    assert marked.count('<abbr title="ontwikkelingsperspectief">OPP</abbr>') == 1
    assert '<p title="OPP">Het <abbr' in marked
    assert '<a href="/x">TLV</a>' in marked
    assert '<abbr title="toelaatbaarheidsverklaring">TLV</abbr>-aanvraag' in marked
    assert '<abbr title="Leerlingen Belang Voortgezet Speciaal Onderwijs">LBVSO</abbr>' in marked
    assert '<abbr title="voortgezet speciaal onderwijs">vso</abbr>' in marked
    assert "<p>OPPassen en propaganda</p>" in marked


@pytest.mark.django_db
def test_the_glossary_page(client, programme_loaded):
    html = client.get("/begrippen/").content.decode()
    assert "<h1>Begrippen en afkortingen</h1>" in html
    assert '<abbr title="toelaatbaarheidsverklaring">TLV</abbr> (toelaatbaarheidsverklaring)' not in html
    assert 'id="tlv"' in html and "Staat voor: toelaatbaarheidsverklaring." in html
    assert "Plan van aanpak passend onderwijs 2014–2020" in html
    assert "De school waar de ouders hun kind hebben aangemeld heeft de zorgplicht." in html
    assert 'href="/begrippen/"' in html


@pytest.mark.django_db
def test_a_measure_page_explains_its_abbreviations(client, programme_loaded):
    html = client.get("/maatregelen/18/").content.decode()
    assert html.count('<abbr title="toelaatbaarheidsverklaring">TLV</abbr>') == 1
