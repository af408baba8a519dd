"""Expected laws and regulations (verwachte wet- en regelgeving) and their milestones."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from programme.planning import parse_planning


class LawKind(models.TextChoices):
    BILL = "wetsvoorstel", _("Wetsvoorstel")
    DECREE = "besluit", _("Besluit (AMvB)")


class ExpectedLaw(models.Model):
    """A bill or decree the programme needs, as listed in "Verwachte wet- en regelgeving"."""

    programme = models.ForeignKey(
        "programme.Programme", verbose_name=_("programma"), on_delete=models.CASCADE,
        related_name="expected_laws",
    )
    number = models.CharField(_("nummer"), max_length=4, help_text=_("Bijvoorbeeld 1 of 4a."))
    slug = models.SlugField(_("korte naam"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    kind = models.CharField(_("soort"), max_length=20, choices=LawKind.choices)
    title = models.CharField(_("titel"), max_length=300)
    planning_note = models.TextField(_("opmerking over de planning"), blank=True)
    status_text = models.TextField(_("stand van zaken"), blank=True)
    # Our own editorial remarks (how a source was read, judgement calls): staff see them in
    # the workspace; no public page, API resource, feed, CSV, search index or report reads them.
    internal_note = models.TextField(
        _("interne notitie"), blank=True,
        help_text=_("Alleen voor medewerkers; wordt nooit gepubliceerd."),
    )
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("maatregelen"), related_name="expected_laws", blank=True
    )
    # Incremented by every publish; a draft based on an older version cannot be
    # published over a newer one without the reviewer seeing it (optimistic locking).
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    fixture_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("verwachte wet of regeling")
        verbose_name_plural = _("verwachte wet- en regelgeving")
        ordering = ["programme", "position"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="law_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"/wetgeving/{self.slug}/"


class LawContentItem(models.Model):
    """One bullet of what a law arranges."""

    law = models.ForeignKey(
        ExpectedLaw, verbose_name=_("wet of regeling"), on_delete=models.CASCADE, related_name="content_items"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("inhoudelijk punt")
        verbose_name_plural = _("inhoudelijke punten")
        ordering = ["law", "position"]
        constraints = [
            models.UniqueConstraint(fields=["law", "position"], name="law_content_unique_position"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Phase(models.TextChoices):
    """The phases of a law's life, in the order they happen."""

    CONSULTATION = "internetconsultatie", _("Internetconsultatie")
    COUNCIL_OF_STATE = "raad_van_state", _("Advies Raad van State")
    PARLIAMENT = "parlementaire_behandeling", _("Parlementaire behandeling")
    HOUSE = "behandeling_tweede_kamer", _("Behandeling Tweede Kamer")
    SENATE = "behandeling_eerste_kamer", _("Behandeling Eerste Kamer")
    GAZETTE = "staatsblad", _("Publicatie in het Staatsblad")
    ENTRY_INTO_FORCE = "inwerkingtreding", _("Inwerkingtreding")


PHASE_ORDER = {phase.value: index for index, phase in enumerate(Phase)}


class DatedPlanning(models.Model):
    """Planning as written plus the date range derived from it."""

    planned_text = models.CharField(_("planning zoals geschreven"), max_length=200, blank=True)
    planned_start = models.DateField(_("gepland vanaf"), null=True, blank=True)
    planned_end = models.DateField(_("gepland uiterlijk"), null=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        # The range follows the text unless someone set it explicitly.
        if self.planned_start is None and self.planned_end is None:
            self.planned_start, self.planned_end = parse_planning(self.planned_text) or (None, None)
        super().save(*args, **kwargs)


class LawMilestone(DatedPlanning):
    """A phase of a law with its current planning and, once it happened, the actual date."""

    law = models.ForeignKey(
        ExpectedLaw, verbose_name=_("wet of regeling"), on_delete=models.CASCADE, related_name="milestones"
    )
    phase = models.CharField(_("fase"), max_length=30, choices=Phase.choices)
    label = models.CharField(
        _("onderdeel"), max_length=200, blank=True,
        help_text=_("Voor gefaseerde inwerkingtreding: welk deel van de wet."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actual_date = models.DateField(_("werkelijke datum"), null=True, blank=True)
    actual_text = models.TextField(
        _("werkelijk moment zoals de bron het meldt"), blank=True,
        help_text=_("Als de bron geen volledige datum noemt: de zin waarin zij het meldt."),
    )
    actual_source = models.ForeignKey(
        "programme.SourceDocument", verbose_name=_("bron van de werkelijke datum"), null=True,
        blank=True, on_delete=models.PROTECT, related_name="+",
    )
    # Where the current planning was stated; archived with it when the planning moves.
    planned_source = models.ForeignKey(
        "programme.SourceDocument", verbose_name=_("bron van de planning"), null=True,
        blank=True, on_delete=models.PROTECT, related_name="+",
    )

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["law", "position"]
        constraints = [
            models.UniqueConstraint(fields=["law", "phase", "label"], name="milestone_unique_phase"),
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start"))
                | models.Q(planned_start__isnull=True)
                | models.Q(planned_end__isnull=True),
                name="milestone_planned_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.law.number}. {self.get_phase_display()}{label}"

    @property
    def is_done(self) -> bool:
        return self.actual_date is not None or bool(self.actual_text)


class MilestonePlanning(DatedPlanning):
    """The planning of a milestone as a source stated it at one moment.

    Together these make "augustus 2024 → 1 augustus 2025 → 1 januari 2026" data.
    """

    milestone = models.ForeignKey(
        LawMilestone, verbose_name=_("mijlpaal"), on_delete=models.CASCADE, related_name="planning_history"
    )
    source = models.ForeignKey(
        "programme.SourceDocument", verbose_name=_("bron"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    edition = models.ForeignKey(
        "programme.ReportEdition", verbose_name=_("gepubliceerd in"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="milestone_plannings",
    )
    # Set when staff moved the planning: the day this planning was replaced.
    superseded_on = models.DateField(_("vervangen op"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("eerdere planning")
        verbose_name_plural = _("eerdere planningen")
        ordering = ["milestone", "position"]
        constraints = [
            models.UniqueConstraint(fields=["milestone", "source"], name="milestone_planning_unique_source"),
        ]

    def __str__(self) -> str:
        return f"{self.milestone}: {self.planned_text} ({self.source})"
