from functools import partial

from django.contrib import admin
from django.db import models, transaction

from .models import Collection, CollectionItem, FundingCall, FundingDeadline, LinkImport, Resource
from .search import call_index, call_unindex, resource_index, resource_unindex
from .services_funding import next_deadline_of


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "language", "published_on", "is_published", "link_status"]
    list_filter = ["kind", "language", "is_published", "link_status"]
    search_fields = ["title", "slug", "url"]
    autocomplete_fields = ["author_person", "author_organisation", "places", "related_methods"]
    filter_horizontal = ["themes"]
    readonly_fields = ["link_checked_at", "link_status_code", "link_error", "link_final_url", "created_at",
                       "updated_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # Edits here keep search current, as the services do.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        transaction.on_commit(partial(resource_index, resource_id=form.instance.pk))

    def delete_model(self, request, obj):
        transaction.on_commit(partial(resource_unindex, resource_id=obj.pk))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            transaction.on_commit(partial(resource_unindex, resource_id=pk))
        super().delete_queryset(request, queryset)


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    extra = 0
    autocomplete_fields = ["resource"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "is_published", "updated_at"]
    search_fields = ["title", "slug"]
    inlines = [CollectionItemInline]


class FundingDeadlineInline(admin.TabularInline):
    model = FundingDeadline
    extra = 0


@admin.register(FundingCall)
class FundingCallAdmin(admin.ModelAdmin):
    list_display = ["title", "funder", "next_deadline", "is_rolling", "is_published", "link_status"]
    list_filter = ["is_published", "is_rolling", "currency", "link_status"]
    search_fields = ["title", "slug", "programme", "funder__name"]
    list_select_related = ["funder"]
    autocomplete_fields = ["funder", "eligible_places"]
    filter_horizontal = ["themes"]
    readonly_fields = ["next_deadline", "link_checked_at", "link_status_code", "link_error", "link_final_url",
                       "created_at", "updated_at"]
    inlines = [FundingDeadlineInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        call = form.instance
        FundingCall.objects.filter(pk=call.pk).update(
            next_deadline=next_deadline_of(call.deadlines.values_list("due", flat=True)))
        transaction.on_commit(partial(call_index, call_id=call.pk))

    def delete_model(self, request, obj):
        transaction.on_commit(partial(call_unindex, call_id=obj.pk))
        super().delete_model(request, obj)


@admin.register(LinkImport)
class LinkImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "status", "progress", "total", "created_by", "created_at"]
    list_filter = ["status"]
    readonly_fields = ["file", "file_name", "status", "progress", "total", "report", "created_by"]
