"""Ideas, challenges and incubators in Django's admin, for hub admins. Support-session notes are private to the
team, its mentors and facilitators, so they are not listed here."""

from django.contrib import admin

from .models import Challenge, ChecklistItem, Idea, Incubator, IntakeRound, RubricCriterion, RoundQuestion, Stage


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["slug", "label", "phase", "position", "is_active"]
    inlines = [ChecklistItemInline]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "organisation", "open_until", "hidden_at", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "organisation__name"]
    raw_id_fields = ["organisation", "created_by"]
    filter_horizontal = ["themes", "places"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "visibility", "published_at", "support_count", "comment_count", "hidden_at"]
    list_filter = ["stage", "visibility", "language"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["author", "challenge", "place", "hidden_by"]
    readonly_fields = ["support_count", "comment_count"]


@admin.register(Incubator)
class IncubatorAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "organisation", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["place", "organisation"]
    filter_horizontal = ["facilitators"]


class RoundQuestionInline(admin.TabularInline):
    model = RoundQuestion
    extra = 0


class RubricCriterionInline(admin.TabularInline):
    model = RubricCriterion
    extra = 0


@admin.register(IntakeRound)
class IntakeRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "incubator", "opens_on", "closes_on"]
    inlines = [RoundQuestionInline, RubricCriterionInline]
    filter_horizontal = ["reviewers"]
    raw_id_fields = ["challenge", "created_by"]
