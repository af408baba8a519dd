"""The OpenAPI document: conventions added to every operation, only /api/v1 paths."""

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import patched_settings

from .conventions import PROBLEM_MEDIA_TYPE

API_DESCRIPTION = """
Open data over de Verbeteraanpak Passend Onderwijs: de doelen, maatregelen, betrokkenen, moties, toezeggingen, verwachte wet- en regelgeving en de gepubliceerde voortgangsrapportages. Alleen gepubliceerde gegevens; u hoeft zich niet aan te melden.

De API volgt de REST API Design Rules van de Nederlandse overheid:

- **Namen in het Nederlands.** Bronnen en velden hebben Nederlandse namen, zoals de website ze noemt (de taal van het domein). Velden zijn in lowerCamelCase, zoals statusToelichting en ingediendOp. Vaste waarden, zoals een status, zijn korte Nederlandse codes; het veld statusOmschrijving ernaast geeft de leesbare tekst.
- **Vaste adressen.** Elke bron heeft een blijvende sleutel in het adres: /api/v1/maatregelen/8a, /api/v1/moties/31497-373, /api/v1/doelen/3. Adressen eindigen niet op een schuine streep.
- **Versie.** De hoofdversie staat in het adres (/api/v1), de volledige versie in de header API-Version van elk antwoord.
- **Lijsten** hebben pagina’s (parameters pagina en paginaGrootte, en een Link-header) en zijn te sorteren met ordering (met een minteken ervoor: aflopend). De filters hebben dezelfde namen als op het dashboard.
- **CSV.** Elke lijst is met ?format=csv als CSV te downloaden: de hele lijst, met Nederlandse kolomkoppen, gescheiden door puntkomma’s, in UTF-8 met BOM, zodat Excel het bestand direct goed opent. /api/v1/programma geeft alle gegevens in één JSON-document.
- **Fouten** zijn application/problem+json (RFC 9457), met invalidParams bij ongeldige parameters.
- **Caching.** Elk antwoord heeft een ETag en Last-Modified. Stuur die terug met If-None-Match of If-Modified-Since en u krijgt 304 Not Modified zolang er niets nieuws is gepubliceerd.
- **Gebruik.** Zonder aanmelding geldt een maximum aantal aanvragen per uur; daarboven volgt 429 met een Retry-After-header.

Teksten gebruiken een eenvoudige opmaak: alinea’s gescheiden door een witregel, opsommingen met een streepje aan het begin van de regel, **vet** tussen dubbele sterretjes en links als [tekst](adres).
"""

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Een fout volgens RFC 9457 (problem details).",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Niet gevonden"},
        "status": {"type": "integer", "example": 404},
        "detail": {"type": "string", "example": "Er is geen maatregel met code 99."},
        "instance": {"type": "string", "example": "/api/v1/maatregelen/99"},
        "invalidParams": {
            "type": "array",
            "description": "Bij status 400: welke parameters ongeldig zijn en waarom.",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}

PROBLEM_RESPONSES = {
    "400": "Een parameter is ongeldig.",
    "404": "De bron of pagina bestaat niet.",
    "406": "Het gevraagde formaat is niet beschikbaar.",
    "429": "Te veel aanvragen; probeer het na ‘Retry-After’ seconden opnieuw.",
    "500": "Er ging iets mis aan onze kant.",
}


def schema_only_api(endpoints: list) -> list:
    """drf-spectacular preprocessing hook: only the operations of /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def schema_add_conventions(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: the headers, errors and formats every operation shares."""
    result.setdefault("components", {}).setdefault("schemas", {})["Probleem"] = PROBLEM_SCHEMA
    version_header = {
        "API-Version": {"description": "De volledige versie van de API.", "schema": {"type": "string"}},
    }
    cache_headers = {
        "ETag": {"description": "Stuur terug in If-None-Match.", "schema": {"type": "string"}},
        "Last-Modified": {"description": "Stuur terug in If-Modified-Since.", "schema": {"type": "string"}},
    }
    problem = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for operations in result["paths"].values():
        for method, operation in operations.items():
            responses = operation["responses"]
            if method == "get":
                # Reading needs no sign-in; a staff session is accepted but changes nothing.
                operation["security"] = [{}, *operation.get("security", [])]
                ok = responses["200"]
                ok["headers"] = {**version_header, **cache_headers}
                if "text/csv" in ok.get("content", {}):
                    ok["content"]["text/csv"] = {"schema": {"type": "string"}}
                responses["304"] = {
                    "description": "Niet gewijzigd sinds de ETag of datum die u meestuurde.",
                    "headers": {**version_header, **cache_headers},
                }
            for code, description in PROBLEM_RESPONSES.items():
                responses.setdefault(code, {"description": description, "content": problem, "headers": version_header})
    return result


SCHEMA_SETTINGS = {
    "TITLE": "Open data Verbeteraanpak Passend Onderwijs",
    "DESCRIPTION": API_DESCRIPTION,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["core.api.schema.schema_only_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.schema_add_conventions",
    ],
}


def api_schema(request) -> dict:
    """The OpenAPI 3 document of /api/v1/."""
    with patched_settings(SCHEMA_SETTINGS):
        return SchemaGenerator().get_schema(request=request, public=True)
