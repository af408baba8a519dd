"""The programme, its goals and measures, and who is involved.

The shape follows the 2025 voortgangsrapportage: 7 goals, 25 measures (with the
sub-measures 8a–8d and 16a–16b), a goal↔measure matrix, per measure a set of ordered
narrative lists, and the stakeholder groups with their representing organisations.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from programme.codes import parse_measure_code
from programme.models import Goal, Programme, SourceDocument, StakeholderGroup, StatusRecord


class MeasureStatus(models.TextChoices):
    """A measure's status as the status table of the report uses it."""

    STARTING = "in_opstartfase", _("In opstartfase")
    IN_PROGRESS = "in_uitvoering", _("In uitvoering")
    COMPLETED = "afgerond", _("Afgerond")
    # The 2024 letter records a measure that was decided not to be carried out.
    NOT_CARRIED_OUT = "niet_uitgevoerd", _("Besloten niet uit te voeren")
    # The source states no status of its own (the sub-measures 8a–8d and 16a–16b are
    # parts of 8 and 16); recorded so instead of guessing, shown as "Niet vermeld".
    UNKNOWN = "onbekend", _("Niet vermeld")


class Measure(models.Model):
    """A measure (maatregel) of the programme, or a sub-measure such as 8a."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="measures"
    )
    # The "Samenhang doelen en maatregelen" matrix.
    goals = models.ManyToManyField(Goal, verbose_name=_("doelen"), related_name="measures", blank=True)
    code = models.CharField(_("code"), max_length=8, help_text=_("Bijvoorbeeld 8 of 8a."))
    # number and suffix are derived from code; they give the natural order 8, 8a, 8b, 9.
    number = models.PositiveSmallIntegerField(_("nummer"), editable=False)
    suffix = models.CharField(_("letter"), max_length=1, blank=True, editable=False)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoofdmaatregel"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_measures",
    )
    title = models.CharField(_("titel"), max_length=255)
    chapter_title = models.CharField(
        _("titel boven het hoofdstuk"),
        max_length=255,
        blank=True,
        help_text=_("Alleen invullen als het hoofdstuk een andere titel heeft."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.STARTING
    )
    status_note = models.TextField(_("toelichting op de status"), blank=True)
    is_prioritised = models.BooleanField(_("geprioriteerd"), default=False)
    # Our own editorial remarks (how a source was read, judgement calls): staff see them in
    # the workspace; no public page, API resource, feed, CSV, search index or report reads them.
    internal_note = models.TextField(
        _("interne notitie"), blank=True,
        help_text=_("Alleen voor medewerkers; wordt nooit gepubliceerd."),
    )
    has_chapter = models.BooleanField(
        _("eigen hoofdstuk in de rapportage"), default=False
    )
    introduction = models.TextField(_("inleiding en aanpak"), blank=True)
    summary = models.TextField(_("stand van zaken"), blank=True)
    stakeholder_groups = models.ManyToManyField(
        StakeholderGroup,
        verbose_name=_("betrokkenen"),
        through="MeasureStakeholder",
        related_name="measures",
        blank=True,
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redacteuren"),
        related_name="assigned_measures",
        blank=True,
        help_text=_("De redacteuren die deze maatregel bijhouden."),
    )
    last_published_at = models.DateTimeField(_("laatst gepubliceerd"), null=True, blank=True, editable=False)
    # Incremented by every publish; a draft based on an older version cannot be
    # published over a newer one without the reviewer seeing it (optimistic locking).
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    # Checksum of the fixture data last loaded; lets load_programme tell staff edits
    # apart from fixture changes (see content/loader.py).
    fixture_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["programme", "number", "suffix"]
        # The staff roles (measures/roles.py) are built from these.
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="measure_unique_code"),
            models.CheckConstraint(
                condition=models.Q(code=Concat(Cast("number", models.CharField()), "suffix")),
                name="measure_code_matches_number_and_suffix",
            ),
            # A sub-measure (with a letter) always has a parent, a measure never does.
            models.CheckConstraint(
                condition=(
                    models.Q(suffix="", parent__isnull=True)
                    | (~models.Q(suffix="") & models.Q(parent__isnull=False))
                ),
                name="measure_sub_measure_has_parent",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="measure_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.title}"

    def save(self, *args, **kwargs) -> None:
        self._derive_number()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"/maatregelen/{self.code}/"

    @property
    def label(self) -> str:
        return f"{_('Maatregel')} {self.code}"

    @property
    def heading(self) -> str:
        """The title as the measure's chapter in the report shows it."""
        return self.chapter_title or self.title

    def _derive_number(self):
        parsed = parse_measure_code(self.code)
        self.code, self.number, self.suffix = str(parsed), parsed.number, parsed.suffix
        return parsed

    def clean(self) -> None:
        parsed = self._derive_number()
        if parsed.suffix and self.parent is None:
            raise ValidationError({"parent": _("Een submaatregel hoort bij een hoofdmaatregel.")})
        if self.parent is not None:
            if not parsed.suffix:
                raise ValidationError({"parent": _("Alleen een submaatregel (zoals 8a) heeft een hoofdmaatregel.")})
            if self.parent.parent_id is not None:
                raise ValidationError({"parent": _("De hoofdmaatregel mag zelf geen submaatregel zijn.")})
            if self.parent.number != parsed.number:
                raise ValidationError(
                    {"parent": _("Submaatregel %(code)s hoort bij maatregel %(number)s.")
                     % {"code": self.code, "number": parsed.number}}
                )


