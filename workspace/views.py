"""The staff workspace (/beheer/): thin views over workspace/services.py.

Every registered kind shares one set of views; the URL names the kind (its slug, e.g.
"maatregelen") and the record's public key. Anonymous visitors are sent to the login
page; signed-in users without the right role get 403.
"""
from __future__ import annotations

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .audit import record_changes, record_versions
from .diffs import document_diff
from .forms import document_from_post, form_context
from .models import ChangeAction, Draft, DraftState
from .permissions import EDIT, PUBLISH, user_can_edit, user_can_publish
from .registry import EditableKind, site
from .selectors import records_with_drafts
from .services import (
    EditConflict,
    draft_discard,
    draft_for,
    draft_publish,
    draft_restore_discarded,
    draft_return,
    draft_save,
    draft_submit,
    edit_token,
    record_restore,
    status_quick_update,
)
from .validation import document_check_storable


def staff_required(permission: str):
    """Login redirect for anonymous visitors, 403 for users without ``permission``."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied(_("U heeft geen toegang tot dit deel van het beheer."))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _record_for_editor(request: HttpRequest, kind: str, key: str) -> tuple[EditableKind, models.Model]:
    """The kind and record, if the user may edit it. Its draft, review and history pages
    show unpublished text, so a redacteur sees them only for the records assigned to them
    (when assignment is on); eindredacteuren see all. An unknown kind or key is a 404."""
    staff_kind = site.for_slug(kind)
    record = staff_kind.get(key)
    if not user_can_edit(request.user, record):
        raise PermissionDenied(_("Deze gegevens zijn niet aan u toegewezen."))
    return staff_kind, record


def _record_urls(kind: EditableKind, record: models.Model) -> dict:
    args = [kind.slug, kind.key_of(record)]
    return {
        "edit_url": reverse("staff:record_edit", args=args),
        "review_url": reverse("staff:record_review", args=args),
        "history_url": reverse("staff:record_history", args=args),
        "discard_url": reverse("staff:record_discard", args=args),
        "public_url": kind.public_url(record),
    }


@staff_required(EDIT)
@require_http_methods(["GET"])
def record_list(request: HttpRequest, kind: str) -> HttpResponse:
    staff_kind = site.for_slug(kind)
    records = records_with_drafts(model=staff_kind.model)
    rows = [
        {"record": record, "key": staff_kind.key_of(record), "draft": record.staff_draft,
         "token": edit_token(record=record, draft=record.staff_draft), **_record_urls(staff_kind, record)}
        for record in records
    ]
    return render(request, "staff/record_list.html", {
        "kind": staff_kind, "rows": rows, "status_choices": staff_kind.status_choices,
        "quick_status": staff_kind.quick_status,
    })


def _render_edit(request, kind, record, *, document, errors=None, token, conflict=None, status=200):
    context = form_context(record, document, errors or {})
    context.update(
        kind=kind, record=record, token=token, conflict=conflict, draft=draft_for(record=record),
        can_publish=user_can_publish(request.user), **_record_urls(kind, record),
    )
    return render(request, f"staff/edit_{kind.slug}.html", context, status=status)


def _original_document(posted: str) -> dict:
    """The document the editor's form was loaded with (a hidden field), to show what changed
    since. It comes back from the browser, so anything that is not a document of the usual
    shape counts as empty: the diff then shows the whole current version."""
    try:
        original = json.loads(posted)
        document_check_storable(original)
    except (ValueError, RecursionError, ValidationError):
        return {}
    return original


@staff_required(EDIT)
@require_http_methods(["GET", "POST"])
def record_edit(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    staff_kind, record = _record_for_editor(request, kind, key)
    draft = draft_for(record=record)
    if request.method == "GET":
        document = draft.document if draft else site.for_record(record).document(record)
        return _render_edit(
            request, staff_kind, record, document=document, token=edit_token(record=record, draft=draft)
        )

    document = document_from_post(record, request.POST)
    try:
        draft_save(record=record, user=request.user, document=document, expected_token=request.POST.get("token", ""))
        if request.POST.get("action") == "submit":
            record.refresh_from_db()
            draft_submit(
                record=record,
                user=request.user,
                expected_token=edit_token(record=record, draft=draft_for(record=record)),
            )
            messages.success(request, _("Het concept is aangeboden ter beoordeling."))
        else:
            messages.success(request, _("Het concept is opgeslagen. Het is nog niet gepubliceerd."))
    except ValidationError as error:
        errors = {key: " ".join(values) for key, values in error.message_dict.items()}
        return _render_edit(
            request,
            staff_kind,
            record,
            document=document,
            errors=errors,
            token=request.POST.get("token", ""),
            status=400,
        )
    except EditConflict as conflict:
        # Keep the editor's text in the form; show what the other person changed; the
        # new token lets the next save go through once they have merged.
        changes = document_diff(
            _original_document(request.POST.get("original", "")), conflict.current_document,
            kind=staff_kind, changed_only=True,
        )
        return _render_edit(
            request,
            staff_kind,
            record,
            document=document,
            token=conflict.current_token,
            conflict={"message": conflict.message, "changes": changes},
            status=409,
        )
    return redirect("staff:record_edit", kind=kind, key=key)


@staff_required(EDIT)
@require_POST
def record_status(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Quick status change from the list; goes into the draft like every edit."""
    staff_kind, record = _record_for_editor(request, kind, key)
    try:
        status_quick_update(
            record=record,
            user=request.user,
            status=request.POST.get("status", ""),
            date=request.POST.get("date", ""),
            explanation=request.POST.get("explanation", ""),
            source_url=request.POST.get("source_url", ""),
            expected_token=request.POST.get("token", ""),
        )
        messages.success(request, _("De nieuwe status van %(record)s staat in het concept.") % {"record": record})
    except ValidationError as error:
        messages.error(
            request,
            _("Status van %(record)s niet gewijzigd: %(errors)s")
            % {"record": record, "errors": " ".join(error.messages)},
        )
    except EditConflict as conflict:
        messages.error(request, conflict.message)
    return redirect("staff:record_list", kind=kind)


