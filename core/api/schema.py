"""The OpenAPI document: conventions added to every operation, only /api/v1 paths."""

from django.conf import settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.settings import patched_settings

from .conventions import API_ROOT, LICENSE, PROBLEM_MEDIA_TYPE
from .filters import DEPRECATED_ORDERING_PARAMETER

API_DESCRIPTION = """
Open data over de Verbeteraanpak Passend Onderwijs: de doelen, maatregelen, betrokkenen, moties, toezeggingen, verwachte wet- en regelgeving en de gepubliceerde voortgangsrapportages. Alleen gepubliceerde gegevens; u hoeft zich niet aan te melden.

De API volgt de REST API Design Rules van de Nederlandse overheid:

- **Namen in het Nederlands.** Bronnen en velden hebben Nederlandse namen, zoals de website ze noemt (de taal van het domein). Velden zijn in lowerCamelCase, zoals statusToelichting en ingediendOp. Vaste waarden, zoals een status, zijn korte Nederlandse codes; het veld statusOmschrijving ernaast geeft de leesbare tekst.
- **Vaste adressen.** Elke bron heeft een blijvende sleutel in het adres: /api/v1/maatregelen/8a, /api/v1/moties/31497-373, /api/v1/doelen/3. Adressen eindigen niet op een schuine streep.
- **Versie.** De hoofdversie staat in het adres (/api/v1), de volledige versie in de header API-Version van elk antwoord.
- **Lijsten** hebben pagina’s (parameters pagina en paginaGrootte, en een Link-header) en zijn te sorteren met sorteer: een of meer velden, gescheiden door komma’s of als herhaalde parameter, met een minteken ervoor aflopend (sorteer=status,-code). De oude naam ordering werkt nog een tijd. De filters hebben dezelfde namen als op het dashboard.
- **CSV.** Elke lijst is als CSV te downloaden op /api/v1/downloads/, bijvoorbeeld /api/v1/downloads/maatregelen.csv, met dezelfde filters en sortering: de hele lijst, met Nederlandse kolomkoppen, gescheiden door puntkomma’s, in UTF-8 met BOM, zodat Excel het bestand direct goed opent. Datums staan er als 2025-02-01, tijdstippen als 2025-02-01 13:45:00 (Nederlandse tijd); meer waarden in één cel worden gescheiden door een verticale streep ( | ). De oudere vorm ?format=csv bij een lijst werkt ook nog. /api/v1/programma geeft alle gegevens in één JSON-document.
- **Hergebruik.** Alle gegevens zijn vrij te hergebruiken onder CC0 1.0 (publiek domein). /api/v1/dataset beschrijft de dataset in DCAT-AP-NL (JSON-LD), zodat dataportalen zoals data.overheid.nl hem kunnen vinden. Webpagina’s op andere domeinen kunnen de API rechtstreeks lezen (CORS).
- **Fouten** zijn application/problem+json (RFC 9457), met invalidParams bij ongeldige parameters.
- **Caching.** Elk antwoord heeft een ETag en Last-Modified. Stuur die terug met If-None-Match of If-Modified-Since en u krijgt 304 Not Modified zolang er niets nieuws is gepubliceerd.
- **Gebruik.** Zonder aanmelding geldt een maximum aantal aanvragen per uur; daarboven volgt 429 met een Retry-After-header.

Teksten gebruiken een eenvoudige opmaak: alinea’s gescheiden door een witregel, opsommingen met een streepje aan het begin van de regel, **vet** tussen dubbele sterretjes en links als [tekst](adres).
"""

CSV_DESCRIPTION = (
    "De hele lijst (niet één pagina) als CSV, met dezelfde filters en sortering als de lijst in JSON. "
    "Nederlandse kolomkoppen, gescheiden door puntkomma’s, UTF-8 met BOM, zodat Excel het bestand direct goed "
    "opent. Datums staan er als 2025-02-01, tijdstippen als 2025-02-01 13:45:00 (Nederlandse tijd); een cel "
    "met meer waarden scheidt die met een verticale streep ( | )."
)

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


