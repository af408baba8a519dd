"""Settings shared by every environment, driven by environment variables.

With no variables set the app runs embedded, for a newcomer's first run: a SQLite file
in the project folder and Celery tasks executed in-process. Setting ``DATABASE_URL``
and ``CELERY_BROKER_URL`` switches to PostgreSQL and a real Redis broker with separate
workers. ``production.py`` adds the hardening that a public deployment needs.
"""
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The one object through which every setting reads the environment.
env = environ.Env()

# --- Core -------------------------------------------------------------------------

# Off unless asked for: a forgotten variable must never expose debug pages.
DEBUG = env.bool("DJANGO_DEBUG", default=False)

# The fallback key only exists so that the embedded first run works; production.py
# refuses to start without a real one.
SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    default="django-insecure-local-development-only-never-use-in-production",
)

# Loopback only by default; deployments list their public host names.
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    # Tokens for systems that write through the API on behalf of a staff member.
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "axes",
    "csp",
    "core",
    "search",
    "programme",
    "workspace",
    "measures",
    "motions",
    "legislation",
    "reports",
    "content",
    "dashboard",
]

MIDDLEWARE = [
    "core.request_logging.RequestIdMiddleware",
    # Early, so that its headers reach every API response, also those served from the cache.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves collected static files from the app server itself, so the web
    # container needs no separate file server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves cached public pages before sessions, CSRF and the rest are set up.
    "core.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: it throttles failed logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "passend.urls"
# Where Django's admin lives. Production moves it off the well-known /admin/ (see
# production.py); set DJANGO_ADMIN_PATH to a path of your own there.
ADMIN_PATH = env("DJANGO_ADMIN_PATH", default="admin/")
WSGI_APPLICATION = "passend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------

# PostgreSQL in production (postgres://user@host:5432/name); a local SQLite file when
# unset so that the first run needs no server.
DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    ),
}
# Reuse connections between requests, but check them first so that a restarted
# PostgreSQL is recovered from without restarting the app.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication ---------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:home"

# Staff sessions end after a working day of inactivity and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True

# django-axes: five failed logins per user name and address lock out for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_VERBOSE = False

# --- Content-Security-Policy ------------------------------------------------------

# Only our own scripts, styles and images; no inline script or style anywhere, so an
# injected <script> cannot run even if sanitising ever failed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Language and time ------------------------------------------------------------

# The audience is Dutch: the UI, dates and admin are in Dutch.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and generated files ---------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# Generated reports live here; in docker compose this is a named volume.
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# The YAML files that `load_programme` reads (see fixtures/README.md).
PROGRAMME_FIXTURES_DIR = Path(env("PASSEND_FIXTURES_DIR", default=str(BASE_DIR / "fixtures")))

# A form post up to this size reaches the form, which answers an over-long text with
# its own message next to the field (the longest valid workspace form is about 200 kB);
# anything larger is refused before it is read (the 400 page says what to do).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Celery -----------------------------------------------------------------------

# Without a broker URL, tasks run in-process (eager): the embedded default.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=env("REDIS_URL", default=""))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
# One queue per deployment (or per test run) sharing a Redis server.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# A task is acknowledged only after it finished, so a worker killed mid-render
# hands the job to another worker instead of losing it.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# An unacknowledged task (its worker died) goes back to the queue after this many
# seconds; longer than the slowest render, so a live render is never run twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_TIMEZONE = TIME_ZONE
# Scheduled jobs, run by `celery -A passend beat`.
CELERY_BEAT_SCHEDULE = {
    "stale-measure-reminders": {
        "task": "measures.tasks.send_stale_measure_reminders",
        "schedule": 24 * 60 * 60,
    },
    # A generation whose worker vanished (no heartbeat) or whose message was lost is
    # marked failed, so staff can start it again.
    "sweep-stale-report-generations": {
        "task": "reports.tasks.sweep_stale_generations",
        "schedule": 60,
    },
    # The Tweede Kamer's facts about our motions (decisions, submitters), at night.
    "tweede-kamer-sync": {
        "task": "motions.tasks.tweede_kamer_sync_nightly",
        "schedule": crontab(hour=3, minute=30),
    },
}
# How often a worker rendering a report says it is still at it; a running generation
# without a sign of life for four of these is taken for lost (its worker was killed).
REPORT_HEARTBEAT_SECONDS = env.int("REPORT_HEARTBEAT_SECONDS", default=15)

