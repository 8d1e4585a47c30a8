from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samskap.core.search import search_index_delete, search_index_update

from .models import GroupMembership, LocalGroup, Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "invited_email", "role", "status", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "country", "legal_form", "org_number", "head_office", "is_verified",
                    "merged_into", "updated_at"]
    list_filter = ["kind", "sector", "country", "is_verified", "is_registered_social_enterprise",
                   ("merged_into", admin.EmptyFieldListFilter), "legal_form"]
    search_fields = ["name", "org_number", "slug", "email", "website"]
    list_select_related = ["head_office", "merged_into"]
    autocomplete_fields = ["head_office", "areas_served", "merged_into", "created_by"]
    filter_horizontal = ["themes", "offer_themes", "seek_themes"]
    readonly_fields = ["created_at", "updated_at", "verified_at"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "created_at"
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "sector", "country", "legal_form", "org_number", "founded_year"]}),
        (_("Places and themes"), {"fields": ["head_office", "areas_served", "themes"]}),
        (_("Description"), {"fields": ["description", "description_language", "offers", "offer_themes", "seeks",
                                       "seek_themes"]}),
        (_("Contact"), {"fields": ["website", "email", "email_visibility", "phone", "phone_visibility",
                                   "social_links", "logo"]}),
        (_("Hub"), {"fields": ["is_registered_social_enterprise", "registration_evidence_url", "is_verified",
                               "verified_at", "merged_into", "created_by", "created_at", "updated_at"]}),
    ]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "user", "invited_email", "role", "status", "created_at"]
    list_filter = ["role", "status"]
    search_fields = ["organisation__name", "user__email", "user__name", "invited_email"]
    list_select_related = ["organisation", "user"]
    autocomplete_fields = ["organisation", "user"]
    readonly_fields = ["token", "created_at"]


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    fields = ["user", "role"]
    autocomplete_fields = ["user"]


@admin.register(LocalGroup)
class LocalGroupAdmin(admin.ModelAdmin):
    """Hub admins can correct and remove local groups; the search index follows every change."""

    list_display = ["name", "place", "theme"]
    list_select_related = ["place", "theme"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["place", "theme", "organisations"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GroupMembershipInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search_index_update(kind="group", obj=form.instance)

    def delete_model(self, request, obj):
        search_index_delete(kind="group", object_id=obj.pk)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for group in queryset:
            search_index_delete(kind="group", object_id=group.pk)
        super().delete_queryset(request, queryset)
