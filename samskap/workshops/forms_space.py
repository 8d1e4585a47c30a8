from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Space, TimeSlot, Workshop


class GridItemForm(forms.Form):
    """A time slot's label or a space's name."""

    name = forms.CharField(max_length=60)


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Your topic"), max_length=200)
    convener_name = forms.CharField(label=_("Convener"), max_length=60, required=False,
                                    help_text=_("Your display name unless you write another."))
    description = forms.CharField(label=_("Short description (optional)"), max_length=500, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class PlacementForm(forms.Form):
    """A time slot and a space of the workshop (both empty: take the topic out of the grid)."""

    slot = forms.ModelChoiceField(queryset=TimeSlot.objects.none(), required=False, label=_("Time"))
    space = forms.ModelChoiceField(queryset=Space.objects.none(), required=False, label=_("Space"))

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = TimeSlot.objects.filter(workshop=workshop)
        self.fields["space"].queryset = Space.objects.filter(workshop=workshop)


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), max_length=10000, required=False, widget=forms.Textarea)


class ActionItemForm(forms.Form):
    text = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.CharField(label=_("Who"), max_length=100, required=False)
