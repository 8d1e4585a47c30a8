from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .images import validate_image_upload
from .models import HubSettings


class DesignsystemetRenderer(TemplatesSetting):
    """Render every form with Designsystemet's field markup and an error summary."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class LongSelect(forms.Select):
    """A select written straight to HTML instead of one template per option.

    Django renders each option through its own template; for the directory's filters (some 250
    places, themes and legal forms) that was a third of the page's time. Same markup, same
    optgroups; options carry no attributes but `selected`.
    """

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}

        def options(choices):
            return format_html_join("", '<option value="{}"{}>{}</option>',
                                    ((str(v), mark_safe(" selected") if str(v) in selected else "", label)
                                     for v, label in choices))

        parts = []
        for group, choices in self.choices:
            if isinstance(choices, (list, tuple)):
                parts.append(format_html('<optgroup label="{}">{}</optgroup>', group, options(choices)))
            else:
                parts.append(options([(group, choices)]))
        final_attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final_attrs), mark_safe("".join(parts)))


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

