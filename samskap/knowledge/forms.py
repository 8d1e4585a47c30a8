"""Forms of the knowledge pages: a resource (with its method card), the list's filters, a collection."""

from django import forms
from django.forms.widgets import SelectMultiple
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage
from samskap.core.forms import LongSelect
from samskap.core.models import Place, Theme
from samskap.core.selectors import place_choices, themes_active

from . import selectors
from .models import Audience, Collection, Resource, ResourceKind
from .permissions import is_curator
from .services import knowledge_file_max_bytes
from .templatetags.knowledge import autonym

FILE_ACCEPT = (".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.jpg,.jpeg,.png,.webp,application/pdf,text/plain,"
               "image/jpeg,image/png,image/webp")


class LongSelectMultiple(LongSelect):
    """LongSelect for several values: one select with `multiple`, written straight to HTML."""

    allow_multiple_selected = True
    value_from_datadict = SelectMultiple.value_from_datadict
    value_omitted_from_data = SelectMultiple.value_omitted_from_data

    def render(self, name, value, attrs=None, renderer=None):
        return super().render(name, value, {**(attrs or {}), "multiple": True}, renderer)


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return theme.label


class MethodMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, resource):
        return f"{resource.title} ({autonym(resource.language)})"


class ResourceForm(forms.ModelForm):
    """A resource. Members write as themselves or for one of their organisations; curators may name anyone."""

    author = forms.ChoiceField(label=_("Author"), widget=forms.RadioSelect,
                               help_text=_("Who the resource is by. It is shown with the resource."))
    author_name = forms.CharField(label=_("Author's name"), required=False, max_length=200,
                                  help_text=_("With “Someone not in the directory”: a person or organisation."))
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=Theme.objects.none(), required=False)
    places = forms.ModelMultipleChoiceField(
        label=pgettext_lazy("where", "Places"), queryset=Place.objects.all(), required=False, widget=LongSelectMultiple(attrs={"size": 8}),
        help_text=_("Where the resource comes from or is about, if anywhere in particular. Hold Ctrl (Cmd on a "
                    "Mac) to choose several."))
    file = forms.FileField(label=_("File"), required=False, widget=forms.FileInput(attrs={"accept": FILE_ACCEPT}))
    remove_file = forms.BooleanField(label=_("Remove the current file"), required=False)
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https", max_length=1000,
                         help_text=_("For example https://example.org/guide. A text, a file or a web address is "
                                     "required."))
    related_methods = MethodMultipleChoiceField(label=_("Related methods"), queryset=Resource.objects.none(),
                                                required=False)

    class Meta:
        model = Resource
        fields = ["kind", "title", "summary", "language", "body", "url", "themes", "places", "audiences",
                  "published_on", "purpose", "when_to_use", "group_size_min", "group_size_max", "duration_minutes",
                  "materials", "steps", "facilitator_tips", "related_methods"]
        labels = {
            "kind": _("Kind of resource"), "title": _("Title"), "summary": _("Summary"),
            "language": _("Language"), "body": _("Text"), "audiences": _("For whom"),
            "published_on": _("Date"), "purpose": _("Purpose"), "when_to_use": _("When to use it"),
            "group_size_min": _("Smallest group (people)"), "group_size_max": _("Largest group (people)"),
            "duration_minutes": _("Duration (minutes)"), "materials": _("Materials"), "steps": _("Steps"),
            "facilitator_tips": _("Tips for the facilitator"),
        }
        help_texts = {
            "summary": _("One or two sentences for lists and search results."),
            "language": _("The language the title, summary and text are written in."),
            "body": _("Markdown: **bold**, *italic*, lists, links, headings and tables."),
            "published_on": _("When the resource was written or published."),
            "materials": _("One per line."),
            "steps": _("One step per line, in order."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "when_to_use": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 4}),
            "steps": forms.Textarea(attrs={"rows": 8}),
            "facilitator_tips": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        resource = self.instance
        self.user = user
        self.curator = bool(is_curator(user))
        self.fields["kind"].choices = [(value, capfirst(label)) for value, label in ResourceKind.choices]
        self.fields["audiences"].choices = [(value, capfirst(label)) for value, label in Audience.choices]
        self.fields["language"].choices = list(ContentLanguage.choices)
        themes = list(themes_active())
        self.fields["themes"].queryset = themes_active()
        self.fields["themes"].choices = [(theme.pk, theme.label) for theme in themes]
        self.fields["places"].choices = place_choices(value="pk")
        # Only method cards the writer may see (and those already named): hidden ones' titles stay hidden.
        related_now = list(resource.related_methods.values_list("pk", flat=True)) if resource.pk else []
        methods = selectors.method_choices(viewer=user, exclude_pk=resource.pk, keep_ids=related_now)
        self.fields["related_methods"].queryset = selectors.related_method_options(
            viewer=user, exclude_pk=resource.pk, keep_ids=related_now)
        self.fields["related_methods"].choices = [(m.pk, f"{m.title} ({autonym(m.language)})") for m in methods]
        self.fields["related_methods"].help_text = _("Other method cards to try with or instead of this one.")
        self._author_choices()
        if not resource.file:
            del self.fields["remove_file"]
        self.fields["file"].help_text = _(
            "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument, text or an image (JPEG, PNG, "
            "WebP), at most %(size)s MB.") % {"size": knowledge_file_max_bytes() // (1024 * 1024)}
        if resource.pk and not self.is_bound:
            self.initial["related_methods"] = related_now

    def _author_choices(self) -> None:
        resource, user = self.instance, self.user
        self.organisations = {o.pk: o for o in selectors.organisations_for_author(user)}
        choices = [("me", _("Me (%(name)s)") % {"name": user.display_name})]
        if resource.author_person_id and resource.author_person_id != user.pk:
            choices.append((f"person-{resource.author_person_id}", resource.author_person.display_name))
        current_organisation = resource.author_organisation if resource.author_organisation_id else None
        if current_organisation is not None:
            self.organisations.setdefault(current_organisation.pk, current_organisation)
        choices += [(f"organisation-{pk}", organisation.name) for pk, organisation in
                    sorted(self.organisations.items(), key=lambda item: item[1].name.lower())]
        if self.curator or resource.author_name:
            choices.append(("name", _("Someone not in the directory")))
        if not self.curator:
            del self.fields["author_name"]
        self.fields["author"].choices = choices
        if not self.is_bound:
            if resource.author_organisation_id:
                self.initial["author"] = f"organisation-{resource.author_organisation_id}"
            elif resource.author_person_id and resource.author_person_id != user.pk:
                self.initial["author"] = f"person-{resource.author_person_id}"
            elif resource.author_name:
                self.initial["author"] = "name"
                self.initial["author_name"] = resource.author_name
            else:
                self.initial["author"] = "me"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("author") == "name" and self.curator and not cleaned.get("author_name"):
            self.add_error("author_name", _("Write the author's name, or choose another author."))
        return cleaned

    def authors(self) -> dict:
        """The author fields the services take, from the chosen author."""
        choice = self.cleaned_data["author"]
        authors = {"author_person": None, "author_organisation": None, "author_name": ""}
        if choice == "me":
            authors["author_person"] = self.user
        elif choice.startswith("person-"):
            authors["author_person"] = self.instance.author_person
        elif choice.startswith("organisation-"):
            authors["author_organisation"] = self.organisations[int(choice.split("-", 1)[1])]
        elif choice == "name":
            authors["author_name"] = self.cleaned_data.get("author_name") or self.instance.author_name
        return authors

    def service_fields(self) -> dict:
        """The cleaned values resource_create / resource_update take."""
        skip = {"author", "author_name", "file", "remove_file", "themes", "places", "related_methods"}
        fields = {name: value for name, value in self.cleaned_data.items() if name not in skip}
        fields["url"] = fields.get("url") or ""
        return {**fields, **self.authors(), "themes": self.cleaned_data["themes"],
                "places": self.cleaned_data["places"], "related_methods": self.cleaned_data["related_methods"]}


class ResourceFilterForm(forms.Form):
    """The list's filters, read from the query string. Unknown values become field errors, not a 500."""

    SORTS = [("newest", _("Newest first")), ("title", _("Title"))]

    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=LongSelect)
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LongSelect)
    audience = forms.ChoiceField(label=_("For whom"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Place"), required=False, widget=LongSelect,
                              help_text=_("Including the places within it."))
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS, widget=LongSelect)

    def __init__(self, *args, themes: list, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        self.fields["kind"].choices = [everything] + [(v, capfirst(label)) for v, label in ResourceKind.choices]
        self.fields["theme"].choices = [everything] + [(theme.slug, theme.label) for theme in themes]
        self.fields["language"].choices = [everything] + list(ContentLanguage.choices)
        self.fields["audience"].choices = [everything] + [(v, capfirst(label)) for v, label in Audience.choices]
        self.fields["place"].choices = [everything] + place_choices(value="slug")

    def valid_filters(self) -> dict:
        """The filters whose values are known; the others are left out (the page tells which)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class CollectionForm(forms.ModelForm):
    class Meta:
        model = Collection
        fields = ["title", "description", "language", "is_published"]
        labels = {"title": _("Title"), "description": _("Description"), "language": _("Language"),
                  "is_published": _("Published (everyone sees it)")}
        help_texts = {"description": _("What the collection is for and who it helps. Markdown is allowed.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = list(ContentLanguage.choices)

