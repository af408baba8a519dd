"""The permission matrix of the staff workspace, over every URL pattern under /beheer/.

The URLs are enumerated from the URLconf, so a new staff view cannot slip through
without being listed here with the roles that may use it.
"""
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# Open to everyone by nature: signing in and out.
PUBLIC = {"staff:login", "staff:logout"}

EDIT = {"redacteur", "eindredacteur"}
REPORTS = {"eindredacteur", "beheerder"}
# Which roles may use each staff view; everyone else signed in gets 403.
ALLOWED = {
    "staff:home": EDIT,
    "staff:to_update": EDIT,
    "staff:review_queue": {"eindredacteur"},
    "staff:user_list": {"beheerder"},
    "staff:user_create": {"beheerder"},
    "staff:user_edit": {"beheerder"},
    "staff:record_list": EDIT,
    "staff:record_edit": EDIT,
    "staff:record_status": EDIT,
    "staff:record_review": EDIT,
    "staff:record_history": EDIT,
    "staff:record_discard": EDIT,
    "staff:report_home": REPORTS,
    "staff:report_edition": REPORTS,
    "staff:report_edition_start": {"beheerder"},
    "staff:report_edition_adopt": {"eindredacteur"},
    "staff:report_generation_start": REPORTS,
    "staff:report_generation": REPORTS,
    "staff:report_generation_status": REPORTS,
    "staff:report_generation_download": REPORTS,
    "staff:report_generation_cancel": REPORTS,
    "staff:report_generation_retry": REPORTS,
    # Syncing publishes the Kamer's facts at once: the eindredacteur's decision (motions/staff_views.py).
    "staff:tweede_kamer_sync": {"eindredacteur"},
    "staff:tweede_kamer_sync_detail": {"eindredacteur"},
}
# Values for the URL parameters of staff views (per view where they differ).
PARAMETERS = {"kind": "maatregelen", "key": "5", "pk": 1}
PARAMETERS_BY_VIEW = {
    "staff:report_edition": {"key": "vgr-2025"},
    "staff:report_generation_start": {"key": "vgr-2025"},
    "staff:report_edition_adopt": {"key": "vgr-2025"},
}
GENERATION_VIEWS = {"staff:report_generation", "staff:report_generation_status",
                    "staff:report_generation_download", "staff:report_generation_cancel",
                    "staff:report_generation_retry"}
UNSAFE_METHODS = ["post", "put", "patch", "delete"]
# What a GET answers once past the permission check, where that is not 200.
EXPECTED_PAST_THE_GATE = {
    "staff:report_generation_start": {405},  # POST only
    "staff:record_status": {405},  # POST only
    "staff:report_generation_download": {404},  # the generation has no file yet
    "staff:report_generation_cancel": {405},  # POST only
    "staff:report_generation_retry": {405},  # POST only
}


@pytest.fixture
def records(db):
    """The smallest data the URLs above point at."""
    from motions.models import SyncTrigger, TweedeKamerSync
    from reports.models import ReportGeneration
    from tests.factories import MeasureFactory, ReportEditionFactory

    MeasureFactory(code="5")
    edition = ReportEditionFactory(key="vgr-2025")
    generation = ReportGeneration.objects.create(
        edition=edition, reference_date=edition.reference_date, snapshot={}, snapshot_sha256="0" * 64)
    sync = TweedeKamerSync.objects.create(trigger=SyncTrigger.SCHEDULED, state="klaar")
    return {**{name: {"pk": generation.pk} for name in GENERATION_VIEWS},
            "staff:tweede_kamer_sync_detail": {"pk": sync.pk}}


def _staff_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if pattern.namespace and namespace
                else (pattern.namespace or namespace)
            )
            yield from _staff_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and namespace == "staff" and pattern.name:
            yield f"staff:{pattern.name}", tuple(pattern.pattern.regex.groupindex)


ALL_STAFF_URLS = sorted(set(_staff_patterns()))
# Signing in and out is open to everyone, so it is not in the role tests at all: a skip
# in this suite then always means something is really missing.
STAFF_URLS = [(name, converters) for name, converters in ALL_STAFF_URLS if name not in PUBLIC]


def _url(name, converters, extra: dict | None = None):
    """The view's address with this test's values; nothing shared is changed, so an
    address never depends on which test ran before."""
    values = {**PARAMETERS, **PARAMETERS_BY_VIEW.get(name, {}), **(extra or {}).get(name, {})}
    missing = [param for param in converters if param not in values]
    assert not missing, f"{name}: add a test value for {missing} to PARAMETERS"
    return reverse(name, kwargs={param: values[param] for param in converters})


def test_every_staff_view_is_in_the_matrix():
    names = {name for name, _converters in ALL_STAFF_URLS}
    assert names - PUBLIC - set(ALLOWED) == set(), "new staff views need an entry in ALLOWED"


@pytest.mark.parametrize("name, converters", STAFF_URLS, ids=[name for name, _c in STAFF_URLS])
@pytest.mark.parametrize("method", ["get", *UNSAFE_METHODS])
def test_anonymous_visitors_are_sent_to_the_login_page(client, records, name, converters, method):
    url = _url(name, converters, records)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


@pytest.mark.parametrize("name, converters", STAFF_URLS, ids=[name for name, _c in STAFF_URLS])
@pytest.mark.parametrize("method", ["get", *UNSAFE_METHODS])
def test_signed_in_users_without_a_role_get_403(client, reader, records, name, converters, method):
    client.force_login(reader)
    assert getattr(client, method)(_url(name, converters, records)).status_code == 403


@pytest.mark.parametrize("role", ["redacteur", "eindredacteur", "beheerder"])
@pytest.mark.parametrize("name, converters", STAFF_URLS, ids=[name for name, _c in STAFF_URLS])
def test_roles_reach_exactly_their_views(client, django_user_model, records, role, name, converters):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(f"user-{role}", password="een-lang-wachtwoord-123")
    user.groups.add(Group.objects.get(name=role))
    extra = dict(records)
    if name.startswith("staff:user_"):
        extra[name] = {"pk": user.pk}
    client.force_login(user)
    status = client.get(_url(name, converters, extra)).status_code
    if role in ALLOWED[name]:
        # Past the gate: the page itself answers, or (only where it says so) a 404 for a
        # generation without a file or a 405 for a POST-only view; never a refusal.
        assert status in EXPECTED_PAST_THE_GATE.get(name, {200}), f"{role} should reach {name}: {status}"
    else:
        assert status == 403, f"{role} must not reach {name}"