def _render_review(request, kind, record, *, comment: str = "", errors=None, status=200):
    draft = draft_for(record=record)
    diff = document_diff(kind.document(record), draft.document, kind=kind) if draft else []
    return render(
        request,
        "staff/review.html",
        {
            "kind": kind,
            "record": record,
            "draft": draft,
            "diff": [row for row in diff if row.changed],
            "unchanged": [row for row in diff if not row.changed],
            "previews": [row for row in diff if row.preview],
            "token": edit_token(record=record, draft=draft),
            "can_publish": user_can_publish(request.user),
            "in_review": DraftState.IN_REVIEW,
            "comment": comment,
            "errors": errors or {},
            "error_summary": [
                {"anchor": "id_opmerking", "label": _("Opmerking voor de redacteur"), "message": message}
                for message in (errors or {}).values()
            ],
            **_record_urls(kind, record),
        },
        status=status,
    )


@staff_required(EDIT)
@require_http_methods(["GET", "POST"])
def record_review(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    staff_kind, record = _record_for_editor(request, kind, key)
    if request.method == "GET":
        return _render_review(request, staff_kind, record)
    token = request.POST.get("token", "")
    try:
        if request.POST.get("action") == "publish":
            draft_publish(record=record, user=request.user, expected_token=token)
            messages.success(request, _("Gepubliceerd. De wijziging staat nu op de openbare site."))
        elif request.POST.get("action") == "return":
            comment = request.POST.get("opmerking", "")
            try:
                draft_return(record=record, user=request.user, comment=comment, expected_token=token)
            except ValidationError as error:
                if not hasattr(error, "error_dict"):
                    raise
                errors = {key: " ".join(values) for key, values in error.message_dict.items()}
                return _render_review(request, staff_kind, record, comment=comment, errors=errors, status=400)
            messages.success(request, _("Het concept is teruggestuurd naar de redactie, met uw opmerking."))
    except ValidationError as error:
        messages.error(request, _("Niet gelukt: %(errors)s") % {"errors": " ".join(error.messages)})
    except EditConflict as conflict:
        messages.error(request, conflict.message)
    return redirect("staff:record_review", kind=kind, key=key)


@staff_required(EDIT)
@require_http_methods(["GET", "POST"])
def record_discard(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """Discarding asks first; the discarded draft stays restorable from the history."""
    staff_kind, record = _record_for_editor(request, kind, key)
    draft = draft_for(record=record)
    if request.method == "POST":
        try:
            discarded = draft_discard(record=record, user=request.user, expected_token=request.POST.get("token", ""))
        except EditConflict as conflict:
            messages.error(request, conflict.message)
            return redirect("staff:record_discard", kind=kind, key=key)
        if not discarded:
            messages.info(request, _("Er was geen concept meer om te verwijderen: het is intussen gepubliceerd of "
                                     "verwijderd. De geschiedenis laat zien wat er is gebeurd."))
            return redirect("staff:record_history", kind=kind, key=key)
        messages.success(
            request, _("Het concept is verwijderd. U kunt het terugzetten vanuit de geschiedenis.")
        )
        return redirect("staff:record_history", kind=kind, key=key)
    return render(request, "staff/discard.html", {
        "kind": staff_kind, "record": record, "draft": draft, "token": edit_token(record=record, draft=draft),
        **_record_urls(staff_kind, record),
    })


@staff_required(EDIT)
@require_http_methods(["GET", "POST"])
def record_history(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    staff_kind, record = _record_for_editor(request, kind, key)
    if request.method == "POST":
        try:
            if "discarded" in request.POST:
                draft_restore_discarded(record=record, change_id=int(request.POST["discarded"]), user=request.user)
                messages.success(request, _("Het verwijderde concept is teruggezet. Het is nog niet gepubliceerd."))
            else:
                record_restore(record=record, version=int(request.POST.get("version", "0")), user=request.user)
                messages.success(
                    request, _("De eerdere versie staat in het concept; publiceer het om hem terug te zetten.")
                )
            return redirect("staff:record_edit", kind=kind, key=key)
        except ValueError:
            messages.error(request, _("Terugzetten is niet gelukt: deze versie of dit concept bestaat niet."))
        except ValidationError as error:
            messages.error(request, _("Terugzetten is niet gelukt: %(errors)s") % {"errors": " ".join(error.messages)})
        except EditConflict as conflict:
            messages.error(request, conflict.message)
        return redirect("staff:record_history", kind=kind, key=key)
    versions = record_versions(record=record)
    current = site.for_record(record).document(record)
    return render(
        request,
        "staff/history.html",
        {
            "kind": staff_kind,
            "record": record,
            "changes": record_changes(record=record)[:200],
            "versions": [
                {
                    "version": version,
                    "diff": document_diff(version.document, current, kind=staff_kind, changed_only=True),
                }
                for version in reversed(versions)
            ],
            "current_version": record.version,
            "discarded": ChangeAction.DISCARDED,
            **_record_urls(staff_kind, record),
        },
    )


@staff_required(PUBLISH)
@require_http_methods(["GET"])
def review_queue(request: HttpRequest) -> HttpResponse:
    drafts = Draft.objects.select_related("content_type", "updated_by").order_by("-submitted_at", "-updated_at")
    rows = []
    for draft in drafts:
        record = draft.target
        if record is None:
            continue
        kind = site.for_record(record)
        rows.append({"draft": draft, "record": record, "kind": kind, **_record_urls(kind, record)})
    return render(request, "staff/review_queue.html", {"rows": rows, "in_review": DraftState.IN_REVIEW})