# --- E-mail -----------------------------------------------------------------------

# Printed to the console unless an SMTP server is configured (EMAIL_URL, e.g.
# smtp://user:password@mail.example.nl:587).
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Passend <noreply@passend.example.nl>")

# --- Caching ----------------------------------------------------------------------

# Public pages are cached; a publish bumps the content version (measures/cache.py) so
# that no stale page is served. Redis in production, process memory when embedded.
CACHES = {
    "default": (
        {
            # Fails open: with Redis down, pages are served uncached instead of failing.
            "BACKEND": "core.redis_cache.ResilientRedisCache",
            "LOCATION": env("CACHE_URL"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if env("CACHE_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
}
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=300)

# --- REST API ---------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Errors as problem+json (RFC 9457), as the NLGov API design rules ask.
    "EXCEPTION_HANDLER": "core.api.problems.problem_exception_handler",
    # DRF's parsers, with JSON nested too deep to parse refused as a 400.
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Anonymous clients share the open data fairly; staff are not throttled.
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_THROTTLE_RATE", default="600/hour")},
    # How many proxies in front of the app append to X-Forwarded-For. With the default 0
    # the throttle counts by the connecting address and ignores the header, which any
    # client can forge; behind one reverse proxy set 1, and so on.
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
}

# The Tweede Kamer's open data (OData v4), for the parliamentary facts of motions.
TWEEDE_KAMER_ODATA_URL = env(
    "TWEEDE_KAMER_ODATA_URL", default="https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
)
# Who answers questions about the open data (info.contact in the OpenAPI document, the
# contact point of the dataset description). The URL may be a path on this site.
API_CONTACT = {
    "name": env("API_CONTACT_NAME", default="Ministerie van Onderwijs, Cultuur en Wetenschap"),
    "email": env("API_CONTACT_EMAIL", default="opendata@passend.example.nl"),
    "url": env("API_CONTACT_URL", default="/over/"),
}
# Open data is for any web page to read (CORS, django-cors-headers): the API answers
# every origin, without cookies, and only for reading. The staff write endpoints
# (/concept) are left out, so a browser keeps them same-origin.
CORS_URLS_REGEX = r"^/api/v1(?:/(?!.*/concept(?:/|$)).*)?$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["API-Version", "ETag", "Link", "Content-Disposition", "Retry-After", "X-Request-ID"]
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60

SPECTACULAR_SETTINGS = {
    "TITLE": "Passend API",
    "DESCRIPTION": "Open data over de Verbeteraanpak Passend Onderwijs.",
    "VERSION": "1.0.0",
}

# --- Logging ----------------------------------------------------------------------

# Plain lines for people at a terminal; JSON lines (DJANGO_LOG_FORMAT=json, the default
# in production.py) for log collectors. Every line carries the request id.
LOG_FORMAT = env("DJANGO_LOG_FORMAT", default="plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "core.request_logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Successful logins are not news; failures and lockouts still are (WARNING).
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO (some 300 lines a report); up to 68
        # it set its own logger to WARNING, from 69 on that is left to the project.
        "weasyprint": {"level": "WARNING"},
    },
}

# --- Staff workspace --------------------------------------------------------------

# Whether every redacteur may edit every measure, or only the measures assigned to them
# (Measure.editors). Eindredacteuren always may.
PASSEND_EDITORS_MAY_EDIT_ALL = env.bool("PASSEND_EDITORS_MAY_EDIT_ALL", default=True)
# Days before an upcoming edition's peildatum on which redacteuren are reminded of the
# measures they have not updated since the previous edition.
PASSEND_REMINDER_DAYS = env.list("PASSEND_REMINDER_DAYS", cast=int, default=[28, 14, 7])
