"""Forms of the dot-vote pages: opening a vote, and placing dots on an idea."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Idea
from .selectors_votes import BY_HAND_LIMIT
from .services_votes import MAX_DOTS, MIN_IDEAS


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class IdeaChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, idea: Idea) -> str:
        return idea.title


class DotVoteForm(forms.Form):
    """A new vote. The ideas offered are the chosen set (all ticked at first), or by hand the newest ideas."""

    title = forms.CharField(label=_("Title"), max_length=200,
                            help_text=_("What the participants choose, e.g. “Which ideas should we test this autumn?”"))
    ideas = IdeaChoiceField(label=_("Ideas to vote on"), queryset=Idea.objects.none(),
                            error_messages={"required": _("Pick at least two ideas to vote on.")},
                            help_text=_("Only published ideas that every member may see."))
    dots_per_participant = forms.IntegerField(
        label=_("Dots each"), min_value=1, max_value=MAX_DOTS, initial=3,
        help_text=_("From 1 to %(max)s. A participant may put several dots on one idea.") % {"max": MAX_DOTS},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    closes_at = forms.DateTimeField(label=_("Closes"), required=False, widget=LocalDateTimeInput,
                                    help_text=_("Optional. Without it, the vote stays open until you close it."))
    show_live = forms.BooleanField(label=_("Show the tally while voting"), required=False,
                                   help_text=_("Otherwise only you see it until the vote closes."))

    def __init__(self, *args, candidates, by_hand: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["ideas"]
        field.queryset = candidates
        if by_hand:
            shown = list(candidates[:BY_HAND_LIMIT])
            picked = [value for value in (self.data.getlist("ideas") if hasattr(self.data, "getlist") else [])
                      if str(value).isdigit()]
            shown_ids = {idea.pk for idea in shown}
            missing = [int(value) for value in picked if int(value) not in shown_ids]
            if missing:
                shown = list(candidates.filter(pk__in=missing)) + shown
            field.choices = [(idea.pk, idea.title) for idea in shown]
        else:
            self.initial.setdefault("ideas", [idea.pk for idea in candidates])

    def clean_ideas(self):
        ideas = self.cleaned_data["ideas"]
        if len(ideas) < MIN_IDEAS:
            raise forms.ValidationError(_("Pick at least two ideas to vote on."))
        return ideas


class DotsForm(forms.Form):
    """Set the member's dots on one idea (the page's + and − buttons send the new number)."""

    idea = forms.IntegerField(widget=forms.HiddenInput)
    count = forms.IntegerField(min_value=0, max_value=MAX_DOTS, error_messages={
        "min_value": _("The number of dots must be zero or more."),
        "max_value": _("That is more dots than a vote gives."),
        "invalid": _("Give the number of dots as a whole number."),
        "required": _("Give the number of dots as a whole number.")})
