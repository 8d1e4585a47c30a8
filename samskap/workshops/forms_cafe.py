"""The World Café's forms: they check the input's shape; the services check the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TableForm(forms.Form):
    name = forms.CharField(label=_("Table name"), max_length=60, required=False)


class RoundForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=300)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=240)


class HostForm(forms.Form):
    table = forms.IntegerField(label=_("Table"))
    participant = forms.IntegerField(label=_("Host"), required=False)


class HarvestForm(forms.Form):
    text = forms.CharField(label=_("Harvest"), max_length=5000, widget=forms.Textarea)


class InsightForm(forms.Form):
    text = forms.CharField(label=_("Insight"), max_length=500)


def first_error(form: forms.Form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)
