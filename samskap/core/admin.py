from django.contrib import admin

from .models import HubSettings


@admin.register(HubSettings)
class HubSettingsAdmin(admin.ModelAdmin):
    list_display = ["name", "default_language", "time_zone", "contact_email", "updated_at"]

    def has_add_permission(self, request):
        return not HubSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
