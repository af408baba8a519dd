"""Settings for the test suite: base.py against the real PostgreSQL and Redis.

The suite must never silently fall back to SQLite: without DATABASE_URL pointing at
PostgreSQL it refuses to run.
"""
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import DATABASES, env

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "The tests run on PostgreSQL: set DATABASE_URL, e.g. "
        "postgres://postgres@127.0.0.1:5432/passend (scripts/test does this)."
    )

# Hashing strength is not under test; a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests choose per test whether tasks run eagerly or on a real worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)

# A queue of this run's own on the shared Redis: purging it, or a worker consuming it,
# never touches another run's tasks. Server processes started by the tests inherit it
# through their environment (tests/processes.py).
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default=f"passend-test-{os.getpid()}")