class MeasureStakeholder(models.Model):
    """A group in a measure's "Betrokkenen" box, in the box's order."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, verbose_name=_("maatregel"))
    group = models.ForeignKey(StakeholderGroup, on_delete=models.PROTECT, verbose_name=_("groep"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("betrokkene bij maatregel")
        verbose_name_plural = _("betrokkenen bij maatregel")
        ordering = ["measure", "position"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "group"], name="measure_stakeholder_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.measure.code}: {self.group}"


class MeasureItemKind(models.TextChoices):
    """The ordered narrative lists of a measure's chapter, in the report's order."""

    DILEMMA = "dilemma", _("Dilemma’s bij de maatregel")
    STEP = "step", _("Stappen tot nu toe")
    NEXT_STEP = "next_step", _("Vervolgstappen")
    SCHOOL_ACTION = "school_action", _("Wat kunnen scholen en samenwerkingsverbanden al doen?")
    LINK = "link", _("Links")


class MeasureItem(models.Model):
    """One bullet of a measure's narrative: a dilemma, a step, a link, …"""

    measure = models.ForeignKey(
        Measure, verbose_name=_("maatregel"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=MeasureItemKind.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.TextField(_("tekst"))
    url = models.URLField(_("adres"), max_length=500, blank=True)
    # A next step keeps its key across edits and editions (see measures/next_steps.py), so a
    # later report can say what became of it. Its target period is read from its own
    # wording ("voor de zomer van 2025"), which stays the authority; empty when it names none.
    key = models.CharField(_("sleutel"), max_length=40, blank=True, db_index=True)
    target_text = models.CharField(_("beoogd moment zoals geschreven"), max_length=100, blank=True)
    target_start = models.DateField(_("beoogd vanaf"), null=True, blank=True)
    target_end = models.DateField(_("beoogd uiterlijk"), null=True, blank=True)

    class Meta:
        verbose_name = _("onderdeel van een maatregel")
        verbose_name_plural = _("onderdelen van maatregelen")
        ordering = ["measure", "kind", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "kind", "position"], name="measure_item_unique_position"
            ),
            # Links need an address; the other items are plain text.
            models.CheckConstraint(
                condition=models.Q(kind=MeasureItemKind.LINK, url__gt="")
                | (~models.Q(kind=MeasureItemKind.LINK) & models.Q(url="")),
                name="measure_item_url_only_for_links",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.get_kind_display()} {self.position}"


class MeasureStatusChange(StatusRecord):
    """A measure's status as recorded at one moment."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("maatregel"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices)

    class Meta:
        verbose_name = _("statuswijziging maatregel")
        verbose_name_plural = _("statuswijzigingen maatregelen")
        ordering = ["measure", "sort_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "status", "source"], name="measure_status_change_unique_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure.code}: {self.get_status_display()} ({self.when})"


class PriorityKind(models.TextChoices):
    PRIORITY = "prioriteit", _("Prioriteit")
    THEME = "thema", _("Thema")


class Priority(models.Model):
    """A priority (2022) or extra theme (2023) that focused the programme."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="priorities"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=PriorityKind.choices)
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=255)
    year = models.PositiveSmallIntegerField(_("jaar"))
    description = models.TextField(_("omschrijving"), blank=True)
    source = models.ForeignKey(
        SourceDocument, verbose_name=_("bron"), on_delete=models.PROTECT
    )
    measures = models.ManyToManyField(
        Measure, verbose_name=_("maatregelen"), related_name="priorities", blank=True
    )

    class Meta:
        verbose_name = _("prioriteit of thema")
        verbose_name_plural = _("prioriteiten en thema’s")
        ordering = ["programme", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind", "number"], name="priority_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}. {self.title}"


