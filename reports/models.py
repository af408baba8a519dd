"""The sources the programme's facts come from and the yearly report editions."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    PROGRESS_REPORT = "voortgangsrapportage", _("Voortgangsrapportage")
    LETTER = "kamerbrief", _("Kamerbrief")
    PRESENTATION = "presentatie", _("Presentatie")
    PLAN = "plan", _("Plan van aanpak")
    OTHER = "anders", _("Anders")


class SourceDocument(models.Model):
    """A document that states programme facts: a report, a Kamerbrief, slides."""

    key = models.SlugField(_("sleutel"), unique=True)
    title = models.CharField(_("titel"), max_length=300)
    kind = models.CharField(_("soort"), max_length=30, choices=SourceKind.choices)
    date = models.DateField(_("datum"), null=True, blank=True)
    date_text = models.CharField(
        _("moment zoals bekend"), max_length=100, blank=True,
        help_text=_("Bijvoorbeeld “mei 2024” als de bron geen dag noemt."),
    )
    reference_date = models.DateField(_("peildatum"), null=True, blank=True)
    url = models.URLField(_("adres"), max_length=500, blank=True)
    seed_file = models.CharField(_("bronbestand"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        ordering = [models.F("date").asc(nulls_last=True), "key"]

    def __str__(self) -> str:
        return self.title


class EditionStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")


class ReportEdition(models.Model):
    """One yearly voortgangsrapportage to the Tweede Kamer, e.g. the fourth (2025)."""

    programme = models.ForeignKey(
        "measures.Programme", verbose_name=_("programma"), on_delete=models.CASCADE, related_name="editions"
    )
    key = models.SlugField(_("sleutel"), unique=True)
    number = models.PositiveSmallIntegerField(_("volgnummer"))
    title = models.CharField(_("titel"), max_length=300)
    year = models.PositiveSmallIntegerField(_("jaar"))
    reference_date = models.DateField(_("peildatum"))
    status = models.CharField(
        _("status"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    published_on = models.DateField(_("gepubliceerd op"), null=True, blank=True)
    source = models.ForeignKey(
        SourceDocument, verbose_name=_("bron"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="editions",
    )
    introduction = models.TextField(_("inleiding"), blank=True)
    introduction_links = models.JSONField(_("links bij de inleiding"), default=list, blank=True)
    reading_guide = models.TextField(_("leeswijzer"), blank=True)
    goals_text = models.TextField(_("tekst bij de doelen"), blank=True)
    goals_links = models.JSONField(_("links bij de doelen"), default=list, blank=True)
    monitor_text = models.TextField(_("doelstellingenmonitor"), blank=True)
    matrix_intro = models.TextField(_("inleiding samenhang doelen en maatregelen"), blank=True)
    cooperation_text = models.TextField(_("samenwerking met veldpartijen"), blank=True)
    measures_intro = models.TextField(_("inleiding maatregelen"), blank=True)
    measures_intro_footnote = models.TextField(_("voetnoot bij de inleiding maatregelen"), blank=True)
    laws_intro = models.TextField(_("inleiding verwachte wet- en regelgeving"), blank=True)
    fixture_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("editie voortgangsrapportage")
        verbose_name_plural = _("edities voortgangsrapportage")
        ordering = ["programme", "number"]
        permissions = [
            ("render_report", _("Een rapportage laten genereren")),
            ("manage_editions", _("Edities van de rapportage beheren en publiceren")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="edition_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


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
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("generatie van een rapportage")
        verbose_name_plural = _("generaties van rapportages")
        ordering = ["-created_at", "-id"]
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
