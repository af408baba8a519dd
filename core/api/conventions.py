"""Conventions every API response follows: its version header and the problem format."""
from django.conf import settings

PROBLEM_MEDIA_TYPE = "application/problem+json"
# Titles of problem responses: the HTTP status phrases in Dutch (RFC 9457 allows
# localised titles for the "about:blank" problem type).
STATUS_TITLES = {
    400: "Ongeldige aanvraag",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    415: "Formaat van de aanvraag niet ondersteund",
    429: "Te veel aanvragen",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}


def api_version() -> str:
    """The ``API-Version`` header's value (NLGov API-57)."""
    return settings.SPECTACULAR_SETTINGS["VERSION"]

# The address of the API: the major version is part of it (NLGov /core/uri-version); the
# OpenAPI document names it as its server and its paths are relative to it.
API_ROOT = "/api/v1"

# The open-data licence of everything the API publishes, as the Tweede Kamer's open data:
# public domain (Creative Commons Zero). The Dutch deed, for readers of the site.
LICENSE = {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
# The same licence as data.overheid.nl's licence list names it (DCAT-AP-DONL).
LICENSE_URI = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
