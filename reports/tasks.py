"""Celery tasks of the reports app: thin shells around services.py."""
import logging

from celery import shared_task
from celery.signals import worker_init, worker_process_init
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from .models import ReportGeneration
from .rendering import report_renderer_prepare
from .services import report_generation_fail, report_generation_run, report_generations_expire_stale

logger = logging.getLogger(__name__)

# Worth another try: the database or a network hiccup, not a fault in the report itself.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@worker_init.connect
def _load_renderer(**kwargs) -> None:
    """Import WeasyPrint once in the worker's main process, before it forks its pool: no
    child imports it again, and none spends its first job on it."""
    import weasyprint  # noqa: F401


@worker_process_init.connect
def _prepare_renderer(**kwargs) -> None:
    """Each pool process parses the print stylesheet and sets up its fonts when it
    starts (in well under Celery's four seconds for this signal), not in its first job."""
    report_renderer_prepare()


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=3,
)
def report_generation_render(self, generation_id: int) -> None:
    """Render a queued generation. Idempotent: a redelivered message changes nothing
    once the generation has finished or failed."""
    try:
        report_generation_run(generation_id=generation_id)
    except ReportGeneration.DoesNotExist:
        logger.warning("Report generation %s no longer exists; nothing to render", generation_id)
    except TRANSIENT_ERRORS as error:
        if self.request.retries < self.max_retries:
            raise
        logger.exception("Report generation %s failed after %s retries", generation_id, self.request.retries)
        report_generation_fail(
            generation_id=generation_id,
            message=_("Het genereren is na %(attempts)s pogingen mislukt door een storing: %(error)s")
            % {"attempts": self.request.retries + 1, "error": error},
        )
    except Exception as error:
        logger.exception("Report generation %s failed", generation_id)
        report_generation_fail(
            generation_id=generation_id,
            message=_("Het genereren is mislukt: %(error)s") % {"error": f"{type(error).__name__}: {error}"},
        )


@shared_task
def sweep_stale_generations() -> int:
    """Every ten minutes, by Celery beat."""
    return report_generations_expire_stale()
