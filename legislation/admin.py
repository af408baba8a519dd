from django.contrib import admin

from .models import ExpectedLaw, LawContentItem, LawMilestone, MilestonePlanning


class LawContentItemInline(admin.TabularInline):
    model = LawContentItem
    extra = 0


class LawMilestoneInline(admin.TabularInline):
    model = LawMilestone
    extra = 0
    show_change_link = True


@admin.register(ExpectedLaw)
class ExpectedLawAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "kind"]
    list_filter = ["kind", "programme"]
    search_fields = ["title", "content_items__text"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["measures"]
    inlines = [LawContentItemInline, LawMilestoneInline]


class MilestonePlanningInline(admin.TabularInline):
    model = MilestonePlanning
    extra = 0
    autocomplete_fields = ["source", "edition"]


@admin.register(LawMilestone)
class LawMilestoneAdmin(admin.ModelAdmin):
    list_display = ["law", "phase", "label", "planned_text", "planned_start", "planned_end", "actual_date"]
    list_filter = ["phase", "law"]
    search_fields = ["law__title", "label", "planned_text"]
    inlines = [MilestonePlanningInline]
