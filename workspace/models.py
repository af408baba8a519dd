"""Drafts and the audit trail, for every kind of record the workspace edits."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class DraftState(models.TextChoices):
    EDITING = "bewerken", _("In bewerking")
    IN_REVIEW = "ter_beoordeling", _("Ter beoordeling")


class Draft(models.Model):
    """Unpublished edits to one record (a measure, motion or law).

    The public site, the API and the report read only the records themselves; edits
    live here until an eindredacteur publishes them. There is one draft per record,
    shared by everyone editing it: ``version`` goes up with every save, and a save
    based on an older version is refused (optimistic locking), so nobody overwrites
    someone else's work unseen. ``base_version`` is the record's published version
    the draft started from.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("soort"))
    object_id = models.PositiveBigIntegerField(_("nummer van het onderwerp"))
    target = GenericForeignKey("content_type", "object_id")
    document = models.JSONField(_("inhoud"))
    version = models.PositiveIntegerField(_("versie"), default=1)
    base_version = models.PositiveIntegerField(_("gebaseerd op gepubliceerde versie"))
    state = models.CharField(_("stand"), max_length=20, choices=DraftState.choices, default=DraftState.EDITING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("begonnen door"), on_delete=models.PROTECT, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("laatst bewerkt door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("begonnen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst bewerkt op"), auto_now=True)
    submitted_at = models.DateTimeField(_("ter beoordeling aangeboden op"), null=True, blank=True)
    # The eindredacteur's remark when sending the draft back, shown to its editors until
    # they offer it for review again (the audit trail keeps it for good).
    review_comment = models.TextField(_("opmerking van de eindredacteur"), blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("teruggestuurd door"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    returned_at = models.DateTimeField(_("teruggestuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepten")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="draft_one_per_record"),
        ]
        # The two editorial roles' rights, for every kind of record (see roles.py).
        permissions = [
            ("edit_content", _("Concepten van maatregelen, moties en wetgeving bewerken")),
            ("publish_content", _("Concepten beoordelen en publiceren")),
        ]

    def __str__(self) -> str:
        return f"{_('Concept')} {self.content_type.name} {self.object_id} (v{self.version})"


class ChangeAction(models.TextChoices):
    DRAFT_SAVED = "concept_opgeslagen", _("Concept opgeslagen")
    SUBMITTED = "ter_beoordeling", _("Ter beoordeling aangeboden")
    RETURNED = "teruggestuurd", _("Teruggestuurd met opmerking")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    DISCARDED = "concept_verwijderd", _("Concept verwijderd")
    DISCARD_UNDONE = "concept_hersteld", _("Verwijderd concept teruggezet")
    RESTORED = "teruggezet", _("Eerdere versie teruggezet in concept")
    SYNCED = "gesynchroniseerd", _("Gegevens van de Tweede Kamer bijgewerkt")


class ChangeRecord(models.Model):
    """The audit trail: who changed which record when, with the content before and after.

    Written in the same transaction as the change itself, so there is no change
    without its record. ``after`` of a PUBLISHED record is a complete published
    version, which is what "restore an earlier version" starts from.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("soort"))
    object_id = models.PositiveBigIntegerField(_("nummer van het onderwerp"))
    object_repr = models.CharField(_("omschrijving"), max_length=300)
    action = models.CharField(_("handeling"), max_length=30, choices=ChangeAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    at = models.DateTimeField(_("op"), auto_now_add=True)
    version = models.PositiveIntegerField(_("versie"))
    before = models.JSONField(_("voor"), null=True, blank=True)
    after = models.JSONField(_("na"), null=True, blank=True)
    comment = models.TextField(_("opmerking"), blank=True)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="change_record_target")]

    def __str__(self) -> str:
        return f"{self.object_repr}: {self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"
