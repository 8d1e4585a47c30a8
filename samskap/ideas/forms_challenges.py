"""Forms of the challenge pages: a challenge, the list's filters, and the problem tree's parts."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage
from samskap.core.forms import LongSelect
from samskap.core.models import Place
from samskap.core.selectors import place_choices, themes_active, themes_for_filters

from .models import Challenge, ProblemTreeNode
from .selectors_challenges import organisations_owning, owner_organisations
from .services_challenges import MAX_PLACES, may_own_for_hub, open_until_check

HUB = "hub"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LongSelectMultiple(LongSelect):
    """LongSelect's fast markup for a multiple choice."""

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", data.get)
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


class ChallengeForm(forms.ModelForm):
    """A challenge. The owner is the hub (hub admins and facilitators) or an organisation the member is an active
    member of; the service checks it again."""

    owner = forms.ChoiceField(label=_("Owned by"), widget=LongSelect,
                              help_text=_("The hub, or an organisation you are an active member of."))
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=themes_active(), required=False)
    places = forms.ModelMultipleChoiceField(
        label=pgettext_lazy("where", "Places"), queryset=Place.objects.all(), required=False,
        widget=LongSelectMultiple,
        help_text=_("Where the challenge is. Hold Ctrl (or ⌘) to choose several, at most %(max)s.") % {
            "max": MAX_PLACES})

    class Meta:
        model = Challenge
        fields = ["title", "owner", "description", "why_it_matters", "core_problem", "target_groups", "themes",
                  "places", "open_until", "status", "language"]
        labels = {
            "title": _("Title"), "description": _("Description"), "why_it_matters": _("Why it matters"),
            "core_problem": _("Core problem"), "target_groups": _("Target groups"), "open_until": _("Open until"),
            "status": _("Status"), "language": _("Language of the text"),
        }
        help_texts = {
            "title": _("Short and concrete, for example: “Young people outside work and school in Rosengård”."),
            "description": _("What the challenge is about. Plain text; at most 10000 characters."),
            "why_it_matters": _("Who is affected and what it costs. Plain text; at most 5000 characters."),
            "core_problem": _("The problem at the trunk of the problem tree, in one sentence. You add its causes "
                              "and effects after saving."),
            "target_groups": _("Who is affected, e.g. young people outside work and school."),
            "open_until": _("The last day ideas are sought. Leave empty if there is no last day."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "why_it_matters": forms.Textarea(attrs={"rows": 4}),
            "core_problem": forms.Textarea(attrs={"rows": 2}),
            "status": LongSelect,
            "language": LongSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        challenge = self.instance
        organisations = {organisation.pk: organisation for organisation in owner_organisations(user)}
        if challenge.pk and challenge.organisation_id:
            organisations.setdefault(challenge.organisation_id, challenge.organisation)
        choices = []
        if may_own_for_hub(user) or (challenge.pk and not challenge.organisation_id):
            choices.append((HUB, _("The hub")))
        choices += [(str(o.pk), o.name) for o in sorted(organisations.values(), key=lambda o: o.name.lower())]
        self.fields["owner"].choices = choices
        self._organisations = organisations
        if challenge.pk:
            self.initial["owner"] = str(challenge.organisation_id) if challenge.organisation_id else HUB
        self.fields["themes"].choices = [(theme.pk, theme.label) for theme in themes_for_filters()]
        self.fields["places"].choices = place_choices(value="pk")
        today = timezone.localdate()
        self.fields["open_until"].widget = DateInput(attrs={"min": today.isoformat()})
        if challenge.pk and challenge.open_until and challenge.open_until < today:
            self.fields["open_until"].widget.attrs["min"] = challenge.open_until.isoformat()
        self.fields["status"].choices = [(value, capfirst(label)) for value, label in Challenge.Status.choices]
        self.fields["language"].choices = [(value, label) for value, label in ContentLanguage.choices]
        if challenge.pk:  # the core problem is edited with the tree
            del self.fields["core_problem"]
        language = (get_language() or "")[:2]
        if not challenge.pk and language in ContentLanguage.values:  # the member writes in the language they read
            self.initial.setdefault("language", language)

    @property
    def has_owners(self) -> bool:
        return bool(self.fields["owner"].choices)

    def clean_open_until(self):
        value = self.cleaned_data["open_until"]
        if not self.instance.pk or value != self.instance.open_until:  # a past day already kept may stay
            try:
                open_until_check(value, timezone.localdate())
            except ValidationError as error:
                raise ValidationError(error.message_dict["open_until"]) from None
        return value

    def clean_owner(self):
        value = self.cleaned_data["owner"]
        if value == HUB:
            return None
        return self._organisations.get(int(value)) if value.isdigit() else None

    def service_fields(self) -> dict:
        skip = {"owner", "themes", "places"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


SORT_CHOICES = [("newest", _("Newest first")), ("open_until", _("Open until, soonest first"))]


class ChallengeFilterForm(forms.Form):
    """The list's filters, read from the query string. Unknown values become field errors, not a 500."""

    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=LongSelect)
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Place"), required=False, widget=LongSelect,
                              help_text=_("Including the places within it."))
    owner = forms.ChoiceField(label=_("Owned by"), required=False, widget=LongSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=LongSelect, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status"))] + [
            (value, capfirst(label)) for value, label in Challenge.Status.choices]
        self.fields["theme"].choices = [("", _("All"))] + [(theme.slug, theme.label) for theme in themes_for_filters()]
        self.fields["place"].choices = [("", _("Anywhere"))] + place_choices(value="slug")
        self.fields["owner"].choices = [("", _("Anyone")), (HUB, _("The hub"))] + [
            (organisation.slug, organisation.name) for organisation in organisations_owning()]

    def valid_filters(self) -> dict:
        """The filters whose values are known (without the sort, with `owner` as `organisation`); the others are
        left out (the page tells)."""
        self.is_valid()
        filters = {name: value for name, value in self.cleaned_data.items() if value and name != "sort"}
        if "owner" in filters:
            filters["organisation"] = filters.pop("owner")
        return filters

    def chosen_sort(self) -> str:
        return (self.cleaned_data.get("sort") if hasattr(self, "cleaned_data") else "") or "newest"


class CoreProblemForm(forms.ModelForm):
    class Meta:
        model = Challenge
        fields = ["core_problem"]
        labels = {"core_problem": _("Core problem")}
        help_texts = {"core_problem": _("The problem at the trunk of the tree, in one sentence.")}
        widgets = {"core_problem": forms.Textarea(attrs={"rows": 2})}


class TreeNodeForm(forms.Form):
    """A cause or an effect: its text. Give each form on the tree page its own prefix (ids stay unique)."""

    text = forms.CharField(label=_("Text"), max_length=ProblemTreeNode._meta.get_field("text").max_length)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label
