"""Admin for superusers. Policy staff work in the purpose-made workspace, not here."""
from django.contrib import admin

from .models import Goal, Organisation, Programme, ReportEdition, SourceDocument, StakeholderGroup


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "start_year", "end_year"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "programme"]
    list_filter = ["programme"]
    search_fields = ["title"]


class OrganisationInline(admin.TabularInline):
    model = Organisation
    extra = 0


@admin.register(StakeholderGroup)
class StakeholderGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "table_position"]
    search_fields = ["name", "organisations__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "group"]
    list_filter = ["group"]
    search_fields = ["name"]


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
