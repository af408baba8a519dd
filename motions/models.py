"""Parliamentary motions (moties) and commitments (toezeggingen) the programme answers to."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from programme.models import StatusRecord

from .kamerstukken import parse_kamerstuk_number


class MotionStatus(models.TextChoices):
    """How far OCW has carried out a motion, as the "Overzicht moties" reports it."""

    STARTING = "in_opstartfase", _("In opstartfase")
    IN_PROGRESS = "in_uitvoering", _("In uitvoering")
    CARRIED_OUT = "uitgevoerd", _("Uitgevoerd")
    UNKNOWN = "onbekend", _("Niet vermeld")


class MotionScope(models.TextChoices):
    """What a motion is carried out within: a measure, or something wider."""

    MEASURE = "measure", _("Maatregel")
    PROGRAMME = "programme", _("Verbeteraanpak passend onderwijs")
    INCLUSIVE_EDUCATION = "inclusive_education", _("Programma Inclusief onderwijs")
    OTHER = "other", _("Anders")


class ChamberDecision(models.TextChoices):
    """What the Tweede Kamer decided on a motion, as its open data records it
    (the BesluitSoort of its latest decision; see motions/tweedekamer.py)."""

    ADOPTED = "aangenomen", _("Aangenomen")
    NOT_ADOPTED = "niet_aangenomen", _("Niet aangenomen")
    REJECTED = "verworpen", _("Verworpen")
    HELD = "aangehouden", _("Aangehouden")
    POSTPONED = "uitgesteld", _("Stemming uitgesteld")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")
    # A decision whose kind we do not know; staff see which in the sync summary.
    UNKNOWN = "onbekend", _("Onbekend")


class Motion(models.Model):
    """A motion adopted by the Tweede Kamer, identified by its Kamerstuk number."""

    programme = models.ForeignKey(
        "programme.Programme", verbose_name=_("programma"), on_delete=models.CASCADE, related_name="motions"
    )
    kamerstuk = models.CharField(
        _("Kamerstuknummer"), max_length=30, unique=True, help_text=_("Bijvoorbeeld 31497-373.")
    )
    dossier = models.CharField(_("dossier"), max_length=10, editable=False)
    dossier_suffix = models.CharField(_("toevoeging"), max_length=10, blank=True, editable=False)
    number = models.PositiveIntegerField(_("ondernummer"), editable=False)
    number_as_written = models.CharField(_("nummer zoals geschreven"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde in het overzicht"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    explanation = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MotionStatus.choices, default=MotionStatus.STARTING
    )
    status_note = models.TextField(_("toelichting op de status"), blank=True)
    scope = models.CharField(
        _("uitgevoerd binnen"), max_length=30, choices=MotionScope.choices, default=MotionScope.MEASURE
    )
    # Our own editorial remarks (how a source was read, judgement calls): staff see them in
    # the workspace; no public page, API resource, feed, CSV, search index or report reads them.
    internal_note = models.TextField(
        _("interne notitie"), blank=True,
        help_text=_("Alleen voor medewerkers; wordt nooit gepubliceerd."),
    )
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("maatregelen"), related_name="motions", blank=True
    )
    submitters_source = models.ForeignKey(
        "programme.SourceDocument",
        verbose_name=_("bron van de indieners"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Parliamentary facts, filled in from the Tweede Kamer's open data
    # (motions/tweedekamer.py); OCW's own status and explanation are never taken from there.
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)
    chamber_decision = models.CharField(
        _("besluit van de Kamer"), max_length=20, choices=ChamberDecision.choices, blank=True
    )
    chamber_decision_on = models.DateField(_("datum van het besluit van de Kamer"), null=True, blank=True)
    cabinet_appraisal = models.CharField(_("appreciatie van het kabinet"), max_length=200, blank=True)
    official_url = models.URLField(_("officiële tekst"), max_length=500, blank=True)
    last_synced_at = models.DateTimeField(
        _("laatst bijgewerkt uit de open data van de Tweede Kamer"), null=True, blank=True, editable=False
    )
    # Incremented by every publish; a draft based on an older version cannot be
    # published over a newer one without the reviewer seeing it (optimistic locking).
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    fixture_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("motie")
        verbose_name_plural = _("moties")
        ordering = ["position", "dossier", "number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(number__gte=1), name="motion_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.kamerstuk} {self.title}"

    def save(self, *args, **kwargs) -> None:
        self._derive_parts()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"/moties/{self.kamerstuk}/"

    def _derive_parts(self) -> None:
        parsed = parse_kamerstuk_number(self.kamerstuk)
        self.kamerstuk = str(parsed)
        self.dossier, self.dossier_suffix, self.number = parsed

    def clean(self) -> None:
        self._derive_parts()


class MotionSubmitter(models.Model):
    """A member of parliament who submitted the motion."""

    motion = models.ForeignKey(
        Motion, verbose_name=_("motie"), on_delete=models.CASCADE, related_name="submitters"
    )
    name = models.CharField(_("naam"), max_length=200)
    party = models.CharField(_("fractie"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("indiener")
        verbose_name_plural = _("indieners")
        ordering = ["motion", "position"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "name"], name="motion_submitter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


class MotionStatusChange(StatusRecord):
    """A motion's status as recorded at one moment, with its source."""

    motion = models.ForeignKey(
        Motion, verbose_name=_("motie"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=MotionStatus.choices)

    class Meta:
        verbose_name = _("statuswijziging motie")
        verbose_name_plural = _("statuswijzigingen moties")
        ordering = ["motion", "sort_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "status", "source"], name="motion_status_change_unique_per_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.motion.kamerstuk}: {self.get_status_display()} ({self.when})"


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("Openstaand")
    DONE = "afgerond", _("Afgerond")
    UNKNOWN = "onbekend", _("Niet vermeld")


class Commitment(models.Model):
    """A promise a minister made to parliament (toezegging), e.g. T01575."""

    programme = models.ForeignKey(
        "programme.Programme", verbose_name=_("programma"), on_delete=models.CASCADE,
        related_name="commitments",
    )
    code = models.CharField(
        _("nummer"), max_length=20, unique=True, null=True, blank=True,
        help_text=_("Het nummer in het register van toezeggingen, bijvoorbeeld T01575."),
    )
    slug = models.SlugField(_("korte naam"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    due_text = models.CharField(_("planning zoals toegezegd"), max_length=200, blank=True)
    due_date = models.DateField(_("uiterste datum"), null=True, blank=True)
    # Our own editorial remarks (how a source was read, judgement calls): staff see them in
    # the workspace; no public page, API resource, feed, CSV, search index or report reads them.
    internal_note = models.TextField(
        _("interne notitie"), blank=True,
        help_text=_("Alleen voor medewerkers; wordt nooit gepubliceerd."),
    )
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("maatregelen"), related_name="commitments", blank=True
    )
    source = models.ForeignKey(
        "programme.SourceDocument", verbose_name=_("bron"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="commitments",
    )
    # Incremented by every publish; a draft based on an older version cannot be
    # published over a newer one without the reviewer seeing it (optimistic locking).
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    fixture_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}" if self.code else self.title


class SyncTrigger(models.TextChoices):
    MANUAL = "handmatig", _("Door een medewerker")
    SCHEDULED = "gepland", _("Gepland")


class SyncState(models.TextChoices):
    RUNNING = "bezig", _("Bezig")
    DONE = "klaar", _("Klaar")
    FAILED = "mislukt", _("Mislukt")


class TweedeKamerSync(models.Model):
    """One run of "Bijwerken vanuit de Tweede Kamer" over every motion, with what it changed.

    ``results`` holds one entry per motion: ``kamerstuk``, ``ok``, ``changed``, ``message``,
    ``unknown_decision`` (the Kamer's BesluitSoort we could not map, or empty) and
    ``changes`` (``label``, ``before``, ``after`` as shown to staff).
    """

    trigger = models.CharField(_("aanleiding"), max_length=20, choices=SyncTrigger.choices)
    state = models.CharField(_("stand"), max_length=20, choices=SyncState.choices, default=SyncState.RUNNING)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gestart door"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    started_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    results = models.JSONField(_("uitkomst per motie"), default=list, blank=True)
    message = models.TextField(_("melding"), blank=True)

    class Meta:
        verbose_name = _("synchronisatie met de Tweede Kamer")
        verbose_name_plural = _("synchronisaties met de Tweede Kamer")
        ordering = ["-started_at", "-id"]
        constraints = [
            # Two runs at once would sync every motion twice and race on the same rows.
            models.UniqueConstraint(
                fields=["state"], condition=models.Q(state="bezig"), name="tweede_kamer_sync_one_running"
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Bijwerken vanuit de Tweede Kamer')} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def changed_results(self) -> list[dict]:
        return [result for result in self.results if result.get("changed")]

    @property
    def failed_results(self) -> list[dict]:
        return [result for result in self.results if not result.get("ok")]

    @property
    def unknown_results(self) -> list[dict]:
        """Motions whose latest decision the Kamer recorded with a kind we do not know."""
        return [result for result in self.results if result.get("unknown_decision")]
