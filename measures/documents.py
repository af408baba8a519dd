"""A measure as one plain, editable document (a dict), and back.

The same document shape serves the fixture loader, staff drafts, the review diff, the
audit trail, the API and backups, so the rules for what a measure contains live here
once. ``measure_document`` reads a measure; ``measure_document_clean`` validates a
document someone submitted; ``measure_document_apply`` writes one to the database.
"""
from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from programme.models import StakeholderGroup
from programme.planning import planning_in_text
from workspace import EditableKind
from workspace.forms import EditableList, list_rows, rows_from_post
from workspace.validation import (
    clean_flag,
    clean_internal_note,
    clean_list,
    clean_objects,
    clean_status_change,
    clean_text,
    clean_url,
    status_change_record,
)

from .models import Measure, MeasureItem, MeasureItemKind, MeasureStakeholder, MeasureStatus, MeasureStatusChange
from .next_steps import next_step_keys

# Document keys of the ordered narrative lists, in the report's order.
ITEM_LISTS = {
    "dilemmas": MeasureItemKind.DILEMMA,
    "steps": MeasureItemKind.STEP,
    "next_steps": MeasureItemKind.NEXT_STEP,
    "school_actions": MeasureItemKind.SCHOOL_ACTION,
}
# internal_note is staff-only: in drafts, the audit trail and backups, never in public output.
TEXT_FIELDS = ["title", "chapter_title", "status", "status_note", "introduction", "summary", "internal_note"]
FLAG_FIELDS = ["is_prioritised", "has_chapter"]

def measure_document(measure: Measure) -> dict:
    """The measure's published content. Uses prefetched items and stakeholders if present."""
    lists: dict[str, list] = {kind: [] for kind in MeasureItemKind.values}
    for item in measure.items.all():
        lists[item.kind].append(item)
    document = {"code": measure.code}
    document.update({name: getattr(measure, name) for name in TEXT_FIELDS + FLAG_FIELDS})
    document["stakeholders"] = [
        link.group.name for link in MeasureStakeholder.objects.filter(measure=measure).select_related("group")
    ]
    for key, kind in ITEM_LISTS.items():
        document[key] = [item.text for item in lists[kind]]
    document["links"] = [{"title": item.text, "url": item.url} for item in lists[MeasureItemKind.LINK]]
    return document


def measure_document_apply(*, measure: Measure, document: dict) -> None:
    """Write a (clean) document to the measure, its items and its stakeholders."""
    for name in TEXT_FIELDS + FLAG_FIELDS:
        setattr(measure, name, document[name])
    measure.code = document["code"]
    measure.full_clean(exclude=["programme", "parent", "fixture_checksum"], validate_unique=False)
    measure.save()
    previous_steps = list(
        measure.items.filter(kind=MeasureItemKind.NEXT_STEP).order_by("position").values_list("key", "text")
    )
    measure.items.all().delete()
    items = [
        MeasureItem(measure=measure, kind=kind, position=position, text=text)
        for key, kind in ITEM_LISTS.items()
        for position, text in enumerate(document[key], start=1)
    ]
    steps = [item for item in items if item.kind == MeasureItemKind.NEXT_STEP]
    keys = next_step_keys(code=measure.code, previous=previous_steps, texts=[item.text for item in steps])
    for item, key in zip(steps, keys, strict=True):
        item.key = key
        target = planning_in_text(item.text)
        if target is not None:
            item.target_text, (item.target_start, item.target_end) = target
    items += [
        MeasureItem(measure=measure, kind=MeasureItemKind.LINK, position=position, text=link["title"], url=link["url"])
        for position, link in enumerate(document["links"], start=1)
    ]
    MeasureItem.objects.bulk_create(items)
    MeasureStakeholder.objects.filter(measure=measure).delete()
    groups = {group.name: group for group in StakeholderGroup.objects.filter(name__in=document["stakeholders"])}
    MeasureStakeholder.objects.bulk_create(
        MeasureStakeholder(measure=measure, group=groups[name], position=position)
        for position, name in enumerate(document["stakeholders"], start=1)
    )


