"""For tests that start the app in other processes (gunicorn, celery worker)."""
import os

from django.conf import settings
from django.db import connection


def server_environment(**overrides: str) -> dict:
    """The environment for a server process that uses this test run's database and broker."""
    database = connection.settings_dict
    # The browser tests allow async-unsafe ORM use in this process; servers must not.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="passend.settings.test",
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
        CELERY_TASK_ALWAYS_EAGER="false",
        DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        **overrides,
    )
    return env
