"""Forms of the cohort pages: moving a card on the board, assigning a mentor, logging a support session, and a
milestone. They validate input; the services check the rules and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samskap.accounts.models import User


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class BoardMoveForm(forms.Form):
    """One card's move: to another stage (with an optional reason), or up or down within its column."""

    idea = forms.IntegerField(widget=forms.HiddenInput)
    stage = forms.IntegerField(label=_("Stage"), required=False)
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")], required=False)
    reason = forms.CharField(label=_("Why (optional)"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("stage") is None and not data.get("direction"):
            raise forms.ValidationError(_("Choose the stage to move the idea to."), code="no_stage")
        return data


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.display_name


class MentorAssignForm(forms.Form):
    """A member flagged as a mentor from the list, or any member by e-mail."""

    mentor = MentorChoiceField(label=_("Mentor"), queryset=User.objects.none(), required=False,
                               empty_label=_("Choose a mentor"),
                               help_text=_("Members who have offered to be mentors."))
    email = forms.EmailField(label=_("Or another member’s e-mail"), required=False,
                             help_text=_("Any member of the network can be a mentor."))

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = candidates if candidates is not None else User.objects.none()

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("mentor") and data.get("email"):
            raise forms.ValidationError(_("Choose a mentor from the list or enter an e-mail, not both."))
        if data.get("email"):
            user = User.objects.filter(email__iexact=data["email"], is_active=True).first()
            if user is None:
                self.add_error("email", _("No member has this e-mail address."))
                return data
            data["mentor"] = user
        elif not data.get("mentor"):
            raise forms.ValidationError(_("Choose a mentor from the list or enter a member’s e-mail."))
        return data


class SupportSessionForm(forms.Form):
    mentor = MentorChoiceField(label=_("Mentor"), queryset=User.objects.none(), empty_label=None)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    notes = forms.CharField(label=_("Notes"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}),
                            help_text=_("Only the team, its mentors and the facilitators can read them."))
    next_steps = forms.CharField(label=_("Agreed next steps"), max_length=5000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, mentors=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["mentor"]
        else:
            self.fields["mentor"].queryset = mentors if mentors is not None else User.objects.none()


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200,
                            help_text=_("For example: the first test with ten users."))
    due_on = forms.DateField(label=_("Due"), widget=DateInput)
