from django import forms
from django.utils.translation import gettext_lazy as _


class OptionForm(forms.Form):
    text = forms.CharField(label=_("Option"), max_length=300)


class IdeaSearchForm(forms.Form):
    q = forms.CharField(label=_("Search published ideas by title"), max_length=100, required=False)