class PublicApiSchema(AutoSchema):
    """The operations of the public endpoints: no sign-in, and CSV downloads with the list's filters.

    The public views accept a staff session but need none; the document says so (no
    ``security``), so that a generated client is not typed as authenticated.
    """

    def get_auth(self) -> list:
        return []

    def get_filter_backends(self) -> list:
        if getattr(self.view, "action", None) == "csv":
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

    def get_operation_id(self) -> str:
        if getattr(self.view, "action", None) == "csv":
            return f"{self.view.csv_filename}_csv"
        return super().get_operation_id()

    def get_summary(self) -> str | None:
        if getattr(self.view, "action", None) == "csv":
            return f"{self.view.csv_filename.capitalize()} als CSV"
        return super().get_summary()

    def get_description(self) -> str:
        if getattr(self.view, "action", None) == "csv":
            return CSV_DESCRIPTION
        return super().get_description()

    def map_renderers(self, attribute: str) -> list:
        # A list is documented as JSON only: one operation with two media types makes
        # generated clients parse the CSV as JSON. The CSV has an operation of its own.
        media_types = super().map_renderers(attribute)
        if getattr(self.view, "action", None) == "list":
            return [media_type for media_type in media_types if media_type not in ("text/csv", "csv")]
        return media_types

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        example = getattr(self.view, "lookup_example", None)
        lookup = getattr(self.view, "lookup_url_kwarg", None) or getattr(self.view, "lookup_field", None)
        for parameter in parameters:
            if example and parameter["name"] == lookup:
                parameter["example"] = example
        return parameters


def schema_only_api(endpoints: list) -> list:
    """drf-spectacular preprocessing hook: only the operations of /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_ROOT + "/")]


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
            parameters = operation.get("parameters", [])
            parameters += [
                {**parameter, "name": DEPRECATED_ORDERING_PARAMETER, "deprecated": True,
                 "description": "Verouderd: de oude naam van sorteer. Werkt nog, maar gebruik sorteer."}
                for parameter in parameters
                if parameter["name"] == "sorteer"
            ]
            body = operation.get("requestBody", {}).get("content", {})
            if "application/json" in body:
                # Documented as JSON only (form posts still parse): a body with three
                # media types of one schema breaks generated clients (openapi-python-client).
                operation["requestBody"]["content"] = {"application/json": body["application/json"]}
            responses = operation["responses"]
            public_read = method == "get" and "security" not in operation
            if public_read:
                ok = responses["200"]
                ok["headers"] = {**version_header, **cache_headers}
                responses["304"] = {
                    "description": "Niet gewijzigd sinds de ETag of datum die u meestuurde.",
                    "headers": {**version_header, **cache_headers},
                }
            for code, response in responses.items():
                if code.startswith(("2", "3")):
                    response["headers"] = {**version_header, **response.get("headers", {})}
            for code, description in PROBLEM_RESPONSES.items():
                responses.setdefault(code, {"description": description, "content": problem, "headers": version_header})
    return result


SCHEMA_SETTINGS = {
    "TITLE": "Open data Verbeteraanpak Passend Onderwijs",
    "DESCRIPTION": API_DESCRIPTION,
    "LICENSE": LICENSE,
    # Relative: the document holds for whichever host serves it.
    "SERVERS": [{"url": API_ROOT, "description": "Deze server"}],
    "SCHEMA_PATH_PREFIX": API_ROOT,
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "PREPROCESSING_HOOKS": ["core.api.schema.schema_only_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.schema_add_conventions",
    ],
}


def api_schema(request) -> dict:
    """The OpenAPI 3 document of /api/v1/."""
    contact = {**settings.API_CONTACT, "url": request.build_absolute_uri(settings.API_CONTACT["url"])}
    with patched_settings({**SCHEMA_SETTINGS, "CONTACT": contact}):
        return SchemaGenerator().get_schema(request=request, public=True)
