"""Forms for registering, changing a registration and giving feedback.

The register form is built from the event: its questions, ticket types, pay-what-you-can amounts and
ways to pay. The forms check the shape of the input; the services decide (open, full, invited …) and
their field errors come back onto the fields with `add_service_error`.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Event, Registration, RegistrationQuestion
from .services_registration import payment_methods

OTHER_AMOUNT = "other"
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def question_field(question: RegistrationQuestion, initial=None) -> forms.Field:
    """A form field for a registration question; its value is what the services store as the answer."""
    Kind = RegistrationQuestion.Kind
    common = {"label": question.label, "required": question.required}
    choices = [(choice, choice) for choice in question.choices]
    if question.kind == Kind.SINGLE:
        field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    elif question.kind == Kind.MULTIPLE:
        field = forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
    elif question.kind == Kind.YES_NO:
        field = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
        if isinstance(initial, bool):
            initial = "yes" if initial else "no"
    else:
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, **common)
    field.initial = initial
    return field


class QuestionsMixin:
    """Adds one field per question of the event, named question_<id>."""

    def add_question_fields(self, event: Event, answers: dict | None = None) -> None:
        answers = answers or {}
        self.questions = list(event.questions.all())
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = question_field(question, answers.get(str(question.pk)))

    @property
    def question_fields(self) -> list:
        return [self[f"question_{question.pk}"] for question in self.questions]

    def answers(self) -> dict[str, object]:
        answers: dict[str, object] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"question_{question.pk}")
            if question.kind == RegistrationQuestion.Kind.YES_NO and value in ("yes", "no"):
                value = value == "yes"
            answers[str(question.pk)] = value
        return answers

    def add_service_error(self, error: ValidationError) -> None:
        """Show a service's error by the field it is about, or above the form."""
        if hasattr(error, "error_dict"):
            for key, errors in error.error_dict.items():
                field = {"amount": "own_amount"}.get(key, key)
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class RegistrationForm(QuestionsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), help_text=_("The confirmation and your registration link go here."))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    ticket_type = forms.ModelChoiceField(label=_("Ticket"), queryset=None, widget=forms.RadioSelect, empty_label=None)
    amount_choice = forms.ChoiceField(label=_("How much do you pay?"), widget=forms.RadioSelect)
    own_amount = forms.DecimalField(label=_("Your own amount"), required=False, max_digits=10, decimal_places=2)
    payment_method = forms.ChoiceField(label=_("How do you pay?"), widget=forms.RadioSelect, required=False)
    invoice_organisation = forms.CharField(label=_("Invoice to (organisation or person)"), max_length=200,
                                           required=False)
    invoice_org_number = forms.CharField(label=_("Organisation number"), max_length=20, required=False)
    invoice_reference = forms.CharField(label=_("Your reference"), max_length=120, required=False)
    invoice_address = forms.CharField(label=_("Invoice address"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))
    on_participant_list = forms.BooleanField(
        label=_("Show my name and organisation on the public participant list"), required=False)

    def __init__(self, *args, event: Event, user=None, invited_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if user is not None and user.is_authenticated:
            self.fields["name"].initial = user.display_name
            self.fields["email"].initial = user.email
        elif invited_email:
            self.fields["email"].initial = invited_email
        self.add_question_fields(event)
        currency = event.currency
        ticket_types = list(event.ticket_types.all()) if event.pricing == Event.Pricing.TICKETS else []
        if ticket_types:
            self.fields["ticket_type"].queryset = event.ticket_types.all()
            self.fields["ticket_type"].label_from_instance = lambda t: (
                f"{t.name} – {number_format(t.price, 2)} {currency}" if t.price else f"{t.name} – {_('free')}")
        else:
            del self.fields["ticket_type"]
        if event.pricing == Event.Pricing.PAY_WHAT_YOU_CAN:
            suggested = sorted({Decimal(str(amount)) for amount in event.suggested_amounts
                                if Decimal(str(amount)) >= event.minimum_amount})
            self.fields["amount_choice"].choices = [
                (str(amount), f"{number_format(amount, 2)} {currency}") for amount in suggested
            ] + [(OTHER_AMOUNT, _("Another amount"))]
            if not suggested:
                self.fields["amount_choice"].initial = OTHER_AMOUNT
                self.fields["amount_choice"].widget = forms.HiddenInput()
            minimum = {"minimum": number_format(event.minimum_amount, 2), "currency": currency}
            self.fields["own_amount"].validators.append(MinValueValidator(
                event.minimum_amount, message=_("Pay at least %(minimum)s %(currency)s.") % minimum))
            self.fields["own_amount"].help_text = _(
                "When you choose another amount: at least %(minimum)s %(currency)s.") % minimum
            self.fields["own_amount"].widget.attrs["min"] = str(event.minimum_amount)
        else:
            del self.fields["amount_choice"], self.fields["own_amount"]
        methods = payment_methods(event)
        may_cost = bool(ticket_types and any(t.price > 0 for t in ticket_types)) or (
            event.pricing == Event.Pricing.PAY_WHAT_YOU_CAN)
        if may_cost and methods:
            labels = dict(Registration.PaymentMethod.choices)
            self.fields["payment_method"].choices = [(method, capfirst(labels[method])) for method in methods]
            if len(methods) == 1:
                self.fields["payment_method"].initial = methods[0]
        else:
            del self.fields["payment_method"]
        if "payment_method" not in self.fields or Registration.PaymentMethod.INVOICE not in methods:
            for name in ("invoice_organisation", "invoice_org_number", "invoice_reference", "invoice_address"):
                del self.fields[name]
        if not event.participant_list_public:
            del self.fields["on_participant_list"]

    @property
    def invoice_fields(self) -> list:
        return [self[name] for name in ("invoice_organisation", "invoice_org_number", "invoice_reference",
                                        "invoice_address") if name in self.fields]

    def clean(self):
        cleaned = super().clean()
        if "amount_choice" in self.fields and cleaned.get("amount_choice") == OTHER_AMOUNT:
            if cleaned.get("own_amount") is None and "own_amount" not in self.errors:
                self.add_error("own_amount", _("Give the amount you pay."))
        return cleaned

    def amount(self) -> Decimal | None:
        choice = self.cleaned_data.get("amount_choice")
        if choice is None:
            return None
        return self.cleaned_data.get("own_amount") if choice == OTHER_AMOUNT else Decimal(choice)

    def service_fields(self) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "name": data["name"], "email": data["email"], "organisation_name": data.get("organisation_name", ""),
            "ticket_type": data.get("ticket_type"), "amount": self.amount(),
            "payment_method": data.get("payment_method", ""),
            "invoice_organisation": data.get("invoice_organisation", ""),
            "invoice_org_number": data.get("invoice_org_number", ""),
            "invoice_reference": data.get("invoice_reference", ""),
            "invoice_address": data.get("invoice_address", ""),
            "answers": self.answers(), "on_participant_list": data.get("on_participant_list", False),
        }


