import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command


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


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test of the session: Playwright's
    sync API allows only one running instance per thread."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the test thread; Django's ORM refuses
    # to run there unless told that this is deliberate (the queries stay synchronous).
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
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

    cache.clear()
    yield
