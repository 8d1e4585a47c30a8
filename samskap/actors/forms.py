import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as NumberError

from samskap.core.forms import LongSelect
from samskap.core.images import validate_image_upload
from samskap.core.models import Country, Place, Theme
from samskap.core.selectors import place_choices, themes_active

from .legal_forms import LEGAL_FORM_COUNTRY, LEGAL_FORMS, org_number_normalised
from .models import Membership, Organisation, OrganisationKind, Sector

MAX_SOCIAL_LINKS = 5
FIRST_FOUNDED_YEAR = 1800

INVALID_NUMBER = {
    "SE": _("This is not a valid Swedish organisation number."),
    "NO": _("This is not a valid Norwegian organisation number."),
    "DK": _("This is not a valid Danish CVR number."),
    "FI": _("This is not a valid Finnish business ID (Y-tunnus)."),
    "IS": _("This is not a valid Icelandic kennitala."),
}


def legal_form_choices(*, first_country: str | None = None) -> list:
    """The legal forms grouped by country (one optgroup each), the given country's group first."""
    names = dict(Country.choices)
    countries = sorted(LEGAL_FORMS, key=lambda code: code != first_country)
    return [("", _("Choose a legal form"))] + [(names[code], LEGAL_FORMS[code]) for code in countries]


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return theme.label


