"""Forms of the funding pages: a call with its deadline rows, and the list's filters."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samskap.actors.models import Organisation, OrganisationKind
from samskap.core.forms import LongSelect
from samskap.core.models import Place
from samskap.core.selectors import themes_active

from . import selectors_funding
from .models import FundingCall
from .permissions import is_curator
from .services_funding import END_OF_DAY, funder_choices_for

# Kinds of organisation that fund: a curator adds calls for them without being a member.
FUNDER_KINDS = [OrganisationKind.FUNDER, OrganisationKind.FOUNDATION, OrganisationKind.MUNICIPALITY,
                OrganisationKind.REGION]
EMPTY_DEADLINE_ROWS = 3
NO_DEADLINE = _("Give at least one deadline, or mark the call as rolling (apply any time).")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return theme.label


class FundingCallForm(forms.ModelForm):
    """The call. Deadlines come in their own rows (DeadlineFormSet), on the clock of the call's time zone."""

    funder = forms.ModelChoiceField(label=_("Funder"), queryset=Organisation.objects.none(), widget=LongSelect,
                                    help_text=_("The organisation that gives the money. You can choose the "
                                                "organisations you are a member of."))
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=themes_active(), required=False)
    eligible_kinds = forms.TypedMultipleChoiceField(
        label=_("Kinds of organisation that may apply"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(value, capfirst(label)) for value, label in OrganisationKind.choices],
        help_text=_("None ticked: any kind."))
    eligible_places = forms.ModelMultipleChoiceField(
        label=_("Countries and regions"), queryset=Place.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("None ticked: anywhere."))
    time_zone = forms.ChoiceField(label=_("Time zone of the deadlines"), widget=LongSelect,
                                  help_text=_("Deadlines are on the clock of this zone, usually the funder's."))
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https", max_length=1000,
                         help_text=_("Where to read more and apply."))

    class Meta:
        model = FundingCall
        fields = ["title", "funder", "programme", "summary", "language", "themes", "amount_min", "amount_max",
                  "currency", "is_rolling", "time_zone", "eligible_kinds", "eligible_places", "eligibility",
                  "co_financing", "url", "contact_name", "contact_email", "is_published"]
        labels = {
            "title": _("Title"), "programme": _("Programme"), "summary": _("Summary"),
            "language": _("Language of the text"), "amount_min": _("Smallest grant"),
            "amount_max": _("Largest grant"), "currency": _("Currency"),
            "is_rolling": _("Rolling: apply any time"), "eligibility": _("Who may apply"),
            "co_financing": _("Co-financing"), "contact_name": _("Contact person"),
            "contact_email": _("Contact e-mail"), "is_published": _("Published: everyone sees it"),
        }
        help_texts = {
            "programme": _("For example: the regional growth programme, or the EU structural fund it belongs to."),
            "amount_min": _("Whole amounts; leave empty if not stated."),
            "is_published": _("Untick to hide the call; its funder's members and the curators still see it."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "eligibility": forms.Textarea(attrs={"rows": 4}),
            "amount_min": forms.NumberInput(attrs={"min": 0, "step": 1}),
            "amount_max": forms.NumberInput(attrs={"min": 0, "step": 1}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        call = self.instance
        funders = {organisation.pk: organisation for organisation in funder_choices_for(user)}
        if is_curator(user):
            for organisation in Organisation.objects.listed().filter(kind__in=FUNDER_KINDS).only("name", "slug"):
                funders.setdefault(organisation.pk, organisation)
        if call.pk and call.funder_id:
            funders.setdefault(call.funder_id, call.funder)
        ordered = sorted(funders.values(), key=lambda organisation: organisation.name.lower())
        self.fields["funder"].queryset = Organisation.objects.filter(pk__in=list(funders))
        self.fields["funder"].choices = [("", _("Choose the funder"))] + [(o.pk, o.name) for o in ordered]
        if not is_curator(user):
            self.fields["funder"].help_text = _("The organisation that gives the money: one you are a member of.")
        self.fields["themes"].choices = [(theme.pk, theme.label) for theme in themes_active()]
        self.fields["time_zone"].choices = FundingCall._meta.get_field("time_zone").choices
        current = list(call.eligible_places.all()) if call.pk else []
        self.fields["eligible_places"].choices = _place_choices(current)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("amount_min"), cleaned.get("amount_max")
        if low is not None and high is not None and low > high:
            # Said here, on the field, before the model's constraint would say it in its own words.
            self.add_error("amount_max", _("The largest grant cannot be smaller than the smallest grant."))
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned values the services take, besides the funder, themes, places and deadlines."""
        skip = {"funder", "themes", "eligible_places"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}

    @property
    def has_funders(self) -> bool:
        return len(self.fields["funder"].choices) > 1

    def place_groups(self) -> list[tuple[str, list]]:
        """The place checkboxes per country, for a fieldset each."""
        by_value = {str(sub.data["value"]): sub for sub in self["eligible_places"].subwidgets}
        return [(label, [by_value[str(pk)] for pk, _label in options if str(pk) in by_value])
                for label, options in self.fields["eligible_places"].choices]


def _place_choices(current: list[Place]) -> list:
    """Countries and regions per country, and any other place the call already has."""
    groups = selectors_funding.filter_place_choices(value="pk")
    offered = {pk for _group, options in groups for pk, _label in options}
    extra = [(place.pk, place.name) for place in current if place.pk not in offered]
    if extra:
        groups.append((str(_("Other places")), extra))
    return groups


class DeadlineForm(forms.Form):
    """One deadline row: what is due, the day, and the time (empty: the end of the day)."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    label = forms.CharField(label=_("What is due"), required=False, max_length=200,
                            help_text=_("For example: outline application. May be empty."))
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    time = forms.TimeField(label=_("Time"), required=False, widget=TimeInput(),
                           help_text=_("Empty: the end of the day (23:59)."))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        if not cleaned.get("date") and (cleaned.get("label") or cleaned.get("time")) and "date" not in self.errors:
            self.add_error("date", _("Give the date of this deadline, or empty the row."))
        return cleaned

    def row(self) -> dict | None:
        """{"id", "label", "due" (naive, on the call's clock)} or None for an empty or removed row."""
        data = self.cleaned_data
        if data.get("DELETE") or not data.get("date"):
            return None
        return {"id": data.get("id"), "label": data.get("label") or "",
                "due": datetime.datetime.combine(data["date"], data.get("time") or END_OF_DAY)}


DeadlineFormSet = formset_factory(DeadlineForm, extra=EMPTY_DEADLINE_ROWS, can_delete=True, max_num=20,
                                  validate_max=True)


def deadline_initial(call: FundingCall | None) -> list[dict]:
    """The saved deadlines of `call` as rows, on its own clock."""
    if call is None or call.pk is None:
        return []
    zone = ZoneInfo(call.time_zone)
    rows = []
    for deadline in call.deadlines.all().order_by("due", "pk"):
        local = timezone.localtime(deadline.due, zone)
        rows.append({"id": deadline.pk, "label": deadline.label, "date": local.date(),
                     "time": local.time().replace(second=0, microsecond=0)})
    return rows


def deadline_rows(formset) -> list[dict]:
    return [row for form in formset.forms if (row := form.row()) is not None]


def call_and_deadlines_valid(form, formset) -> bool:
    """Validate both, and say at once (not only after the other errors are fixed) that a call which is not
    rolling needs a deadline; the service checks it too."""
    valid = all([form.is_valid(), formset.is_valid()])
    if formset.is_valid() and not deadline_rows(formset) and not form.cleaned_data.get("is_rolling"):
        formset._non_form_errors = formset.error_class(
            [NO_DEADLINE], error_class="nonform", renderer=formset.renderer)
        return False
    return valid


class FundingFilterForm(forms.Form):
    """The list's filters, read from the query string. Unknown values become field errors, not a 500."""

    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    kind = forms.ChoiceField(label=_("Open to this kind of organisation"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Country or region"), required=False, widget=LongSelect,
                              help_text=_("Calls open there, including calls open anywhere."))
    currency = forms.ChoiceField(label=_("Currency"), required=False, widget=LongSelect)
    amount = forms.IntegerField(label=_("Largest grant at least"), required=False, min_value=0,
                                max_value=10**13, help_text=_("In the call's currency."))
    closed = forms.BooleanField(label=_("Include closed calls"), required=False)

    def __init__(self, *args, themes: list, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        self.fields["theme"].choices = [everything] + [(theme.slug, theme.label) for theme in themes]
        self.fields["kind"].choices = [("", _("Any kind"))] + [(value, capfirst(label))
                                                               for value, label in OrganisationKind.choices]
        self.fields["place"].choices = [("", _("Anywhere"))] + selectors_funding.filter_place_choices(value="slug")
        self.fields["currency"].choices = [everything] + list(FundingCall.Currency.choices)

    def valid_filters(self) -> dict:
        """The filters whose values are known; the others are left out (the page tells which)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", False)}
