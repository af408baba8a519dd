from django.contrib import admin

from .models import Commitment, Motion, MotionStatusChange, MotionSubmitter


class MotionSubmitterInline(admin.TabularInline):
    model = MotionSubmitter
    extra = 0


class MotionStatusChangeInline(admin.TabularInline):
    model = MotionStatusChange
    extra = 0
    autocomplete_fields = ["source", "edition"]


@admin.register(Motion)
class MotionAdmin(admin.ModelAdmin):
    list_display = ["kamerstuk", "title", "status", "scope"]
    list_filter = ["status", "scope", "dossier"]
    search_fields = ["kamerstuk", "title", "explanation", "submitters__name"]
    filter_horizontal = ["measures"]
    inlines = [MotionSubmitterInline, MotionStatusChangeInline]


@admin.register(MotionStatusChange)
class MotionStatusChangeAdmin(admin.ModelAdmin):
    list_display = ["motion", "status", "effective_date", "source"]
    list_filter = ["status", "source"]
    search_fields = ["motion__kamerstuk", "motion__title", "explanation"]
    autocomplete_fields = ["motion", "source", "edition"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "status", "due_text"]
    list_filter = ["status"]
    search_fields = ["code", "title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["measures"]
