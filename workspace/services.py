"""State changes of the staff workspace: drafts, review, publishing, restoring.

One set of rules for the HTML workspace and the API. Every change is written together
with its audit record (ChangeRecord) in one transaction; cache invalidation waits for
the commit. Edits never touch the published record until an eindredacteur publishes.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.content_version import content_changed

from .models import ChangeAction, ChangeRecord, Draft, DraftState
from .permissions import today, user_can_edit, user_can_publish
from .registry import site
from .validation import clean_text, document_check_storable, public_part


@dataclass
class EditConflict(Exception):
    """Someone else saved or published since the editor loaded the form."""

    message: str
    current_document: dict
    current_token: str
    changed_by: str


def edit_token(*, record: models.Model, draft: Draft | None) -> str:
    """What an editor's form was based on: the published version and the draft version."""
    return f"{record.version}:{draft.version if draft else 0}"


def draft_for(*, record: models.Model) -> Draft | None:
    return Draft.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("updated_by").first()


def _locked(record: models.Model) -> tuple[models.Model, Draft | None]:
    """The record and its draft, locked for the rest of the transaction."""
    record = type(record).objects.select_for_update().get(pk=record.pk)
    draft = Draft.objects.select_for_update().filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).first()
    return record, draft


def _locked_draft(record: models.Model, *, missing: str) -> tuple[models.Model, Draft]:
    """As _locked, for actions on an existing draft: none there (published or discarded
    meanwhile) is a conflict that shows the current published version."""
    record, draft = _locked(record)
    if draft is None:
        raise EditConflict(
            message=missing,
            current_document=site.for_record(record).document(record),
            current_token=edit_token(record=record, draft=None),
            changed_by="",
        )
    return record, draft


def _audit(*, record, action: str, user, version: int, before: dict | None, after: dict | None,
           comment: str = "") -> None:
    ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        object_repr=str(record)[:300],
        action=action,
        user=user if user and user.is_authenticated else None,
        version=version,
        before=before,
        after=after,
        comment=comment,
    )


def _check_token(*, record, draft, expected_token: str) -> None:
    current = edit_token(record=record, draft=draft)
    if expected_token == current:
        return
    if draft is not None:
        document, who = draft.document, draft.updated_by.get_full_name() or draft.updated_by.get_username()
    else:
        document, who = site.for_record(record).document(record), _("een eindredacteur (gepubliceerd)")
    raise EditConflict(
        message=_(
            "Uw wijzigingen zijn niet opgeslagen: %(who)s heeft deze gegevens intussen gewijzigd. "
            "Hieronder ziet u wat er veranderd is; uw eigen tekst staat nog in het formulier."
        ) % {"who": who},
        current_document=document,
        current_token=current,
        changed_by=who,
    )


def draft_save(*, record: models.Model, user, document: dict, expected_token: str) -> Draft:
    """Validate and store an editor's version of the record as its draft."""
    if not user_can_edit(user, record):
        raise PermissionDenied(_("U mag deze gegevens niet bewerken."))
    kind = site.for_record(record)
    document_check_storable(document)
    with transaction.atomic():
        record, draft = _locked(record)
        _check_token(record=record, draft=draft, expected_token=expected_token)
        published = kind.document(record)
        cleaned = kind.clean(document=document, published=published, today=today())
        before = draft.document if draft else published
        if draft is None:
            draft = Draft(target=record, base_version=record.version, created_by=user, version=0)
        draft.document = cleaned
        draft.version += 1
        draft.updated_by = user
        draft.state = DraftState.EDITING
        draft.submitted_at = None
        draft.save()
        _audit(record=record, action=ChangeAction.DRAFT_SAVED, user=user, version=draft.version,
               before=before, after=cleaned)
    return draft


def draft_submit(*, record: models.Model, user, expected_token: str) -> Draft:
    """Offer the draft for review by an eindredacteur."""
    if not user_can_edit(user, record):
        raise PermissionDenied(_("U mag deze gegevens niet bewerken."))
    with transaction.atomic():
        record, draft = _locked_draft(record, missing=_("Er is geen concept om aan te bieden."))
        _check_token(record=record, draft=draft, expected_token=expected_token)
        draft.state = DraftState.IN_REVIEW
        draft.submitted_at = timezone.now()
        # Offered again: the remark it was sent back with has been dealt with (the audit
        # trail keeps it).
        draft.review_comment, draft.returned_by, draft.returned_at = "", None, None
        draft.save(update_fields=["state", "submitted_at", "review_comment", "returned_by", "returned_at",
                                  "updated_at"])
        _audit(record=record, action=ChangeAction.SUBMITTED, user=user, version=draft.version, before=None, after=None)
    return draft


