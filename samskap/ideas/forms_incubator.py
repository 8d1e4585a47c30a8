"""Forms for incubators, intake rounds (with their questions and rubric as formsets), applying, scoring and
deciding. They validate what a person typed; the services check the rules and write."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from samskap.accounts.models import User
from samskap.actors.models import Organisation
from samskap.core.forms import LongSelect
from samskap.core.models import Place

from .models import Application, Challenge, Idea, IntakeRound, RoundQuestion, RubricCriterion


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MembersField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, user):
        return user.display_name


def _emails_to_members(text: str) -> list[User]:
    """Members for the e-mail addresses in `text` (separated by commas, spaces or lines); an unknown address is
    an error naming it."""
    addresses = [a.lower() for a in re.split(r"[\s,;]+", text or "") if a]
    if not addresses:
        return []
    users = {u.email.lower(): u for u in User.objects.filter(email__in=addresses, is_active=True)}
    unknown = [a for a in addresses if a not in users]
    if unknown:
        raise forms.ValidationError(_("No member has the e-mail address %(emails)s.")
                                    % {"emails": ", ".join(unknown)})
    return list(users.values())


class MembersByEmailMixin:
    """A checkbox list of members plus a field for adding more by e-mail; `members()` gives both together."""

    members_field = ""
    emails_field = ""

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["extra_members"] = _emails_to_members(cleaned.get(self.emails_field, ""))
        except forms.ValidationError as error:
            self.add_error(self.emails_field, error)
        return cleaned

    def members(self) -> list[User]:
        chosen = {u.pk: u for u in self.cleaned_data.get(self.members_field) or []}
        for user in self.cleaned_data.get("extra_members") or []:
            chosen[user.pk] = user
        return list(chosen.values())


class IncubatorForm(MembersByEmailMixin, forms.Form):
    members_field, emails_field = "facilitators", "facilitator_emails"

    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 5}),
                                  help_text=_("Who the incubator is for and what it offers."))
    place = forms.ModelChoiceField(label=_("Place"), queryset=Place.objects.all(), required=False, widget=LongSelect,
                                   help_text=_("The municipality or neighbourhood it serves."))
    organisation = forms.ModelChoiceField(label=_("Run by the organisation"), queryset=Organisation.objects.none(),
                                          required=False, widget=LongSelect)
    facilitators = MembersField(label=_("Facilitators"), queryset=User.objects.none(), required=False,
                                help_text=_("Members with the facilitator role, and this incubator's facilitators."))
    facilitator_emails = forms.CharField(
        label=_("Add facilitators by e-mail"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The e-mail addresses of members, separated by commas."))

    def __init__(self, *args, incubator=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = list(incubator.facilitators.values_list("pk", flat=True)) if incubator else []
        self.fields["facilitators"].queryset = (User.objects.filter(is_active=True)
                                                .filter(Q(is_facilitator=True) | Q(pk__in=current))
                                                .order_by("name", "email"))
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        if incubator is None:
            self.fields["facilitators"].help_text = _("You become a facilitator yourself.")


class RoundForm(MembersByEmailMixin, forms.Form):
    members_field, emails_field = "reviewers", "reviewer_emails"

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("The call"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}),
                                  help_text=_("What you are looking for, who can apply and what the cohort gets."))
    opens_on = forms.DateField(label=_("Opens"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes"), widget=DateInput(),
                                help_text=_("Applications are accepted until the end of this day."))
    challenge = forms.ModelChoiceField(label=_("For the challenge"), queryset=Challenge.objects.none(),
                                       required=False, widget=LongSelect,
                                       help_text=_("Optional: a challenge the ideas should answer."))
    reviewers = MembersField(label=_("Reviewers"), queryset=User.objects.none(), required=False,
                             help_text=_("Facilitators, mentors and the current reviewers."))
    reviewer_emails = forms.CharField(label=_("Add reviewers by e-mail"), required=False, max_length=2000,
                                      widget=forms.Textarea(attrs={"rows": 2}),
                                      help_text=_("The e-mail addresses of members, separated by commas."))

    def __init__(self, *args, incubator, intake_round: IntakeRound | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current = list(intake_round.reviewers.values_list("pk", flat=True)) if intake_round else []
        facilitators = list(incubator.facilitators.values_list("pk", flat=True))
        self.fields["reviewers"].queryset = (
            User.objects.filter(is_active=True)
            .filter(Q(is_facilitator=True) | Q(is_mentor=True) | Q(pk__in=current + facilitators))
            .order_by("name", "email"))
        challenges = Challenge.objects.visible().exclude(status=Challenge.Status.CLOSED)
        if intake_round and intake_round.challenge_id:
            challenges = Challenge.objects.filter(Q(pk__in=challenges) | Q(pk=intake_round.challenge_id))
        self.fields["challenge"].queryset = challenges.order_by("title")

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The round cannot close before it opens: choose a closing day on or "
                                          "after the opening day."))
        return cleaned


class ItemFormSet(BaseFormSet):
    """Rows to add, remove (a checkbox) and reorder (a position number) without JavaScript."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = _("Position")
            form.fields["ORDER"].widget.attrs.update({"min": 1, "inputmode": "numeric"})
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")

    def items(self) -> list[dict]:
        """The kept rows in their chosen order, as dicts for the service."""
        return [{k: v for k, v in form.cleaned_data.items() if k not in ("ORDER", "DELETE")}
                for form in self.ordered_forms]


class QuestionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Question"), max_length=300)
    help_text = forms.CharField(label=_("Help text"), max_length=300, required=False)
    is_required = forms.BooleanField(label=_("Required"), required=False, initial=True)


class CriterionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Criterion"), max_length=200)
    description = forms.CharField(label=_("What to look for"), max_length=500, required=False)
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    min_score = forms.IntegerField(label=_("Lowest score"), min_value=0, max_value=100, initial=1)
    max_score = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100, initial=5)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_score"), cleaned.get("max_score")
        if low is not None and high is not None and high <= low:
            self.add_error("max_score", _("The highest score must be above the lowest score."))
        return cleaned


QuestionFormSet = formset_factory(QuestionForm, formset=ItemFormSet, extra=1, can_order=True, can_delete=True,
                                  max_num=30, validate_max=True)
CriterionFormSet = formset_factory(CriterionForm, formset=ItemFormSet, extra=1, can_order=True, can_delete=True,
                                   max_num=20, validate_max=True)


def question_initial(intake_round: IntakeRound | None) -> list[dict]:
    if intake_round is None:
        return []
    return [{"id": q.pk, "text": q.text, "help_text": q.help_text, "is_required": q.is_required, "ORDER": n}
            for n, q in enumerate(RoundQuestion.objects.filter(round=intake_round), start=1)]


def criterion_initial(intake_round: IntakeRound | None) -> list[dict]:
    if intake_round is None:
        return [{"name": _("Social impact"), "description": _("Does it answer a real need in the neighbourhood?"),
                 "weight": 2, "min_score": 1, "max_score": 5, "ORDER": 1},
                {"name": _("Feasibility"), "description": _("Can the team test it within the round?"),
                 "weight": 1, "min_score": 1, "max_score": 5, "ORDER": 2}]
    return [{"id": c.pk, "name": c.name, "description": c.description, "weight": c.weight,
             "min_score": c.min_score, "max_score": c.max_score, "ORDER": n}
            for n, c in enumerate(RubricCriterion.objects.filter(round=intake_round), start=1)]


def with_more_rows(data, prefix: str):
    """A copy of the posted data with one more blank row in the formset `prefix` ("Add a question")."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        data[key] = str(int(data.get(key, "0")) + 1)
    except ValueError:
        pass
    return data


class IdeaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, idea):
        return idea.title


class ApplicationForm(forms.Form):
    """The idea plus the round's extra questions (`q_<id>`)."""

    idea = IdeaChoiceField(label=_("Your idea"), queryset=Idea.objects.none(), empty_label=None,
                           widget=forms.RadioSelect)

    def __init__(self, *args, ideas: list[Idea], questions: list[RoundQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"].queryset = Idea.objects.filter(pk__in=[i.pk for i in ideas]).order_by("title", "pk")
        self.questions = questions
        for question in questions:
            self.fields[f"q_{question.pk}"] = forms.CharField(
                label=question.text, help_text=question.help_text, required=question.is_required, max_length=5000,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"required": _("Please answer this question.")})

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q_{q.pk}", "") for q in self.questions}


class ReviewForm(forms.Form):
    """A score per criterion (`c_<id>`; the range is checked by the service, with its own message) and a comment."""

    comment = forms.CharField(label=_("Comment"), max_length=5000, required=False,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("For the facilitators and, once they have submitted, the other reviewers."))

    def __init__(self, *args, criteria: list[RubricCriterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        fields = {}
        for criterion in criteria:
            help_text = _("From %(min)s to %(max)s; weight %(weight)s.") % {
                "min": criterion.min_score, "max": criterion.max_score, "weight": criterion.weight}
            if criterion.description:
                help_text = f"{criterion.description} {help_text}"
            fields[f"c_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name, help_text=help_text, required=False,
                widget=forms.NumberInput(attrs={"min": criterion.min_score, "max": criterion.max_score,
                                                "inputmode": "numeric"}),
                error_messages={"invalid": _("Enter a whole number.")})
        self.fields = {**fields, **self.fields}

    def scores(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data.get(f"c_{c.pk}") for c in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect,
                                 choices=[(d.value, d.label) for d in (Application.Decision.ACCEPTED,
                                                                       Application.Decision.WAITLISTED,
                                                                       Application.Decision.DECLINED)])
    message = forms.CharField(label=_("Message to the applicant"), max_length=5000, required=False,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("Sent with the decision to the idea's team."))
