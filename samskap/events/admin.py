from django.contrib import admin
from django.db import models

from .models import Event, EventSeries, ProgrammeSession, Registration, RegistrationQuestion, Speaker, Stand, TicketType
from .selectors import organiser_choices_forget


class TicketTypeInline(admin.TabularInline):
    model = TicketType
    extra = 0


class QuestionInline(admin.TabularInline):
    model = RegistrationQuestion
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start", "status", "pricing", "capacity", "organised_by_hub"]
    list_filter = ["status", "kind", "pricing", "language", "organised_by_hub"]
    search_fields = ["title", "slug", "venue_name"]
    list_select_related = ["place"]
    autocomplete_fields = ["organisers", "place", "created_by"]
    filter_horizontal = ["themes"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "start"
    inlines = [TicketTypeInline, QuestionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        organiser_choices_forget()  # the list's organiser filter


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "status", "payment_status", "checked_in_at", "created_at"]
    list_filter = ["status", "payment_status", "payment_method"]
    search_fields = ["name", "email", "organisation_name", "event__title"]
    list_select_related = ["event"]
    autocomplete_fields = ["event", "user"]
    raw_id_fields = ["ticket_type"]
    readonly_fields = ["token", "check_in_code", "created_at", "updated_at"]


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "rule", "created_at"]
    search_fields = ["title"]
    readonly_fields = ["created_at"]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_name", "event"]
    search_fields = ["name", "organisation_name", "event__title"]
    list_select_related = ["event"]
    autocomplete_fields = ["event", "user"]


@admin.register(ProgrammeSession)
class ProgrammeSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "start", "room"]
    search_fields = ["title", "event__title"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    filter_horizontal = ["speakers"]


@admin.register(Stand)
class StandAdmin(admin.ModelAdmin):
    list_display = ["organisation", "event"]
    search_fields = ["organisation__name", "event__title"]
    list_select_related = ["organisation", "event"]
    autocomplete_fields = ["event", "organisation"]
