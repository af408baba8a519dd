"""Project-wide guarantees: migrations, deployment checks, admin pages."""
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_migrations_are_complete(db):
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def _production_check(**overrides: str) -> subprocess.CompletedProcess:
    # The browser tests allow async-unsafe ORM use in this process; production must not.
    inherited = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "passend.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "passend.example.nl",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        **overrides,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _production_check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_when_production_runs_on_sqlite():
    result = _production_check(DATABASE_URL="sqlite:////tmp/passend-check.sqlite3")
    assert result.returncode != 0
    assert "measures.E001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="passend.settings.production", DJANGO_ALLOWED_HOSTS="x.nl")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.nl", "een-lang-wachtwoord")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def test_admin_pages_load_for_every_model(superuser, superuser_client, programme_loaded, rf):
    """One test over all models: loading the programme once keeps it fast."""
    request = rf.get("/")
    request.user = superuser
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert superuser_client.get(changelist).status_code == 200, opts.label
        assert superuser_client.get(changelist, {"q": "onderwijs"}).status_code == 200, opts.label
        # Some third-party admins (django-axes' log) are read-only by design.
        expected_add = 200 if model_admin.has_add_permission(request) else 403
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        assert superuser_client.get(add).status_code == expected_add, opts.label
        first = model.objects.first()
        if first is not None:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            assert superuser_client.get(change).status_code == 200, opts.label


def _admin_url(**overrides: str) -> str:
    """Where the admin's index is under production settings with this environment."""
    inherited = {key: value for key, value in os.environ.items()
                 if key not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_ADMIN_PATH")}
    env = {**inherited, "DJANGO_SETTINGS_MODULE": "passend.settings.production",
           "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "x.nl", **overrides}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.urls import reverse; "
         "print(reverse('admin:index'))"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_the_admin_off_the_well_known_path():
    assert _admin_url() != "/admin/"
    assert _admin_url(DJANGO_ADMIN_PATH="onze-eigen-plek/") == "/onze-eigen-plek/"
