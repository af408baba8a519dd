"""The dataset description (DCAT-AP-NL, JSON-LD) that data portals such as data.overheid.nl
harvest: what the data is, who publishes it, its licence, and every way to get it.

The URL configuration describes the dataset and its distributions (``DatasetView.as_view(
dataset=..., distributions=...)``); this module only knows DCAT.
"""
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from .conventions import LICENSE_URI
from .views import PublicApiMixin

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
# The EU vocabularies DCAT-AP-NL takes its values from.
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
FILE_TYPES = {"application/json": "JSON", "text/csv": "CSV"}


@dataclass(frozen=True)
class Dataset:
    title: str
    description: str
    keywords: list[str]
    # An organisation from the OWMS list data.overheid.nl uses (standaarden.overheid.nl/owms).
    publisher_uri: str
    publisher_name: str
    theme_uri: str


@dataclass(frozen=True)
class Distribution:
    title: str
    url_name: str
    media_type: str
    # A file to download (a CSV, the whole programme), or else an API to call.
    download: bool = True


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


def _id(uri: str) -> dict:
    return {"@id": uri}


def _text(value: str) -> dict:
    return {"@language": "nl", "@value": value}


def dataset_document(
    request, *, dataset: Dataset, distributions: list[Distribution], contact: dict[str, str]
) -> dict:
    """The dataset as DCAT-AP-NL JSON-LD, with absolute addresses for this host."""

    def absolute(url_name: str) -> str:
        return request.build_absolute_uri(reverse(url_name))

    licence = _id(LICENSE_URI)
    language = _id(EU_AUTHORITY + "language/NLD")

    def distribution(item: Distribution) -> dict:
        url = absolute(item.url_name)
        document = {
            "@type": "dcat:Distribution",
            "dct:title": _text(item.title),
            "dcat:accessURL": _id(url),
            "dct:format": _id(EU_AUTHORITY + "file-type/" + FILE_TYPES[item.media_type]),
            "dcat:mediaType": _id(IANA_MEDIA_TYPES + item.media_type),
            "dct:license": licence,
            "dct:language": language,
        }
        if item.download:
            document["dcat:downloadURL"] = _id(url)
        else:
            document["dcat:accessService"] = {
                "@type": "dcat:DataService",
                "dct:title": _text(item.title),
                "dcat:endpointURL": _id(url),
                "dcat:endpointDescription": _id(absolute("api:openapi")),
                "dct:license": licence,
            }
        return document

    return {
        "@context": CONTEXT,
        "@id": absolute("api:dataset"),
        "@type": "dcat:Dataset",
        "dct:identifier": absolute("api:dataset"),
        "dct:title": _text(dataset.title),
        "dct:description": _text(dataset.description),
        "dcat:keyword": [_text(keyword) for keyword in dataset.keywords],
        "dcat:theme": _id(dataset.theme_uri),
        "dct:language": language,
        "dct:license": licence,
        "dct:accessRights": _id(EU_AUTHORITY + "access-right/PUBLIC"),
        "dct:publisher": {**_id(dataset.publisher_uri), "@type": "foaf:Agent", "foaf:name": dataset.publisher_name},
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": contact["name"],
            "vcard:hasEmail": _id(f"mailto:{contact['email']}"),
            "vcard:hasURL": _id(request.build_absolute_uri(contact["url"])),
        },
        "dcat:landingPage": _id(request.build_absolute_uri("/")),
        "dcat:distribution": [distribution(item) for item in distributions],
    }


class DatasetView(PublicApiMixin, APIView):
    """/api/v1/dataset: the dataset description, as JSON-LD (or plain JSON when asked)."""

    renderer_classes = [JSONLDRenderer, JSONRenderer]
    dataset: Dataset | None = None
    distributions: list[Distribution] = []

    @extend_schema(
        summary="Beschrijving van de dataset (DCAT-AP-NL)",
        description="Wat de gegevens zijn, wie ze publiceert, de licentie (CC0 1.0) en alle manieren om ze te "
        "krijgen, als JSON-LD volgens DCAT-AP-NL, zodat dataportalen zoals data.overheid.nl de dataset kunnen "
        "oogsten.",
        tags=["api"],
        operation_id="dataset",
        responses={(200, renderer.media_type): OpenApiTypes.OBJECT for renderer in renderer_classes},
    )
    def get(self, request):
        cached = self.cached_or_not_modified(request)
        if cached is not None:
            return cached
        return Response(dataset_document(
            request, dataset=self.dataset, distributions=self.distributions, contact=settings.API_CONTACT
        ))
