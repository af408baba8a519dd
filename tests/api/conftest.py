import pytest


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
