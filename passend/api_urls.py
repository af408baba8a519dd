"""The open-data API (/api/v1/): resources named in Dutch, in the plural, no trailing slashes.

Settings the API reads (all optional; defaults in passend/settings/base.py):

    REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": "600/hour"}
    API_CONTACT = {"name": …, "email": …, "url": …}
    TWEEDE_KAMER_ODATA_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
"""
from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from core.api.dataset import Dataset, DatasetView, Distribution
from core.api.docs import ApiDocsView, ApiIndexView, OpenApiView
from core.api.problems import api_not_found
from core.api.views import csv_download_urls
from dashboard.api import ProgrammeDocumentView
from legislation.api import LawViewSet
from measures.api import GoalViewSet, KeyFigureViewSet, MeasureViewSet, StakeholderGroupViewSet
from motions.api import CommitmentViewSet, MotionViewSet
from reports.api import EditionViewSet
from workspace.api import DraftPublishView, DraftReturnView, DraftSubmitView, DraftView

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("doelen", GoalViewSet, basename="doel")
router.register("maatregelen", MeasureViewSet, basename="maatregel")
router.register("betrokkenen", StakeholderGroupViewSet, basename="betrokkene")
router.register("moties", MotionViewSet, basename="motie")
router.register("toezeggingen", CommitmentViewSet, basename="toezegging")
router.register("wetgeving", LawViewSet, basename="wet")
router.register("rapportages", EditionViewSet, basename="rapportage")
router.register("kerncijfers", KeyFigureViewSet, basename="kerncijfer")

# The API's root lists where everything is. /api/v1 itself (passend/urls.py) answers the
# same; the document names that operation once, for /api/v1/ (schema=None leaves the
# other out, also in drf-spectacular's own system check).
INDEX_LINKS = {
    "documentatie": "api:docs",
    "openapi": "api:openapi",
    "dataset": "api:dataset",
    "programma": "api:programma",
    **{prefix: f"api:{basename}-list" for prefix, _viewset, basename in router.registry},
}
api_root = ApiIndexView.as_view(links=INDEX_LINKS, schema=None)

DATASET = Dataset(
    title="Verbeteraanpak Passend Onderwijs: voortgang",
    description="De doelen en maatregelen van de Verbeteraanpak Passend Onderwijs met hun status, de moties "
    "en toezeggingen aan de Tweede Kamer, de verwachte wet- en regelgeving en de gepubliceerde "
    "voortgangsrapportages.",
    keywords=["passend onderwijs", "onderwijs", "voortgangsrapportage", "moties", "toezeggingen"],
    publisher_uri="http://standaarden.overheid.nl/owms/terms/Ministerie_van_Onderwijs,_Cultuur_en_Wetenschap",
    publisher_name="Ministerie van Onderwijs, Cultuur en Wetenschap",
    theme_uri="http://standaarden.overheid.nl/owms/terms/Onderwijs_en_wetenschap",
)
DISTRIBUTIONS = [
    Distribution("Open-data-API (JSON)", "api_index", "application/json", download=False),
    Distribution("Het hele programma in één JSON-document", "api:programma", "application/json"),
    *(
        Distribution(f"{viewset.csv_filename.capitalize()} (CSV)", f"api:{basename}-csv", "text/csv")
        for _prefix, viewset, basename in router.registry
    ),
]

urlpatterns = [
    path("", ApiIndexView.as_view(links=INDEX_LINKS), name="index"),
    *router.urls,
    *csv_download_urls(router.registry),
    path("programma", ProgrammeDocumentView.as_view(), name="programma"),
    path("openapi.json", OpenApiView.as_view(), name="openapi"),
    path("dataset", DatasetView.as_view(dataset=DATASET, distributions=DISTRIBUTIONS), name="dataset"),
    path("docs", ApiDocsView.as_view(), name="docs"),
    # Staff writes: drafts, review and publishing, with the workspace's rules. The kinds
    # sit in a group of their own because drf-spectacular copies the group's regex into
    # the document as "^…$": bare, "^maatregelen|moties|wetgeving$" would also admit
    # "xmoties" there (the fuzzer in tests/api/test_schema.py sent such addresses).
    re_path(r"^(?P<kind>(?:maatregelen|moties|wetgeving))/(?P<key>[^/]+)/concept$",
            DraftView.as_view(), name="concept"),
    re_path(r"^(?P<kind>(?:maatregelen|moties|wetgeving))/(?P<key>[^/]+)/concept/aanbieden$",
            DraftSubmitView.as_view(), name="concept_aanbieden"),
    re_path(r"^(?P<kind>(?:maatregelen|moties|wetgeving))/(?P<key>[^/]+)/concept/publiceren$",
            DraftPublishView.as_view(), name="concept_publiceren"),
    re_path(r"^(?P<kind>(?:maatregelen|moties|wetgeving))/(?P<key>[^/]+)/concept/terugsturen$",
            DraftReturnView.as_view(), name="concept_terugsturen"),
    # Last: every other address under /api/v1/ is a problem+json 404, not an HTML page.
    # [\s\S] and not ".", which stops at a newline (an address can hold one as %0A); not
    # the (?s) flag either, which Django's reverse() refuses.
    re_path(r"^[\s\S]*$", api_not_found),
]
