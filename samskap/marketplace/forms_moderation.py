"""Forms of reporting and moderation: what is wrong (a report), and why an item is hidden."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Ad, Report

REPORT_REASON_MAX = Report._meta.get_field("reason").max_length
HIDDEN_REASON_MAX = Ad._meta.get_field("hidden_reason").max_length


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"), max_length=REPORT_REASON_MAX, strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the hub admins read this. They may hide what breaks the hub's rules."),
        error_messages={"required": _("Tell the hub admins what is wrong.")})


class HideForm(forms.Form):
    """Why an item is hidden. Several of these are on the queue at once: give each its own `auto_id`."""

    reason = forms.CharField(
        label=_("Why it is hidden"), max_length=HIDDEN_REASON_MAX, strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The author sees this."),
        error_messages={"required": _("Tell the author why it is hidden.")})
