from django.contrib import admin

from .models import ReportEdition, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "kind", "date", "reference_date"]
    list_filter = ["kind"]
    search_fields = ["key", "title"]


@admin.register(ReportEdition)
class ReportEditionAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "reference_date", "status", "published_on"]
    list_filter = ["status", "programme"]
    search_fields = ["title", "introduction", "reading_guide"]
    date_hierarchy = "reference_date"
