"""Forms of an idea's own pages (part B1): the idea (with its needs and images) and the list's filters."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samskap.actors.models import ContentLanguage
from samskap.core.forms import LongSelect
from samskap.core.images import validate_image_upload
from samskap.core.models import Place
from samskap.core.selectors import place_choices, themes_active, themes_for_filters

from .models import Challenge, Idea, IdeaNeed, Incubator, Stage
from .services import IDEA_FIELDS
from .services_images import ALT_TEXT_MAX, MAX_IMAGES

NEED_HELP = {
    IdeaNeed.Kind.COMPETENCE: _("For example: someone who knows bookkeeping. Leave empty if not needed."),
    IdeaNeed.Kind.FUNDING: _("For example: 20,000 kronor for a first test. Leave empty if not needed."),
    IdeaNeed.Kind.PREMISES: _("For example: a room for 15 people one evening a week. Leave empty if not needed."),
    IdeaNeed.Kind.PARTNERS: _("For example: a housing company or a school. Leave empty if not needed."),
    IdeaNeed.Kind.VOLUNTEERS: _("For example: ten people one Saturday. Leave empty if not needed."),
}
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return theme.label


class IdeaForm(forms.ModelForm):
    """An idea: what it is, where, its themes and needs, who sees it, and its images (new ones in numbered slots,
    the ones it has with their description and a box to remove them)."""

    challenge = forms.ModelChoiceField(label=_("Answers the challenge"), queryset=Challenge.objects.none(),
                                       required=False, widget=LongSelect,
                                       help_text=_("Optional: an open challenge your idea answers."))
    place = forms.ModelChoiceField(label=_("Where"), queryset=Place.objects.all(), required=False, widget=LongSelect,
                                   help_text=_("The municipality or neighbourhood the idea is for."))
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=themes_active(), required=False)

    class Meta:
        model = Idea
        fields = ["title", "summary", "problem", "challenge", "target_group", "solution", "place", "location",
                  "themes", "language", "visibility"]
        labels = {
            "title": _("Title"), "summary": _("Summary"), "problem": _("The problem"),
            "target_group": _("Who it is for"), "solution": _("The solution"),
            "location": _("Neighbourhood or address"), "language": _("Language of the text"),
            "visibility": _("Who can see it"),
        }
        help_texts = {
            "title": _("Short and concrete, for example: “Therapy dogs at the care home”."),
            "summary": _("One or two sentences, shown in lists. At most 500 characters."),
            "problem": _("What is wrong today, and for whom?"),
            "target_group": _("For example: older people living alone in the neighbourhood."),
            "solution": _("What you want to do, and how it solves the problem."),
            "location": _("Optional, for example a street, a square or a school."),
            "visibility": _("Members of the team always see the idea. Drafts are seen only by the team."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "solution": forms.Textarea(attrs={"rows": 8}),
            "language": LongSelect,
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        idea = self.instance
        current = idea.challenge_id if idea.pk else None
        challenges = Challenge.objects.filter(Q(hidden_at__isnull=True, status=Challenge.Status.OPEN) | Q(pk=current))
        self.fields["challenge"].queryset = challenges
        self.fields["challenge"].choices = [("", _("None"))] + [
            (challenge.pk, challenge.title) for challenge in challenges.only("pk", "title").order_by("title", "pk")]
        self.fields["place"].choices = [("", _("Not stated"))] + place_choices(value="pk")
        self.fields["themes"].choices = [(theme.pk, theme.label) for theme in themes_active()]
        self.fields["visibility"].choices = [(value, capfirst(label)) for value, label in
                                             Idea._meta.get_field("visibility").choices]
        language = (get_language() or "")[:2]
        if not idea.pk and language in ContentLanguage.values:  # the member writes in the language they read
            self.initial.setdefault("language", language)
        needs = {need.kind: need.text for need in idea.needs.all()} if idea.pk else {}
        for kind, label in IdeaNeed.Kind.choices:
            self.fields[f"need_{kind}"] = forms.CharField(
                label=capfirst(label), required=False, max_length=IdeaNeed._meta.get_field("text").max_length,
                help_text=NEED_HELP[kind], initial=needs.get(kind, ""))
        self.images = list(idea.images.filter(log_entry__isnull=True).order_by("position", "id")) if idea.pk else []
        for image in self.images:
            self.fields[f"alt_{image.pk}"] = forms.CharField(
                label=_("Description of the image"), max_length=ALT_TEXT_MAX, initial=image.alt_text, required=False,
                help_text=_("What the image shows, for people who cannot see it."))
            self.fields[f"remove_{image.pk}"] = forms.BooleanField(label=_("Remove this image"), required=False)
        self.max_images = MAX_IMAGES
        self.slots = list(range(1, MAX_IMAGES - len(self.images) + 1))
        max_mb = settings.IDEAS_IMAGE_MAX_BYTES // (1024 * 1024) or 1
        for n in self.slots:
            self.fields[f"image_new_{n}"] = forms.FileField(
                label=_("New image %(n)s") % {"n": n}, required=False,
                help_text=_("JPEG, PNG or WebP, at most %(max)s MB.") % {"max": max_mb},
                widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}))
            self.fields[f"alt_new_{n}"] = forms.CharField(
                label=_("Description of new image %(n)s") % {"n": n}, max_length=ALT_TEXT_MAX, required=False,
                help_text=_("Required with an image: what it shows, for people who cannot see it."))

    def need_fields(self):
        return [self[f"need_{kind}"] for kind in IdeaNeed.Kind.values]

    def image_rows(self):
        """The images the idea has, each with its description and removal field."""
        return [(image, self[f"alt_{image.pk}"], self[f"remove_{image.pk}"]) for image in self.images]

    def slot_rows(self):
        return [(n, self[f"image_new_{n}"], self[f"alt_new_{n}"]) for n in self.slots]

    def clean(self):
        cleaned = super().clean()
        for image in self.images:  # a description stays required unless the image is removed
            name = f"alt_{image.pk}"
            kept = not cleaned.get(f"remove_{image.pk}")
            if kept and not (cleaned.get(name) or "").strip() and name not in self.errors:
                self.add_error(name, _("Describe what the image shows, for people who cannot see it."))
        for n in self.slots:
            upload = cleaned.get(f"image_new_{n}")
            if not upload:
                continue
            try:
                validate_image_upload(upload, max_bytes=settings.IDEAS_IMAGE_MAX_BYTES)
            except ValidationError as error:
                self.add_error(f"image_new_{n}", error)
            if not (cleaned.get(f"alt_new_{n}") or "").strip() and f"alt_new_{n}" not in self.errors:
                self.add_error(f"alt_new_{n}", _("Describe what the image shows, for people who cannot see it."))
        if self.errors and any(cleaned.get(f"image_new_{n}") for n in self.slots):
            self.add_error(None, _("Images are not kept when the form has errors: choose them again."))
        return cleaned

    def service_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in IDEA_FIELDS}
        fields["themes"] = self.cleaned_data["themes"]
        fields["needs"] = {kind: self.cleaned_data[f"need_{kind}"] for kind in IdeaNeed.Kind.values}
        return fields

    def images_new(self) -> list[tuple]:
        return [(self.cleaned_data[f"image_new_{n}"], self.cleaned_data[f"alt_new_{n}"])
                for n in self.slots if self.cleaned_data.get(f"image_new_{n}")]

    def alt_texts(self) -> dict[int, str]:
        return {image.pk: self.cleaned_data[f"alt_{image.pk}"] for image in self.images
                if not self.cleaned_data.get(f"remove_{image.pk}")}

    def images_removed(self) -> list[int]:
        return [image.pk for image in self.images if self.cleaned_data.get(f"remove_{image.pk}")]


SORT_CHOICES = [("newest", _("Newest first")), ("supported", _("Most supported")),
                ("commented", _("Most commented"))]


class IdeaFilterForm(forms.Form):
    """The list's filters, read from the query string. Unknown values become field errors, not a 500."""

    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    stage = forms.ChoiceField(label=_("Stage"), required=False, widget=LongSelect)
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Place"), required=False, widget=LongSelect,
                              help_text=_("Including the places within it."))
    challenge = forms.ChoiceField(label=_("Challenge"), required=False, widget=LongSelect)
    incubator = forms.ChoiceField(label=_("Incubator"), required=False, widget=LongSelect,
                                  help_text=_("Ideas in the incubator's cohort."))
    need = forms.ChoiceField(label=_("Needs"), required=False, widget=LongSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LongSelect)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, widget=LongSelect, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("Any stage"))] + [
            (stage.slug, stage.label) for stage in Stage.objects.all()]
        self.fields["theme"].choices = [("", _("All"))] + [(theme.slug, theme.label) for theme in themes_for_filters()]
        self.fields["place"].choices = [("", _("Anywhere"))] + place_choices(value="slug")
        self.fields["challenge"].choices = [("", _("Any or none"))] + [
            (str(pk), title) for pk, title in Challenge.objects.visible().order_by("title", "pk")
            .values_list("pk", "title")]
        self.fields["incubator"].choices = [("", _("Any or none"))] + list(
            Incubator.objects.filter(is_active=True).order_by("name").values_list("slug", "name"))
        self.fields["need"].choices = [("", _("Anything"))] + [(value, capfirst(label))
                                                               for value, label in IdeaNeed.Kind.choices]
        self.fields["language"].choices = [("", _("Any language"))] + list(ContentLanguage.choices)

    def valid_filters(self) -> dict:
        """The filters whose values are known (without the sort); the others are left out (the page tells)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value and name != "sort"}

    def chosen_sort(self) -> str:
        return (self.cleaned_data.get("sort") if hasattr(self, "cleaned_data") else "") or "newest"
