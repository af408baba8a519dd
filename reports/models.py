"""Report generations: a snapshot of an edition's data rendered to PDF by a Celery job."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from programme.models import ReportEdition


class GenerationStatus(models.TextChoices):
    QUEUED = "in_wachtrij", _("In wachtrij")
    RUNNING = "bezig", _("Bezig")
    DONE = "klaar", _("Klaar")
    FAILED = "mislukt", _("Mislukt")


ACTIVE_GENERATION_STATUSES = [GenerationStatus.QUEUED, GenerationStatus.RUNNING]


def generation_upload_to(generation: "ReportGeneration", filename: str) -> str:
    return f"rapportages/{generation.edition.key}/{filename}"


class ReportGeneration(models.Model):
    """One rendering of an edition to PDF, from a snapshot of the data taken when it started.

    The snapshot is kept with the file, so the PDF can always be traced back to (and
    rendered again from) exactly the data it shows.
    """

    edition = models.ForeignKey(
        ReportEdition, verbose_name=_("editie"), on_delete=models.PROTECT, related_name="generations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GenerationStatus.choices, default=GenerationStatus.QUEUED
    )
    error_message = models.TextField(_("foutmelding"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gestart door"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reference_date = models.DateField(_("peildatum"))
    snapshot = models.JSONField(_("momentopname van de gegevens"))
    snapshot_sha256 = models.CharField(_("controlegetal momentopname"), max_length=64)
    # The generation whose snapshot a published edition is frozen to: regenerating the
    # edition later renders this snapshot again instead of the live data.
    is_frozen = models.BooleanField(_("vastgestelde versie"), default=False)
    file = models.FileField(_("bestand"), upload_to=generation_upload_to, blank=True)
    size = models.PositiveBigIntegerField(_("grootte in bytes"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("aantal pagina’s"), null=True, blank=True)
    sha256 = models.CharField(_("controlegetal (SHA-256)"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    # Renewed by the rendering worker while it works (services.report_generation_run):
    # a running generation without a recent one has lost its worker.
    heartbeat_at = models.DateTimeField(_("laatste teken van leven"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("generatie van een rapportage")
        verbose_name_plural = _("generaties van rapportages")
        ordering = ["-created_at", "-id"]
        permissions = [
            ("render_report", _("Een rapportage laten genereren")),
        ]
        constraints = [
            # The database, not only the service, guarantees one render per edition at a time.
            models.UniqueConstraint(
                fields=["edition"],
                condition=models.Q(status__in=ACTIVE_GENERATION_STATUSES),
                name="generation_one_active_per_edition",
            ),
            models.UniqueConstraint(
                fields=["edition"], condition=models.Q(is_frozen=True), name="generation_one_frozen_per_edition",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=GenerationStatus.DONE) | ~models.Q(file=""),
                name="generation_done_has_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition.title}: {self.get_status_display()} ({self.created_at:%d-%m-%Y %H:%M})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_GENERATION_STATUSES
