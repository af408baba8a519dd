"""Admin for superusers. Policy staff work in the purpose-made workspace, not here."""
from django.contrib import admin

from .models import KeyFigure, Measure, MeasureItem, MeasureStakeholder, MeasureStatusChange, Priority


class MeasureItemInline(admin.TabularInline):
    model = MeasureItem
    extra = 0


class MeasureStakeholderInline(admin.TabularInline):
    model = MeasureStakeholder
    extra = 0
    autocomplete_fields = ["group"]


class MeasureStatusChangeInline(admin.TabularInline):
    model = MeasureStatusChange
    extra = 0
    autocomplete_fields = ["source", "edition"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "status", "is_prioritised", "has_chapter", "updated_at"]
    list_display_links = ["code", "title"]
    list_filter = ["status", "is_prioritised", "has_chapter", "programme", "goals"]
    search_fields = ["code", "title", "introduction", "summary"]
    autocomplete_fields = ["parent"]
    inlines = [MeasureStakeholderInline, MeasureItemInline, MeasureStatusChangeInline]
    filter_horizontal = ["goals"]


@admin.register(MeasureStatusChange)
class MeasureStatusChangeAdmin(admin.ModelAdmin):
    list_display = ["measure", "status", "effective_date", "source", "edition"]
    list_filter = ["status", "source", "edition"]
    search_fields = ["measure__code", "measure__title", "explanation"]
    autocomplete_fields = ["measure", "source", "edition"]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["kind", "number", "title", "year", "source"]
    list_filter = ["kind", "year", "source"]
    search_fields = ["title", "description"]
    filter_horizontal = ["measures"]


@admin.register(KeyFigure)
class KeyFigureAdmin(admin.ModelAdmin):
    list_display = ["title", "wording", "period", "series", "edition_key", "source"]
    list_filter = ["series", "unit", "edition_key", "source"]
    search_fields = ["key", "series", "title", "wording", "quote"]
    autocomplete_fields = ["source"]
    filter_horizontal = ["measures"]
