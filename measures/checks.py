"""System checks: a misconfiguration fails fast, with a message that says what to fix."""
from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def programme_fixtures_present(app_configs, **kwargs):
    """load_programme needs the fixture folder; say so at startup, not mid-deploy."""
    folder = settings.PROGRAMME_FIXTURES_DIR
    if not (folder / "measures").is_dir():
        return [
            Warning(
                f"De programmagegevens zijn niet gevonden in {folder}.",
                hint="Zet PASSEND_FIXTURES_DIR op de map met de YAML-bestanden (zie fixtures/README.md).",
                id="measures.W001",
            )
        ]
    return []


@register(deploy=True)
def production_uses_postgresql(app_configs, **kwargs):
    """SQLite is for a first local run only; a deployment must use PostgreSQL."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return [
            Error(
                "Deze installatie gebruikt geen PostgreSQL.",
                hint="Zet DATABASE_URL op een PostgreSQL-database, bijvoorbeeld "
                "postgres://passend@db:5432/passend.",
                id="measures.E001",
            )
        ]
    return []


@register(deploy=True)
def production_uses_a_broker(app_configs, **kwargs):
    """Without a broker, report rendering would run inside the web request."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return [
            Error(
                "Er is geen Celery-broker ingesteld; taken zouden in het webproces draaien.",
                hint="Zet CELERY_BROKER_URL, bijvoorbeeld redis://redis:6379/0.",
                id="measures.E002",
            )
        ]
    return []
