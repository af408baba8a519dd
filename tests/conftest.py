import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# CI gives the same answer twice: the same examples every run, no example database
# carried between runs. bench/fuzz.py runs the same tests with random seeds and a
# larger budget ("fuzz"), and what it finds becomes a plain test here.
_HYPOTHESIS_COMMON = {
    "deadline": None, "database": None, "print_blob": True,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
hypothesis_settings.register_profile("ci", derandomize=True, max_examples=50, **_HYPOTHESIS_COMMON)
hypothesis_settings.register_profile(
    "fuzz", derandomize=False, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "500")), **_HYPOTHESIS_COMMON
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def programme_loaded(db):
    """The real programme content, loaded from fixtures/ as load_programme does."""
    call_command("load_programme", fixtures=settings.PROGRAMME_FIXTURES_DIR, stdout=io.StringIO())


def _user_with_role(django_user_model, username: str, role: str | None):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.nl", "een-lang-wachtwoord-123")
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def reader(db, django_user_model):
    """A signed-in user without any role."""
    return _user_with_role(django_user_model, "lezer", None)


@pytest.fixture
def editor(db, django_user_model):
    return _user_with_role(django_user_model, "redacteur", "redacteur")


@pytest.fixture
def second_editor(db, django_user_model):
    return _user_with_role(django_user_model, "redacteur2", "redacteur")


@pytest.fixture
def final_editor(db, django_user_model):
    return _user_with_role(django_user_model, "eindredacteur", "eindredacteur")


@pytest.fixture
def administrator(db, django_user_model):
    return _user_with_role(django_user_model, "beheerder", "beheerder")


@pytest.fixture(scope="module")
def browser():
    """One headless Debian Chromium per module of browser tests (Playwright's sync API
    allows one running instance per thread).

    While Playwright runs, its event loop counts as running in the test thread, and
    Django's ORM refuses to run under a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE
    is set (the queries stay synchronous). It is set exactly as long as the browser
    runs, so that every other test keeps Django's protection."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(Path("/usr/bin/chromium")), headless=True,
                args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
            )
            yield browser
            browser.close()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty page cache: pages cached by one test (whose
    publish never committed) must not be served to the next."""
    from django.core.cache import cache

    from core import page_cache

    cache.clear()
    page_cache._recent_pages.clear()
    yield
