import os
from pathlib import Path

import pytest
from django.db import transaction
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


def _programme_rolled_back(django_db_blocker):
    """The real programme, loaded inside a transaction that is rolled back when the
    generator ends; each test runs in a savepoint inside it, so what one test writes is
    gone before the next. The database is unblocked only to load and to roll back: a
    test that did not ask for the database still cannot reach it."""
    from tests.helpers import programme_load

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        programme_load()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _programme_for_module(django_db_setup, django_db_blocker):
    yield from _programme_rolled_back(django_db_blocker)


@pytest.fixture(scope="class")
def _programme_for_class(django_db_setup, django_db_blocker):
    yield from _programme_rolled_back(django_db_blocker)


@pytest.fixture
def programme(_programme_for_module, db):
    """The real programme content from fixtures/, loaded once for a test module (loading
    takes seconds).

    Once set up it stays until the module ends, so every later test of the module sees
    it, whether it asks for it or not: a test that needs an empty database belongs in a
    module without it, or the module's programme tests use ``programme_in_class``.
    Data that other connections must see (a live server, a worker, ``transaction=True``)
    needs ``programme_loaded``."""


@pytest.fixture
def programme_in_class(_programme_for_class, db):
    """The real programme content, loaded once for a test class: for modules that also
    have tests on an empty database or on factory data."""


@pytest.fixture
def programme_loaded(db):
    """The real programme content, loaded (and committed, for a transactional test) for
    this test alone, as load_programme does."""
    from tests.helpers import programme_load

    programme_load()


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
