"""The public pages of a database without any programme content (a fresh install).

A module of its own: in tests/measures/test_views.py the shared programme of the module
would be in the database."""
import pytest

from measures.models import Measure
from tests.helpers import page

pytestmark = pytest.mark.django_db


def test_empty_database_shows_pages_without_errors(client):
    assert not Measure.objects.exists()
    for url in ["/", "/doelen/", "/maatregelen/", "/samenhang/", "/betrokkenen/", "/wijzigingen/",
                "/moties/", "/toezeggingen/", "/wetgeving/", "/feeds/wijzigingen/"]:
        page(client, url)
