"""One grouping of the stakeholders: the report's cooperation table (and "Overige
partijen"), with every label of the measures' "Betrokkenen" boxes counted under it."""
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from programme.models import StakeholderGroup

FIXTURES = Path(settings.PROGRAMME_FIXTURES_DIR)
pytestmark = pytest.mark.django_db


def _labels_of_the_measures() -> set[str]:
    return {label for path in (FIXTURES / "measures").glob("*.yaml")
            for label in yaml.safe_load(path.read_text(encoding="utf-8")).get("stakeholders") or []}


def test_every_label_of_the_measures_counts_under_a_group(programme_loaded):
    for label in _labels_of_the_measures():
        group = StakeholderGroup.objects.get(name=label)
        assert group.counted_in.exists(), label


def test_the_stakeholder_page_shows_the_grouping_and_no_group_without_measures(client, programme_loaded):
    html = client.get("/betrokkenen/").content.decode()
    table = html[html.index('<table class="table">'):html.index("</table>")]
    rows = re.findall(r'<th scope="row"><a href="/betrokkenen/([^/]+)/">', table)
    assert len(rows) == 11 and rows[-1] == "overige-partijen"
    counts = re.findall(r'<td class="num">(\d+)</td>', table)
    assert "0" not in counts
    # A label of the boxes is no group of its own on this page, only where it counts.
    assert 'href="/betrokkenen/leerlingen/"' not in table


def test_a_label_page_says_where_it_counts(client, programme_loaded):
    html = client.get("/betrokkenen/ouders-en-leerlingen/").content.decode()
    assert re.search(r"Telt mee bij: <a href=\"/betrokkenen/jongerenleerlingen/\">Jongeren/leerlingen</a>, "
                     r"<a href=\"/betrokkenen/ouders/\">Ouders</a>\.", html)
    group = client.get("/betrokkenen/jongerenleerlingen/").content.decode()
    assert "Bij de maatregelen genoemd als: Leerlingen, Leerlingen en jongeren, Ouders en leerlingen." in group
    assert 'href="/maatregelen/7/"' in group
