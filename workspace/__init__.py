"""The editorial engine, written once for every kind of record (like django.contrib.admin):
drafts, review, publishing, the audit trail, roles, the staff views and the staff API.

It names no domain app. Each app registers its editable kind with ``workspace.site``
from its ``AppConfig.ready()`` (see registry.py); what is specific to a kind (its
document, validation, form, who may edit it) comes through that kind.
"""
from .registry import EditableKind, site  # noqa: F401  (the public interface, as admin.site)