class OrganisationForm(forms.ModelForm):
    """The organisation's profile. Country-specific checks: legal form and organisation number."""

    legal_form = forms.ChoiceField(label=_("Legal form"), required=False)
    head_office = forms.ModelChoiceField(label=_("Head office"), queryset=Place.objects.all(), required=False)
    areas_served = forms.ModelMultipleChoiceField(
        label=_("Areas served"), queryset=Place.objects.all(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Regions or municipalities where you work. Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=Theme.objects.none(), required=False)
    offer_themes = ThemeMultipleChoiceField(label=_("Themes of what we offer"), queryset=Theme.objects.none(),
                                            required=False)
    seek_themes = ThemeMultipleChoiceField(label=_("Themes of what we seek"), queryset=Theme.objects.none(),
                                           required=False)
    # A plain file field: the type check is ours (validate_image_upload), with our message.
    logo = forms.FileField(
        label=_("Logo"), required=False, help_text=_("JPEG, PNG or WebP, at most 2 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    founded_year = forms.IntegerField(label=_("Founded (year)"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https", max_length=200,
                             help_text=_("For example https://example.org"))
    registration_evidence_url = forms.URLField(
        label=_("Evidence of the registration"), required=False, assume_scheme="https", max_length=200,
        help_text=_("A link to the public register entry. Required with the mark."))
    social_links = forms.CharField(
        label=_("Social media"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Up to 5 addresses, one per line, e.g. https://www.facebook.com/yourpage."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name", "kind", "sector", "country", "legal_form", "org_number",
            "head_office", "areas_served", "themes",
            "description", "description_language", "offers", "offer_themes", "seeks", "seek_themes",
            "website", "email", "email_visibility", "phone", "phone_visibility",
            "founded_year", "social_links", "is_registered_social_enterprise", "registration_evidence_url",
        ]
        labels = {
            "name": _("Name"), "kind": _("Kind of organisation"), "sector": _("Sector"), "country": _("Country"),
            "org_number": _("Organisation number"), "description": _("Description"),
            "description_language": _("Language of the description"), "offers": _("What we offer"),
            "seeks": _("What we seek"), "email": _("E-mail"), "phone": _("Phone"),
            "email_visibility": _("Who sees the e-mail address"), "phone_visibility": _("Who sees the phone number"),
            "is_registered_social_enterprise": _("Registered social enterprise"),
        }
        help_texts = {
            "org_number": _("Organisationsnummer, organisasjonsnummer, CVR, Y-tunnus or kennitala."),
            "offers": _("Short: what others can get from you. At most 1000 characters."),
            "seeks": _("Short: what you are looking for. At most 1000 characters."),
            "is_registered_social_enterprise": _(
                "For example a Danish RSV or a Swedish company with limited profit distribution (SVB)."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The place lists are cached and grouped by country; validation still goes through the queryset.
        self.fields["head_office"].choices = [("", _("Choose a place"))] + place_choices(value="pk")
        self.fields["areas_served"].choices = place_choices(value="pk")
        themes = list(themes_active())
        for name in ("themes", "offer_themes", "seek_themes"):
            self.fields[name].queryset = themes_active()
            self.fields[name].choices = [(theme.pk, theme.label) for theme in themes]
        country = self.data.get(self.add_prefix("country")) or self.initial.get("country") or "SE"
        self.fields["legal_form"].choices = legal_form_choices(first_country=country)
        self.fields["kind"].choices = [("", _("Choose a kind"))] + list(OrganisationKind.choices)
        self.fields["sector"].choices = [("", _("Choose a sector"))] + list(Sector.choices)
        self.fields["country"].choices = [("", _("Choose a country"))] + list(Country.choices)
        self.fields["founded_year"].help_text = _("Between %(first)s and %(last)s.") % {
            "first": FIRST_FOUNDED_YEAR, "last": datetime.date.today().year}
        if not self.is_bound:
            self.initial["social_links"] = "\n".join(self.instance.social_links or [])
        if not self.instance.logo:
            del self.fields["remove_logo"]
        self.duplicate_of: Organisation | None = None

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        last = datetime.date.today().year
        if year is not None and not FIRST_FOUNDED_YEAR <= year <= last:
            raise ValidationError(_("Enter a year between %(first)s and %(last)s.") % {"first": FIRST_FOUNDED_YEAR,
                                                                                       "last": last})
        return year

    def clean_social_links(self):
        lines = [line.strip() for line in (self.cleaned_data.get("social_links") or "").splitlines() if line.strip()]
        if len(lines) > MAX_SOCIAL_LINKS:
            raise ValidationError(_("Give at most %(max)s addresses.") % {"max": MAX_SOCIAL_LINKS})
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(_("“%(line)s” is not a web address. Write one address per line, starting "
                                        "with https://.") % {"line": line[:80]})
        return lines

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            validate_image_upload(logo, max_bytes=settings.AVATAR_MAX_BYTES)
        return logo

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        legal_form = cleaned.get("legal_form")
        if legal_form and country and LEGAL_FORM_COUNTRY.get(legal_form) != country:
            self.add_error("legal_form", _("Choose a legal form of %(country)s.") % {
                "country": Country(country).label})
        number = (cleaned.get("org_number") or "").strip()
        if number and country:
            try:
                number = org_number_normalised(country, number)
            except NumberError:
                self.add_error("org_number", INVALID_NUMBER[country])
            else:
                cleaned["org_number"] = number
                duplicate = (Organisation.objects.filter(country=country, org_number=number)
                             .exclude(pk=self.instance.pk).only("name", "slug").order_by().first())
                if duplicate is not None:
                    self.duplicate_of = duplicate
                    self.add_error("org_number", _("Another organisation in the directory already has this number: "
                                                   "%(name)s") % {"name": duplicate.name})
        if cleaned.get("is_registered_social_enterprise") and not cleaned.get("registration_evidence_url"):
            if "registration_evidence_url" not in self.errors:
                self.add_error("registration_evidence_url",
                               _("Give a link to the register entry, so others can check the mark."))
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned values the services take (the logo separately)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OrganisationFilterForm(forms.Form):
    """The directory's filters, read from the query string. Unknown values become field errors, not a 500."""

    SORTS = [("name", _("Name")), ("newest", _("Newest")), ("updated", _("Recently updated"))]

    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=LongSelect)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=LongSelect)
    legal_form = forms.ChoiceField(label=_("Legal form"), required=False, widget=LongSelect)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Region or municipality"), required=False, widget=LongSelect,
                              help_text=_("Based there or working there, including the places within it."))
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    offers = forms.BooleanField(label=_("Offers something"), required=False)
    seeks = forms.BooleanField(label=_("Seeks something"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS, widget=LongSelect)

    def __init__(self, *args, themes: list, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        names = dict(Country.choices)
        self.fields["kind"].choices = [everything] + list(OrganisationKind.choices)
        self.fields["sector"].choices = [everything] + list(Sector.choices)
        self.fields["legal_form"].choices = [everything] + [(names[c], forms_) for c, forms_ in LEGAL_FORMS.items()]
        self.fields["country"].choices = [everything] + list(Country.choices)
        self.fields["place"].choices = [everything] + place_choices(value="slug")
        self.fields["theme"].choices = [everything] + [(theme.slug, theme.label) for theme in themes]

    def valid_filters(self) -> dict:
        """The filters whose values are known; the others are left out (the page tells which)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None, False)}


class MembershipInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), help_text=_("They can accept with any account."))
    role = forms.ChoiceField(label=_("Role"), choices=[(value, capfirst(label)) for value, label in Membership.Role.choices],
                             initial=Membership.Role.MEMBER)


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class OrganisationMergeForm(forms.Form):
    """Choose the organisation to keep. The select offers at most 50 matches of a name search, so the page
    stays small in a directory of 100,000 organisations; any listed organisation validates."""

    MAX_CHOICES = 50

    target = forms.ModelChoiceField(
        label=_("Merge into"), queryset=Organisation.objects.none(),
        help_text=_("The organisation that stays. Members, places, themes and local groups move to it."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this organisation's page will lead to the one it is merged into, for good."))

    def __init__(self, *args, source: Organisation, query: str, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = Organisation.objects.listed().exclude(pk=source.pk)
        self.fields["target"].queryset = candidates
        matches = candidates.filter(name__icontains=query).only("name", "country").order_by("name")[:self.MAX_CHOICES]
        self.fields["target"].choices = [("", _("Choose an organisation"))] + [
            (organisation.pk, f"{organisation.name} ({organisation.country})") for organisation in matches]
