"""The kinds of record staff can edit, registered by the apps that own them.

As apps register their models with ``django.contrib.admin.site``, each domain app
registers an ``EditableKind`` with ``workspace.site`` from its ``AppConfig.ready()``::

    from workspace import site
    site.register(MEASURE_KIND)

The services, views and API of the workspace are written once for all kinds and learn
from the kind how to read, validate, write and show a record.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from .diffs import COMMON_LABELS


def _anyone_with_the_role(user, record) -> bool:
    return True


@dataclass(frozen=True)
class EditableKind:
    # In the URL (/beheer/<slug>/, /api/v1/<slug>/…/concept) and the record's public key.
    slug: str
    model: type[models.Model]
    lookup: str
    singular: str
    plural: str
    # The record's published content as a document.
    document: Callable[[models.Model], dict]
    # Validate a submitted document against the published one; raises ValidationError.
    clean: Callable[..., dict]
    # Write a clean document to the record.
    apply: Callable[..., None]
    # Record domain history (status changes, moved plans) when publishing.
    record_history: Callable[..., None]
    # Where the public page of a record is.
    public_url: Callable[[models.Model], str]
    # The document an editor submitted through the HTML form (before validation).
    document_from_post: Callable[..., dict]
    # What the kind's edit template needs beyond the generic form context.
    form_context: Callable[..., dict] = field(default=lambda record, document, errors: {})
    # Whether a user who has the editing role may edit this record (e.g. only the
    # measures assigned to them).
    may_edit: Callable[..., bool] = _anyone_with_the_role
    # The model's many-to-many field of assigned editors, if it has one; beheerders
    # assign records on the user form.
    assigned_editors: str = ""
    # Whether the list offers a quick status change.
    quick_status: bool = False
    # Dutch labels of the kind's own document fields, for diffs and error messages.
    field_labels: dict[str, str] = field(default_factory=dict)
    status_choices: list = field(default_factory=list)
    # Display labels of coded values per field ({"status": {"in_opstartfase": "In opstartfase"}}),
    # so reviewers read what the public reads.
    value_labels: dict[str, dict] = field(default_factory=dict)
    # The narrative fields in the rich-text format (core/richtext.py), previewed rendered.
    rich_text_fields: tuple[str, ...] = ()

    @property
    def labels(self) -> dict[str, str]:
        return {**COMMON_LABELS, **self.field_labels}

    def get(self, key: str) -> models.Model:
        # A key no record can have (a NUL character, refused by PostgreSQL) is simply unknown.
        if "\x00" in key:
            raise Http404
        return get_object_or_404(self.model, **{self.lookup: key})

    def key_of(self, record: models.Model) -> str:
        return str(getattr(record, self.lookup))


class KindRegistry:
    def __init__(self) -> None:
        self._by_model: dict[type[models.Model], EditableKind] = {}
        self._by_slug: dict[str, EditableKind] = {}

    def register(self, kind: EditableKind) -> None:
        if kind.slug in self._by_slug or kind.model in self._by_model:
            raise ImproperlyConfigured(f"The editable kind {kind.slug!r} is registered twice.")
        self._by_model[kind.model] = kind
        self._by_slug[kind.slug] = kind

    def for_record(self, record: models.Model) -> EditableKind:
        return self._by_model[type(record)]

    def for_slug(self, slug: str) -> EditableKind:
        """The kind named in a URL; 404 for an unknown one."""
        if slug not in self._by_slug:
            raise Http404
        return self._by_slug[slug]

    def __iter__(self):
        return iter(self._by_slug.values())


site = KindRegistry()
