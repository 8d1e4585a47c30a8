from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .images import validate_image_upload
from .models import HubSettings


class DesignsystemetRenderer(TemplatesSetting):
    """Render every form with Designsystemet's field markup and an error summary."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class HubSettingsForm(forms.ModelForm):
    # A plain file field: the type check is ours (validate_image_upload), with our message.
    logo = forms.FileField(
        label=_("Logo"), required=False, help_text=_("JPEG, PNG or WebP, at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = HubSettings
        fields = ["name", "logo", "logo_alt", "default_language", "time_zone", "contact_email"]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            validate_image_upload(logo)
        return logo

