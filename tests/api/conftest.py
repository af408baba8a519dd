import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle counters, cached responses and the content version start empty in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _programme_for_module(django_db_setup, django_db_blocker):
    """The real programme, loaded once per test module inside a transaction that is
    rolled back afterwards (each test still runs in its own savepoint)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def programme(_programme_for_module, db):
    """The real programme content (see _programme_for_module), for one test."""


@pytest.fixture
def generous_throttle(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/hour"}}


# Every public address of the API, as (list or detail, address) with real programme data.
LIST_URLS = [
    "/api/v1/doelen",
    "/api/v1/maatregelen",
    "/api/v1/betrokkenen",
    "/api/v1/moties",
    "/api/v1/toezeggingen",
    "/api/v1/wetgeving",
    "/api/v1/rapportages",
    "/api/v1/kerncijfers",
]
DETAIL_URLS = [
    "/api/v1/doelen/1",
    "/api/v1/maatregelen/8a",
    "/api/v1/betrokkenen/ouders",
    "/api/v1/moties/31497-373",
    "/api/v1/toezeggingen/t01575",
    "/api/v1/wetgeving/1-wetsvoorstel-terugdringen-verzuim",
    "/api/v1/rapportages/vgr-2025",
    "/api/v1/kerncijfers/maatregelen-aantal-webinar-2023",
]
# The CSV of every list at an address of its own.
CSV_URLS = [url.replace("/api/v1/", "/api/v1/downloads/") + ".csv" for url in LIST_URLS]
OTHER_URLS = ["/api/v1", "/api/v1/programma", "/api/v1/openapi.json", "/api/v1/dataset", "/api/v1/docs"]
ALL_URLS = LIST_URLS + DETAIL_URLS + CSV_URLS + OTHER_URLS