def measure_document_clean(*, document: dict, published: dict, today: datetime.date | None = None) -> dict:
    """Validate a submitted document against the published one.

    Returns the cleaned document or raises ValidationError with one message per field
    (keys like "steps.3" or "status_change.date"), so a form can show each message next
    to its input and keep everything that was typed.
    """
    today = today or datetime.date.today()
    errors: dict[str, str] = {}
    cleaned: dict = {"code": published["code"]}
    cleaned["title"] = clean_text(document.get("title"), field="title", errors=errors, required=True, limit=255)
    cleaned["chapter_title"] = clean_text(document.get("chapter_title"), field="chapter_title", errors=errors,
                                           limit=255)
    cleaned["status"] = document.get("status")
    if cleaned["status"] not in MeasureStatus.values:
        errors["status"] = _("Kies een status uit de lijst.")
    cleaned["status_note"] = clean_text(document.get("status_note"), field="status_note", errors=errors, limit=1_000)
    cleaned["introduction"] = clean_text(document.get("introduction"), field="introduction", errors=errors)
    cleaned["summary"] = clean_text(document.get("summary"), field="summary", errors=errors)
    cleaned["internal_note"] = clean_internal_note(document, published=published, errors=errors)
    for name in FLAG_FIELDS:
        cleaned[name] = clean_flag(document.get(name), field=name, errors=errors, default=published[name])
    for key in ITEM_LISTS:
        cleaned[key] = clean_list(document.get(key, []), field=key, errors=errors)

    stakeholders = clean_list(document.get("stakeholders", []), field="stakeholders", errors=errors)
    known = set(StakeholderGroup.objects.filter(name__in=stakeholders).values_list("name", flat=True))
    unknown = [name for name in stakeholders if name not in known]
    if unknown:
        errors["stakeholders"] = _("Onbekende groep(en): %(names)s.") % {"names": ", ".join(unknown)}
    # The groups keep the published (report's) order and new ones follow: the form sends
    # its checkboxes in its own order, which is no change of the measure.
    chosen = list(dict.fromkeys(stakeholders))
    cleaned["stakeholders"] = [name for name in published["stakeholders"] if name in chosen] + [
        name for name in chosen if name not in published["stakeholders"]
    ]

    cleaned["links"] = []
    for index, link in enumerate(clean_objects(document.get("links", []), field="links", errors=errors), start=1):
        url = clean_url(link.get("url"), field=f"links.{index}", errors=errors)
        title = clean_text(link.get("title"), field=f"links.{index}", errors=errors, limit=300)
        if url or title:
            if not url:
                errors[f"links.{index}"] = _("Een link heeft een webadres nodig.")
            cleaned["links"].append({"title": title or url, "url": url})

    if cleaned["status"] != published["status"]:
        # Evidence with every status change: when, why and where it is written down.
        cleaned["status_change"] = clean_status_change(document.get("status_change"), errors=errors, today=today)
    if errors:
        raise ValidationError(errors)
    return cleaned


def measure_document_from_post(data: QueryDict) -> dict:
    """A measure's document from the workspace form: each list is a set of rows."""
    document = {name: data.get(name, "") for name in TEXT_FIELDS}
    document["stakeholders"] = data.getlist("stakeholders")
    for key in ITEM_LISTS:
        document[key] = rows_from_post(data, key)
    document["links"] = rows_from_post(data, "links", with_url=True)
    return document


def measure_form_context(record: Measure, document: dict, errors: dict) -> dict:
    labels = dict(MeasureItemKind.choices)
    lists = [EditableList(key, labels[kind], list_rows(document.get(key, []), errors, key))
             for key, kind in ITEM_LISTS.items()]
    lists.append(EditableList(
        "links", labels[MeasureItemKind.LINK], list_rows(document.get("links", []), errors, "links", True), True
    ))
    return {
        "lists": lists,
        "status_choices": MeasureStatus.choices,
        "stakeholder_choices": [(name, name) for name in StakeholderGroup.objects.values_list("name", flat=True)],
    }


def measure_may_edit(user, measure: Measure) -> bool:
    """Redacteuren edit the measures assigned to them, or all when so configured."""
    return settings.PASSEND_EDITORS_MAY_EDIT_ALL or measure.editors.filter(pk=user.pk).exists()


MEASURE_KIND = EditableKind(
    slug="maatregelen",
    model=Measure,
    lookup="code",
    singular=_lazy("Maatregel"),
    plural=_lazy("Maatregelen"),
    document=measure_document,
    clean=measure_document_clean,
    apply=lambda *, record, document: measure_document_apply(measure=record, document=document),
    record_history=lambda *, record, before, document, user: status_change_record(
        model=MeasureStatusChange, before=before, document=document, measure=record),
    public_url=lambda measure: measure.get_absolute_url(),
    document_from_post=measure_document_from_post,
    form_context=measure_form_context,
    may_edit=measure_may_edit,
    assigned_editors="editors",
    quick_status=True,
    field_labels={
        "chapter_title": "Titel boven het hoofdstuk",
        "introduction": "Inleiding en aanpak",
        "summary": "Stand van zaken (bij maatregelen zonder eigen hoofdstuk)",
        "stakeholders": "Betrokkenen – vertegenwoordiging van",
        "dilemmas": "Dilemma’s bij de maatregel",
        "steps": "Stappen tot nu toe",
        "next_steps": "Vervolgstappen",
        "school_actions": "Wat kunnen scholen en samenwerkingsverbanden al doen?",
        "links": "Links",
        "is_prioritised": "Geprioriteerd",
        "has_chapter": "Eigen hoofdstuk",
    },
    status_choices=MeasureStatus.choices,
    value_labels={"status": dict(MeasureStatus.choices)},
    rich_text_fields=("introduction", "summary"),
)
