from django import forms
from django.contrib import admin
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import HubSettings, Place, Theme
from .places_data import NORDIC_FOLDING
from .selectors import theme_labels_contain
from .services import place_choices_forget
from .tasks import search_index_refresh_later
from .themes_data import LABEL_LANGUAGES


@admin.register(HubSettings)
class HubSettingsAdmin(admin.ModelAdmin):
    list_display = ["name", "default_language", "time_zone", "contact_email", "updated_at"]

    def has_add_permission(self, request):
        return not HubSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "level", "country", "code", "parent", "slug"]
    list_filter = ["level", "country"]
    # The slug is the folded name, so "Malmo" and "Tromso" find Malmö and Tromsø.
    search_fields = ["name", "name_en", "code", "slug"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    fields = ["level", "country", "parent", "name", "name_en", "code", "slug", "latitude", "longitude"]

    # Forms cache the place choices; a change here must reach them.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        place_choices_forget()
        if change and {"name", "name_en"} & set(form.changed_data):
            search_index_refresh_later()  # things are found by the names of their places

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        place_choices_forget()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        place_choices_forget()


class ThemeAdminForm(forms.ModelForm):
    """Edit a theme's labels as one text field per language instead of raw JSON."""

    label_en = forms.CharField(label=_("Name in English"), max_length=120,
                               help_text=_("Shown wherever a translation below is empty."))
    label_sv = forms.CharField(label=_("Name in Swedish"), max_length=120, required=False)
    label_nb = forms.CharField(label=_("Name in Norwegian (bokmål)"), max_length=120, required=False)
    label_da = forms.CharField(label=_("Name in Danish"), max_length=120, required=False)
    slug = forms.SlugField(label=_("slug"), max_length=80, required=False,
                           help_text=_("Used in addresses and imports. Leave empty to make one from the English name."))

    class Meta:
        model = Theme
        fields = ["kind", "slug", "position", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in LABEL_LANGUAGES:
            self.initial.setdefault(f"label_{language}", self.instance.labels.get(language, ""))

    def clean(self):
        cleaned_data = super().clean()
        # Keep languages this form does not show, should a hub have added one.
        labels = dict(self.instance.labels or {})
        for language in LABEL_LANGUAGES:
            value = (cleaned_data.get(f"label_{language}") or "").strip()
            if value:
                labels[language] = value
            else:
                labels.pop(language, None)
        self.instance.labels = labels
        if not cleaned_data.get("slug") and labels.get("en"):
            cleaned_data["slug"] = slugify(labels["en"].translate(NORDIC_FOLDING))[:80]
        return cleaned_data


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    form = ThemeAdminForm
    list_display = ["name", "kind", "position", "is_active", "slug"]
    list_filter = ["kind", "is_active"]
    search_fields = ["slug"]
    fields = ["kind", *(f"label_{language}" for language in LABEL_LANGUAGES), "slug", "position", "is_active"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and any(name.startswith("label_") for name in form.changed_data):
            search_index_refresh_later()  # things are found by their themes' names in every language

    @admin.display(description=_("name"))
    def name(self, theme: Theme) -> str:
        return theme.label

    def get_search_results(self, request, queryset, search_term):
        """Search the labels in every language too, folding å/ä/æ/ø/ö so "halsa" finds "hälsa"."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            matching = [pk for pk, labels in queryset.values_list("pk", "labels")
                        if theme_labels_contain(labels, search_term)]
            results = results | queryset.filter(pk__in=matching)
        return results, may_have_duplicates