class AnswersForm(QuestionsMixin, forms.Form):
    """The registrant changes what they told the organisers."""

    name = forms.CharField(label=_("Name"), max_length=150)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    on_participant_list = forms.BooleanField(
        label=_("Show my name and organisation on the public participant list"), required=False)

    def __init__(self, *args, registration: Registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration = registration
        self.fields["name"].initial = registration.name
        self.fields["organisation_name"].initial = registration.organisation_name
        self.fields["on_participant_list"].initial = registration.on_participant_list
        if not registration.event.participant_list_public:
            del self.fields["on_participant_list"]
        self.add_question_fields(registration.event, registration.answers)

    def service_fields(self) -> dict[str, object]:
        return {"answers": self.answers(), "name": self.cleaned_data["name"],
                "organisation_name": self.cleaned_data.get("organisation_name", ""),
                "on_participant_list": self.cleaned_data.get("on_participant_list",
                                                             self.registration.on_participant_list)}


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was the event?"), coerce=int, widget=forms.RadioSelect,
        choices=[(5, _("5 – very good")), (4, _("4 – good")), (3, _("3 – all right")), (2, _("2 – poor")),
                 (1, _("1 – very poor"))])
    comment = forms.CharField(label=_("Comment"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("What was good, and what could be better? The organisers read it."))
