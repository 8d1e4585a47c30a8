from django import forms
from django.forms.renderers import TemplatesSetting

from .models import HubSettings


class DesignsystemetRenderer(TemplatesSetting):
    """Render every form with Designsystemet's field markup and an error summary."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class HubSettingsForm(forms.ModelForm):
    class Meta:
        model = HubSettings
        fields = ["name", "logo", "logo_alt", "default_language", "time_zone", "contact_email"]
        widgets = {"logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"})}

    def clean_logo(self):
        from samskap.core.images import validate_image_upload

        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            validate_image_upload(logo)
        return logo

