from django import forms
from django.utils.translation import gettext_lazy as _


class VisionaryForm(forms.Form):
    name = forms.CharField(label=_("Visionary's name"), max_length=100)
    vision = forms.CharField(label=_("Title of the vision"), max_length=200)
