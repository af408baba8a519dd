"""Admin for superusers: the audit trail and drafts, readable only."""
from django.contrib import admin

from .models import ChangeRecord, Draft


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    """The audit trail is evidence: readable, never editable."""

    list_display = ["at", "object_repr", "action", "user", "version"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "user__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ["content_type", "object_id", "state", "version", "updated_by", "updated_at"]
    list_filter = ["state", "content_type"]
    readonly_fields = ["content_type", "object_id", "document", "version", "base_version", "created_by",
                       "updated_by", "submitted_at"]
