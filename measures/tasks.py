"""Celery tasks of the measures app: thin shells around services."""
from celery import shared_task

from .reminders import stale_measure_reminders_send


@shared_task
def send_stale_measure_reminders() -> int:
    """Daily, by Celery beat (see CELERY_BEAT_SCHEDULE): reminds only on the set days."""
    return stale_measure_reminders_send()
