"""The API's own addresses: its index, the OpenAPI document, and the documentation page
built from that document."""

from django.urls import reverse
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import TemplateHTMLRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from .conventions import LICENSE, api_version
from .schema import SCHEMA_SETTINGS, api_schema
from .views import PublicApiMixin


class LicenceSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    url = serializers.URLField()


class ApiIndexSerializer(serializers.Serializer):
    naam = serializers.CharField()
    versie = serializers.CharField(help_text="De volledige versie, zoals in de header API-Version.")
    licentie = LicenceSerializer(help_text="De licentie van alle gegevens.")
    links = serializers.DictField(
        child=serializers.URLField(), help_text="Naar de documentatie, de beschrijvingen en elke lijst."
    )


class ApiIndexView(PublicApiMixin, APIView):
    """The API's root (/api/v1): what it is and where everything is.

    ``links`` maps each Dutch name to a URL name, given by the URL configuration.
    """

    links: dict[str, str] = {}

    @extend_schema(summary="Startpunt van de API", responses=ApiIndexSerializer, tags=["api"], operation_id="index")
    def get(self, request):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        return Response(ApiIndexSerializer({
            "naam": SCHEMA_SETTINGS["TITLE"],
            "versie": api_version(),
            "licentie": LICENSE,
            "links": {name: request.build_absolute_uri(reverse(url_name)) for name, url_name in self.links.items()},
        }).data)


class OpenApiView(PublicApiMixin, APIView):
    """The OpenAPI 3 document, at the well-known address /api/v1/openapi.json."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2]

    @extend_schema(
        summary="Deze beschrijving van de API (OpenAPI 3)",
        tags=["api"],
        operation_id="openapi",
        responses={(200, renderer.media_type): OpenApiTypes.OBJECT for renderer in renderer_classes},
    )
    def get(self, request):
        return self.cached_or_not_modified(request) or Response(api_schema(request))


@extend_schema(exclude=True)
class ApiDocsView(PublicApiMixin, APIView):
    """The documentation page, rendered on the server from the OpenAPI document.

    Plain HTML with the site's own stylesheet: no script, so it works under the site's
    Content-Security-Policy ('self' only, no inline code) and with any assistive
    technology. Tools that want the machine-readable form use openapi.json.
    """

    renderer_classes = [TemplateHTMLRenderer]
    template_name = "api/docs.html"

    def get(self, request):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        return Response(docs_context(api_schema(request)))


def _type_label(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "allOf" in schema:
        return " ".join(_type_label(part) for part in schema["allOf"])
    if schema.get("type") == "array":
        return f"lijst van {_type_label(schema.get('items', {}))}"
    label = schema.get("format") or schema.get("type") or "waarde"
    if schema.get("enum"):
        label += ": " + ", ".join(str(value) for value in schema["enum"] if value not in ("", None))
    if schema.get("nullable"):
        label += " of null"
    return label


# Readers come for the open data: the API's own addresses first, then the data, and the
# staff operations (sign-in required) last.
SECTION_TITLES = {"api": "Algemeen", "beheer": "Beheer (alleen voor medewerkers, met aanmelding)"}


def _section_order(tag: str) -> tuple[int, str]:
    return {"api": 0, "beheer": 2}.get(tag, 1), tag


def docs_context(schema: dict) -> dict:
    """The OpenAPI document as sections of operations and a list of data types."""
    components = schema.get("components", {}).get("schemas", {})
    sections: dict[str, list] = {}
    # The paths are relative to the server (/api/v1); readers see whole addresses.
    root = schema["servers"][0]["url"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            ok = operation["responses"]["200"]
            content = ok.get("content", {})
            body = content.get("application/json", {}).get("schema")
            sections.setdefault(operation.get("tags", ["api"])[0], []).append({
                "method": method.upper(),
                "path": (root + path).rstrip("/") or "/",
                "anchor": operation["operationId"],
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "where": {"path": "adres", "query": "query"}.get(parameter["in"], parameter["in"]),
                        "required": parameter.get("required", False),
                        "type": _type_label(parameter.get("schema", {})),
                        "description": parameter.get("description", ""),
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "formats": list(content),
                "body": _type_label(body) if body else "",
                "responses": [
                    {"code": code, "description": response.get("description", "")}
                    for code, response in operation["responses"].items()
                ],
            })
    types = [
        {
            "name": name,
            "description": component.get("description", ""),
            "fields": [
                {
                    "name": field,
                    "type": _type_label(field_schema),
                    "description": field_schema.get("description", ""),
                }
                for field, field_schema in component.get("properties", {}).items()
            ],
        }
        for name, component in sorted(components.items())
        if component.get("type") == "object"
    ]
    return {
        "title": schema["info"]["title"],
        "version": schema["info"]["version"],
        "license": schema["info"]["license"],
        "description": schema["info"].get("description", ""),
        "sections": [
            {"tag": tag, "title": SECTION_TITLES.get(tag, tag.capitalize()), "operations": operations}
            for tag, operations in sorted(sections.items(), key=lambda item: _section_order(item[0]))
        ],
        "types": types,
    }
