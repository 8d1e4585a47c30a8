"""The marketplace in Django's admin: ads, and reports read-only.

Conversations and messages are private to their two parties, so they are not in the admin at all: hub admins
see a message only when a party reports it — on the moderation queue, and here in its report. Hiding and
dismissing happen on the queue (/marketplace/moderation/), where the services notify the author.
"""

from functools import partial

from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Ad, AdPartner, Report
from .search import ad_index, ad_unindex


class AdPartnerInline(admin.TabularInline):
    model = AdPartner
    extra = 0
    fields = ["user", "organisation", "partnership", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["user", "organisation", "partnership"]


@admin.register(Ad)
class AdAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "valid_until", "owner", "organisation", "hidden_at", "created_at"]
    list_filter = ["kind", "status", "language", ("hidden_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "owner__email", "organisation__name"]
    list_select_related = ["owner", "organisation"]
    raw_id_fields = ["owner", "organisation", "hidden_by"]
    filter_horizontal = ["themes"]
    autocomplete_fields = ["places"]
    readonly_fields = ["reminder_sent_at", "hidden_at", "hidden_reason", "hidden_by", "created_at", "updated_at"]
    inlines = [AdPartnerInline]
    date_hierarchy = "created_at"

    # Edits here keep search current, as the services do.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        transaction.on_commit(partial(ad_index, ad_id=form.instance.pk))

    def delete_model(self, request, obj):
        transaction.on_commit(partial(ad_unindex, ad_id=obj.pk))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            transaction.on_commit(partial(ad_unindex, ad_id=pk))
        super().delete_queryset(request, queryset)


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """Read-only: the queue resolves reports (and tells the author)."""

    list_display = ["about", "reporter", "outcome", "created_at", "resolved_at", "resolved_by"]
    list_filter = ["outcome"]
    list_select_related = ["reporter", "resolved_by", "ad", "message__conversation__ad"]
    fields = ["ad", "reported_message", "reporter", "reason", "outcome", "created_at", "resolved_by", "resolved_at"]
    readonly_fields = fields

    @admin.display(description=_("about"))
    def about(self, report: Report) -> str:
        return str(report.ad) if report.ad_id else _("a message about “%(title)s”") % {
            "title": report.message.conversation.ad.title}

    @admin.display(description=_("reported message"))
    def reported_message(self, report: Report) -> str:
        if not report.message_id:
            return "–"
        message = report.message
        return f"{message.sender.display_name}: {message.body}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