class StepOutcome(models.TextChoices):
    """What became of a next step a report announced, as a later report says."""

    DONE = "uitgevoerd", _("Uitgevoerd")
    MOVED = "verschoven", _("Verschoven")
    DROPPED = "vervallen", _("Vervallen")
    OPEN = "open", _("Nog open")
    NOT_RECORDED = "niet_vastgelegd", _("Niet vastgelegd")


class AnnouncedStep(models.Model):
    """A next step a report announced, known from the sources (the 2024 letter), and what
    the next report said became of it. Steps of editions adopted in the workspace live in
    those editions' frozen states instead (reports/next_steps.py)."""

    measure = models.ForeignKey(Measure, verbose_name=_("maatregel"), on_delete=models.CASCADE,
                                related_name="announced_steps")
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    edition = models.ForeignKey("programme.ReportEdition", verbose_name=_("aangekondigd in"),
                                on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("aankondiging"))
    target_text = models.CharField(_("beoogd moment zoals geschreven"), max_length=100, blank=True)
    # "dit najaar" in a letter of May 2024 is the autumn of 2024: the range the wording means.
    target_start = models.DateField(_("beoogd vanaf"), null=True, blank=True)
    target_end = models.DateField(_("beoogd uiterlijk"), null=True, blank=True)
    outcome_edition = models.ForeignKey("programme.ReportEdition", verbose_name=_("uitkomst gemeld in"),
                                        null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=StepOutcome.choices,
                               default=StepOutcome.NOT_RECORDED)
    outcome_text = models.TextField(_("wat de latere rapportage zegt"), blank=True)
    new_target_text = models.CharField(_("nieuw moment zoals geschreven"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("aangekondigde vervolgstap")
        verbose_name_plural = _("aangekondigde vervolgstappen")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.key


class FigureUnit(models.TextChoices):
    """What a key figure counts; one series keeps one unit."""

    PUPILS = "leerlingen", _("leerlingen")
    YOUNG_PEOPLE = "jongeren", _("jongeren")
    SCHOOLS = "scholen", _("scholen")
    PARTNERSHIPS = "samenwerkingsverbanden", _("samenwerkingsverbanden")
    ARRANGEMENTS = "arrangementen", _("arrangementen")
    COALITIONS = "coalities", _("coalities")
    PILOTS = "proeftuinen", _("proeftuinen")
    MEASURES = "maatregelen", _("maatregelen")
    PERCENT = "procent", _("procent")
    MILLION_EURO = "miljoen euro", _("miljoen euro")


class KeyFigure(models.Model):
    """A figure (kerncijfer) as one source states it, e.g. 945 pupils in April 2024.

    Figures measuring the same thing across reports share a ``series``. ``value`` is the
    number as the source gives it, in ``unit``; empty where the source gives only words
    ("ruim duizend"), which ``wording`` always keeps. No measures means programme-wide.
    The report edition is kept as its key: a figure may come from a source whose edition
    is loaded later, or never (the 2023 webinar predates every edition in the files).
    """

    programme = models.ForeignKey(
        Programme, verbose_name=_("programma"), on_delete=models.CASCADE, related_name="figures"
    )
    key = models.SlugField(_("sleutel"), max_length=100, unique=True)
    series = models.SlugField(_("reeks"), max_length=100)
    title = models.CharField(_("wat wordt geteld"), max_length=255)
    unit = models.CharField(_("eenheid"), max_length=30, choices=FigureUnit.choices)
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=2, null=True, blank=True)
    wording = models.CharField(_("zoals de bron het zegt"), max_length=255)
    period = models.CharField(_("periode of moment"), max_length=100)
    date = models.DateField(_("datum"), null=True, blank=True)
    source = models.ForeignKey(SourceDocument, verbose_name=_("bron"), on_delete=models.PROTECT, related_name="+")
    edition_key = models.SlugField(_("rapportage"), blank=True, help_text=_("Sleutel van de editie, zoals vgr-2025."))
    measures = models.ManyToManyField(Measure, verbose_name=_("maatregelen"), related_name="figures", blank=True)
    quote = models.TextField(_("citaat uit de bron"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    fixture_checksum = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("kerncijfer")
        verbose_name_plural = _("kerncijfers")
        ordering = ["series", "position", "key"]
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0) | models.Q(value__isnull=True),
                                   name="key_figure_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.wording} ({self.period})"
