"""Forms of the ad pages: an ad, the list's filters, saving and renaming a saved search."""

from django import forms
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage, Organisation, OrganisationKind
from samskap.core.forms import LongSelect
from samskap.core.models import Place
from samskap.core.selectors import place_choices, themes_active, themes_for_filters

from .models import Ad, AdKind, SavedSearch
from .services import MAX_PLACES, organisation_choices_for, valid_until_range

HONEYPOT = "website"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LongSelectMultiple(LongSelect):
    """LongSelect's fast markup for a multiple choice."""

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        try:
            getter = data.getlist
        except AttributeError:
            getter = data.get
        return getter(name)

    def value_omitted_from_data(self, data, files, name):
        return False

    def format_value(self, value):
        if value is None:
            return []
        if not isinstance(value, (tuple, list)):
            value = [value]
        return [str(v) if v is not None else "" for v in value]

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        return mark_safe(html.replace("<select ", '<select multiple size="8" ', 1))


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return theme.label


class AdForm(forms.ModelForm):
    """An ad. The organisation is one the member is an active member of, or none (for themselves)."""

    organisation = forms.ModelChoiceField(label=_("Posted for"), queryset=Organisation.objects.none(),
                                          required=False, widget=LongSelect,
                                          help_text=_("Yourself, or an organisation you are a member of."))
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=themes_active(), required=False)
    places = forms.ModelMultipleChoiceField(
        label=pgettext_lazy("where", "Places"), queryset=Place.objects.all(), required=False, widget=LongSelectMultiple,
        help_text=_("Where the ad is about. Hold Ctrl (or ⌘) to choose several, at most %(max)s.") % {
            "max": MAX_PLACES})
    # The honeypot: hidden from people (and from screen readers); robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    class Meta:
        model = Ad
        fields = ["kind", "title", "organisation", "description", "language", "themes", "places", "is_anywhere",
                  "valid_until"]
        labels = {
            "kind": _("Kind of ad"), "title": _("Title"), "description": _("Description"),
            "language": _("Language of the text"), "is_anywhere": _("Anywhere or online"),
            "valid_until": _("Valid until"),
        }
        help_texts = {
            "title": _("Short and concrete, for example: “We seek a bookkeeper for our cooperative”."),
            "description": _("What you offer or seek, and for whom. Plain text; at most 5000 characters."),
            "is_anywhere": _("Tick if place does not matter, for example work done online."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "kind": LongSelect,
            "language": LongSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ad = self.instance
        organisations = {organisation.pk: organisation for organisation in organisation_choices_for(user)}
        if ad.pk and ad.organisation_id:
            organisations.setdefault(ad.organisation_id, ad.organisation)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=list(organisations))
        self.fields["organisation"].choices = [("", _("Myself"))] + [
            (o.pk, o.name) for o in sorted(organisations.values(), key=lambda o: o.name.lower())]
        self.fields["kind"].choices = [("", _("Choose a kind"))] + [(v, capfirst(label)) for v, label in AdKind.choices]
        themes = list(themes_active())
        self.fields["themes"].choices = [(theme.pk, theme.label) for theme in themes]
        self.fields["places"].choices = place_choices(value="pk")
        first, last = valid_until_range()
        self.fields["valid_until"].widget = DateInput(attrs={"min": first.isoformat(), "max": last.isoformat()})
        self.fields["valid_until"].help_text = _("Today at the earliest, a year from now at the latest. You can "
                                                 "renew the ad when it runs out.")
        if ad.pk and ad.valid_until:
            self.fields["valid_until"].widget.attrs["min"] = min(first, ad.valid_until).isoformat()
        language = (get_language() or "")[:2]
        if not ad.pk and language in ContentLanguage.values:  # the member writes in the language they read
            self.initial.setdefault("language", language)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def has_organisations(self) -> bool:
        return len(self.fields["organisation"].choices) > 1

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_anywhere") and not cleaned.get("places") and "places" not in self.errors:
            self.add_error("places", _("Choose at least one place, or tick “anywhere or online”."))
        return cleaned

    def service_fields(self) -> dict:
        skip = {"organisation", "themes", "places", HONEYPOT}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


SORT_CHOICES = [("newest", _("Newest first")), ("closing", _("Closing soon")), ("match", _("Best match for me"))]


class AdFilterForm(forms.Form):
    """The list's filters, read from the query string. Unknown values become field errors, not a 500."""

    kind = forms.ChoiceField(label=_("Kind of ad"), required=False, widget=LongSelect)
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Place"), required=False, widget=LongSelect,
                              help_text=_("Including the places within it, and ads for anywhere or online."))
    org_kind = forms.ChoiceField(label=_("Kind of organisation"), required=False, widget=LongSelect,
                                 help_text=_("Of the organisation the ad is posted for."))
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=LongSelect)

    def __init__(self, *args, members: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind"))] + [(v, capfirst(label)) for v, label in AdKind.choices]
        self.fields["theme"].choices = [("", _("All"))] + [(theme.slug, theme.label) for theme in themes_for_filters()]
        self.fields["place"].choices = [("", _("Anywhere"))] + place_choices(value="slug")
        self.fields["org_kind"].choices = [("", _("Any kind"))] + [(v, capfirst(label))
                                                                   for v, label in OrganisationKind.choices]
        self.fields["sort"].choices = SORT_CHOICES if members else SORT_CHOICES[:2]

    def valid_filters(self) -> dict:
        """The filters whose values are known (without the sort); the others are left out (the page tells)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value and name != "sort"}

    def chosen_sort(self) -> str:
        return (self.cleaned_data.get("sort") if hasattr(self, "cleaned_data") else "") or "newest"


class SavedSearchCreateForm(forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=SavedSearch._meta.get_field("name").max_length)


class SavedSearchRenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=SavedSearch._meta.get_field("name").max_length)

