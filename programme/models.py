"""What everything else refers to: the programme, its goals, the stakeholder groups and
their organisations, the source documents the facts come from, the yearly report
editions, and the base of every status record (domain history with its evidence).

The shape follows the 2025 voortgangsrapportage: 7 goals, the stakeholder groups of its
"Samenwerking met veldpartijen" table, and one edition per yearly report.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .planning import parse_planning


class Programme(models.Model):
    """A policy programme: the Verbeteraanpak 2020–2027, or its 2014–2020 predecessor."""

    slug = models.SlugField(_("korte naam"), unique=True)
    name = models.CharField(_("naam"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("beginjaar"))
    end_year = models.PositiveSmallIntegerField(_("eindjaar"))
    description = models.TextField(_("omschrijving"), blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("voorganger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma’s")
        ordering = ["start_year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="programme_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.start_year}–{self.end_year}"


class Goal(models.Model):
    """One of the seven goals (doelstellingen) of passend onderwijs."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="goals"
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("doelstelling"), max_length=255)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="goal_unique_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="goal_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class StakeholderGroup(models.Model):
    """A group represented in the programme's work (betrokkenen), e.g. "Ouders".

    Groups of the "Samenwerking met veldpartijen" table have a ``table_position`` and
    organisations; the labels used in a measure's "Betrokkenen" box are groups too.
    """

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=200, unique=True)
    table_position = models.PositiveSmallIntegerField(
        _("positie in de tabel samenwerking"), null=True, blank=True
    )
    note = models.TextField(_("voetnoot"), blank=True)
    # A label of the measures' "Betrokkenen" boxes counts under the group(s) of the
    # cooperation table it belongs to (fixtures/stakeholders.yaml: `labels`), so that the
    # stakeholder pages use one grouping: the table's (and "Overige partijen").
    counted_in = models.ManyToManyField(
        "self", verbose_name=_("telt mee bij"), symmetrical=False, related_name="labels", blank=True
    )

    class Meta:
        verbose_name = _("groep betrokkenen")
        verbose_name_plural = _("groepen betrokkenen")
        permissions = [
            ("manage_vocabularies", _("Vaste lijsten beheren (betrokkenen, bronnen)")),
        ]
        ordering = [models.F("table_position").asc(nulls_last=True), "name"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A field organisation (veldpartij) representing a stakeholder group, e.g. LAKS."""

    group = models.ForeignKey(
        StakeholderGroup,
        verbose_name=_("vertegenwoordigt"),
        on_delete=models.CASCADE,
        related_name="organisations",
    )
    name = models.CharField(_("naam"), max_length=200)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("veldpartij")
        verbose_name_plural = _("veldpartijen")
        ordering = ["group", "position"]
        constraints = [
            models.UniqueConstraint(fields=["group", "name"], name="organisation_unique_per_group"),
        ]

    def __str__(self) -> str:
        return self.name


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
    """An edition is prepared (at most one at a time, not public), then adopted
    (vastgesteld): sent to parliament, public, and frozen for good."""

    OPEN = "in_voorbereiding", _("In voorbereiding")
    ADOPTED = "vastgesteld", _("Vastgesteld")


class ReportEdition(models.Model):
    """One yearly voortgangsrapportage to the Tweede Kamer, e.g. the fourth (2025)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="editions"
    )
    key = models.SlugField(_("sleutel"), unique=True)
    number = models.PositiveSmallIntegerField(_("volgnummer"))
    title = models.CharField(_("titel"), max_length=300)
    year = models.PositiveSmallIntegerField(_("jaar"))
    # Editions are ordered by number. A reconstructed edition may know its peildatum only
    # as words ("mei 2024"): then the date stays empty and the wording says what is known.
    reference_date = models.DateField(_("peildatum"), null=True, blank=True)
    reference_date_text = models.CharField(_("peildatum zoals bekend"), max_length=100, blank=True)
    # An edition known only from other sources (the 2024 report from its Kamerbrief): it
    # shows what the sources state and links to them, and never gets a rendered report of
    # its own, since that would be a document that never existed.
    is_reconstructed = models.BooleanField(_("gereconstrueerd uit de bronnen"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.OPEN
    )
    published_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    source = models.ForeignKey(
        SourceDocument, verbose_name=_("bron"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="editions",
    )
    introduction = models.TextField(_("inleiding"), blank=True)
    introduction_links = models.JSONField(_("links bij de inleiding"), default=list, blank=True)
    # Footnotes of plain text (no link), each placed after the words it follows:
    # [{"text": "...", "after": "..."}].
    introduction_notes = models.JSONField(_("voetnoten bij de inleiding"), default=list, blank=True)
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
    # The complete public state of the programme as this edition reported it: the
    # report's snapshot (reports/snapshot.py), stored when the edition is adopted and
    # never recomputed. Every rendering of an adopted edition (PDF, web, API) reads it.
    frozen_state = models.JSONField(_("vastgelegde stand"), null=True, blank=True, editable=False)
    frozen_sha256 = models.CharField(_("controlegetal vastgelegde stand"), max_length=64, blank=True,
                                     editable=False)
    # A small extract of the frozen state (each measure's status), so that pages showing a
    # measure across editions read a few bytes per edition instead of the whole state.
    frozen_summary = models.JSONField(_("samenvatting vastgelegde stand"), default=dict, blank=True,
                                      editable=False)
    adopted_at = models.DateTimeField(_("vastgesteld om"), null=True, blank=True, editable=False)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgesteld door"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    # Frozen by the loader from fixtures/ (below 1.0 such an edition is frozen again when
    # the files change, so corrections of the transcription reach it), with the checksum
    # of the files it was frozen from; an edition adopted by staff is never frozen again.
    frozen_from_fixtures = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("editie voortgangsrapportage")
        verbose_name_plural = _("edities voortgangsrapportage")
        ordering = ["programme", "number"]
        permissions = [
            ("manage_editions", _("Edities van de rapportage beheren en publiceren")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="edition_unique_number"),
            models.UniqueConstraint(
                fields=["programme"], condition=models.Q(status="in_voorbereiding"), name="edition_one_open",
            ),
            models.CheckConstraint(
                condition=models.Q(reference_date__isnull=False) | ~models.Q(reference_date_text=""),
                name="edition_has_reference", violation_error_message=_("Geef een peildatum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def is_adopted(self) -> bool:
        return self.status == EditionStatus.ADOPTED

    @property
    def reference_label(self) -> str:
        """The peildatum as readers see it: "1 februari 2025", or "mei 2024"."""
        if self.reference_date:
            return date_format(self.reference_date, "j F Y")
        return self.reference_date_text


def edition_light(prefix: str) -> list[str]:
    """Fields to defer on a joined edition: its frozen state is some 200 kB of JSON, and a
    record that only names its edition never needs it."""
    return [f"{prefix}__frozen_state", f"{prefix}__frozen_summary"]


class StatusRecord(models.Model):
    """A status as recorded at one moment, with its evidence.

    This is domain history (what the programme reported, when and where), distinct
    from the technical audit trail of edits. Some sources give no day ("mei 2024"):
    then ``effective_date`` stays empty, ``date_text`` says what is known, and
    ``sort_date`` (the first day of that period) only keeps the history in order.
    """

    effective_date = models.DateField(_("datum"), null=True, blank=True)
    date_text = models.CharField(_("moment zoals bekend"), max_length=100, blank=True)
    sort_date = models.DateField(_("sorteerdatum"), editable=False)
    explanation = models.TextField(_("toelichting"), blank=True)
    source = models.ForeignKey(
        "programme.SourceDocument",
        verbose_name=_("bron"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source_title = models.CharField(_("bron"), max_length=300, blank=True,
                                    help_text=_("Bijvoorbeeld de Kamerbrief of publicatie."))
    source_url = models.URLField(_("adres van de bron"), max_length=500, blank=True)
    edition = models.ForeignKey(
        "programme.ReportEdition",
        verbose_name=_("gepubliceerd in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.effective_date:
            self.sort_date = self.effective_date
        else:
            period = parse_planning(self.date_text)
            if period is None:
                raise ValidationError(
                    {"date_text": _("Geef een datum, of een moment als “mei 2024”.")}
                )
            self.sort_date = period[0]
        super().save(*args, **kwargs)

    @property
    def when(self) -> str:
        """The moment as a reader should see it."""
        if self.effective_date:
            return date_format(self.effective_date, "j F Y")
        return self.date_text
