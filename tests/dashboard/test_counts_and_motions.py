"""Counts said the same way everywhere, and the motion pages' links to the Tweede Kamer."""
import re

import pytest

from motions.models import ChamberDecision, Motion
from tests.factories import MotionFactory

pytestmark = pytest.mark.django_db

COUNT = "25 maatregelen (31 met submaatregelen)"


def test_home_and_measure_list_count_alike(client, programme_loaded):
    assert f"telt {COUNT} voor 7 doelen" in client.get("/").content.decode()
    assert f'<h2 class="result-count">{COUNT}' in client.get("/maatregelen/").content.decode()
    filtered = client.get("/maatregelen/?q=thuiszitters").content.decode()
    assert '<h2 class="result-count">1 maatregel (4 met submaatregelen) gevonden' in filtered


def test_motions_are_listed_in_kamerstuk_order(client, programme_loaded):
    html = client.get("/moties/").content.decode()
    listed = re.findall(r'<td class="nowrap">([^<]+)</td>', html)

    def key(kamerstuk):
        dossier, *rest = kamerstuk.split("-")
        return dossier, rest[:-1], int(rest[-1])
    assert listed == sorted(listed, key=key)
    assert len(listed) == Motion.objects.count()
    # Submitters under each title.
    assert "Ingediend door " in html


def test_a_motion_links_to_its_official_text(client, programme_loaded):
    html = client.get("/moties/31497-373/").content.decode()
    assert ('<a href="https://zoek.officielebekendmakingen.nl/kst-31497-373.html" class="external">'
            "Motie 31497-373 op officielebekendmakingen.nl</a>") in html
    assert "Nog niet opgehaald uit de open data van de Tweede Kamer." in html


def test_a_motion_with_a_suffix_and_a_decision(client, programme_loaded):
    motion = Motion.objects.get(kamerstuk="31497-373")
    Motion.objects.filter(pk=motion.pk).update(chamber_decision=ChamberDecision.ADOPTED, official_url="")
    html = client.get("/moties/31497-373/").content.decode()
    assert "Aangenomen" in html
    MotionFactory(kamerstuk="36200-VIII-93")
    html = client.get("/moties/36200-VIII-93/").content.decode()
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-36200-VIII-93.html"' in html