def draft_publish(*, record: models.Model, user, expected_token: str) -> models.Model:
    """Apply the draft to the published record, with history and audit, then drop it."""
    if not user_can_publish(user):
        raise PermissionDenied(_("Alleen een eindredacteur mag publiceren."))
    kind = site.for_record(record)
    with transaction.atomic():
        record, draft = _locked_draft(record, missing=_("Dit concept is al gepubliceerd of verwijderd."))
        _check_token(record=record, draft=draft, expected_token=expected_token)
        published = kind.document(record)
        # Validate again: the published record may have changed underneath the draft.
        document = kind.clean(document=draft.document, published=published, today=today())
        kind.apply(record=record, document=document)
        kind.record_history(record=record, before=published, document=document, user=user)
        after = kind.document(record)
        # A publish that changed only the internal note changes nothing readers see: the
        # public "laatst gewijzigd" date and the page caches stay as they are.
        readers_see_a_change = public_part(after) != public_part(published)
        record.version += 1
        fields = ["version"]
        if readers_see_a_change and hasattr(record, "last_published_at"):
            record.last_published_at = timezone.now()
            fields.append("last_published_at")
        record.save(update_fields=fields)
        _audit(record=record, action=ChangeAction.PUBLISHED, user=user, version=record.version,
               before=published, after=after)
        draft.delete()
        if readers_see_a_change:
            content_changed()
    return record


REVIEW_COMMENT_LIMIT = 2_000


def draft_return(*, record: models.Model, user, comment: str, expected_token: str) -> Draft:
    """Send a draft under review back to its editors with the eindredacteur's remark.

    The draft returns to "in bewerking"; the remark is shown to its editors until they
    offer it again, and kept in the audit trail.
    """
    if not user_can_publish(user):
        raise PermissionDenied(_("Alleen een eindredacteur mag een concept terugsturen."))
    errors: dict[str, str] = {}
    comment = clean_text(comment, field="opmerking", errors=errors, limit=REVIEW_COMMENT_LIMIT)
    if not comment and not errors:
        errors["opmerking"] = _("Schrijf wat er aan het concept moet veranderen.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        record, draft = _locked_draft(record, missing=_("Dit concept is al gepubliceerd of verwijderd."))
        _check_token(record=record, draft=draft, expected_token=expected_token)
        if draft.state != DraftState.IN_REVIEW:
            raise ValidationError(_("Dit concept is niet ter beoordeling aangeboden; het is al in bewerking."))
        draft.state = DraftState.EDITING
        draft.submitted_at = None
        draft.review_comment = comment
        draft.returned_by = user
        draft.returned_at = timezone.now()
        draft.save(update_fields=["state", "submitted_at", "review_comment", "returned_by", "returned_at",
                                  "updated_at"])
        _audit(record=record, action=ChangeAction.RETURNED, user=user, version=draft.version,
               before=None, after=None, comment=comment)
    return draft


def draft_discard(*, record: models.Model, user, expected_token: str) -> bool:
    """Drop the draft. Its content stays in the audit trail (``before`` of the DISCARDED
    record), from which draft_restore_discarded brings it back. False when there was no
    draft (someone published or discarded it meanwhile)."""
    if not user_can_edit(user, record):
        raise PermissionDenied(_("U mag deze gegevens niet bewerken."))
    with transaction.atomic():
        record, draft = _locked(record)
        if draft is None:
            return False
        _check_token(record=record, draft=draft, expected_token=expected_token)
        _audit(
            record=record,
            action=ChangeAction.DISCARDED,
            user=user,
            version=draft.version,
            before=draft.document,
            after=None,
        )
        draft.delete()
    return True


def record_restore(*, record: models.Model, version: int, user) -> Draft:
    """Start a draft from an earlier published version of the record.

    Restoring goes through review like any edit: nothing reaches the public site
    until it is published again.
    """
    from .audit import record_versions

    record = type(record).objects.get(pk=record.pk)
    versions = {item.number: item for item in record_versions(record=record)}
    if version not in versions:
        raise ValueError(f"Version {version} of {record} was never published.")
    document = dict(versions[version].document)
    if document.get("status") != site.for_record(record).document(record).get("status"):
        document["status_change"] = {
            "date": today().isoformat(),
            "explanation": _("Teruggezet naar versie %(version)s.") % {"version": version},
        }
    with transaction.atomic():
        draft = draft_save(
            record=record,
            user=user,
            document=document,
            expected_token=edit_token(record=record, draft=draft_for(record=record)),
        )
        _audit(record=record, action=ChangeAction.RESTORED, user=user, version=draft.version, before=None, after=None)
    return draft


def draft_restore_discarded(*, record: models.Model, change_id: int, user) -> Draft:
    """Bring a discarded draft back, as a draft again: it is validated like every save
    and replaces the current draft, if any (whose content the audit trail keeps)."""
    change = ChangeRecord.objects.filter(
        pk=change_id, action=ChangeAction.DISCARDED,
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
    ).first()
    if change is None or not isinstance(change.before, dict):
        raise ValueError(f"Change {change_id} is no discarded draft of {record}.")
    with transaction.atomic():
        draft = draft_save(
            record=record,
            user=user,
            document=change.before,
            expected_token=edit_token(record=record, draft=draft_for(record=record)),
        )
        _audit(record=record, action=ChangeAction.DISCARD_UNDONE, user=user, version=draft.version,
               before=None, after=None)
    return draft


def status_quick_update(
    *, record: models.Model, user, status: str, date: str, explanation: str, source_url: str = "", expected_token: str
) -> Draft:
    """Change only the status (with its evidence) in the record's draft, from a list view."""
    draft = draft_for(record=record)
    base = draft.document if draft else site.for_record(record).document(record)
    document = dict(
        base,
        status=status,
        status_change={
            "date": date,
            "explanation": explanation,
            "source_url": source_url,
        },
    )
    return draft_save(record=record, user=user, document=document, expected_token=expected_token)
