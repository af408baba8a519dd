"""Celery tasks of the motions app: thin shells around services.py."""
import logging

from celery import shared_task

from .models import TweedeKamerSync
from .services import tweede_kamer_sync_fail, tweede_kamer_sync_run, tweede_kamer_sync_scheduled

logger = logging.getLogger(__name__)


@shared_task
def tweede_kamer_sync_run_task(sync_id: int) -> None:
    """Run a queued sync; a failure the per-motion handling did not catch closes the run."""
    try:
        tweede_kamer_sync_run(sync_id=sync_id)
    except TweedeKamerSync.DoesNotExist:
        logger.warning("Tweede Kamer sync %s no longer exists", sync_id)
    except Exception as error:
        logger.exception("Tweede Kamer sync %s failed", sync_id)
        tweede_kamer_sync_fail(
            sync_id=sync_id, message=f"Het bijwerken is mislukt: {type(error).__name__}: {error}"
        )


@shared_task
def tweede_kamer_sync_nightly() -> None:
    """Every night, by Celery beat."""
    tweede_kamer_sync_scheduled()
