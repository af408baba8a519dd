from django.contrib import admin

from .models import ReportGeneration


@admin.register(ReportGeneration)
class ReportGenerationAdmin(admin.ModelAdmin):
    """Read-only: generations are started and recorded by the staff pages and the worker."""

    list_display = ["edition", "status", "created_at", "started_by", "page_count", "is_frozen"]
    list_filter = ["status", "is_frozen", "edition"]
    search_fields = ["edition__title", "sha256", "error_message"]
    date_hierarchy = "created_at"
    exclude = ["snapshot"]
    readonly_fields = [
        "edition", "status", "error_message", "started_by", "reference_date", "snapshot_sha256", "is_frozen",
        "file", "size", "page_count", "sha256", "attempts", "created_at", "started_at", "finished_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
