"""Health endpoints for the load balancer and the orchestrator.

/health/live: the process answers. /health/ready: the database and the broker can be
reached; 503 otherwise, so traffic moves away until they are back.
"""
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from passend.celery import app as celery_app


@never_cache
@require_safe
def live(request):
    return JsonResponse({"status": "ok"})


def _database_state() -> str:
    try:
        # CONN_HEALTH_CHECKS replaces a connection that died (e.g. PostgreSQL restarted)
        # at the start of the next request, so this answers for the current server.
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        # Drop the broken connection so the next request opens a fresh one.
        connection.close()
        return f"fout: {type(error).__name__}"


def _broker_state() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "niet gebruikt (taken draaien in het webproces)"
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as error:  # noqa: BLE001
        return f"fout: {type(error).__name__}"


@never_cache
@require_safe
def ready(request):
    checks = {"database": _database_state(), "broker": _broker_state()}
    healthy = all(state == "ok" or state.startswith("niet gebruikt") for state in checks.values())
    return JsonResponse({"status": "ok" if healthy else "fout", **checks}, status=200 if healthy else 503)
