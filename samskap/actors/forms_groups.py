import re

from django import forms
from django.utils.translation import gettext_lazy as _

from samskap.core.models import Place, Theme
from samskap.core.selectors import place_choices, themes_active

from .models import LocalGroup, Organisation

MAX_LINKED_ORGANISATIONS = 200
# ".../organisations/<slug>/" or just "<slug>"
ORGANISATION_ADDRESS = re.compile(r"(?:.*/organisations/)?([-\w]+)/?$")


class LocalGroupForm(forms.ModelForm):
    """A group's name, description, place and theme, and organisations linked to it by address."""

    place = forms.ModelChoiceField(
        label=_("Place"), queryset=Place.objects.all(), required=False,
        help_text=_("The group's organisations and people are found at this place and the places below it."),
    )
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none(), required=False,
                                   empty_label=_("No theme"))
    linked = forms.ModelMultipleChoiceField(
        label=_("Linked organisations"), queryset=Organisation.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick an organisation to unlink it from the group."),
    )
    add_organisations = forms.CharField(
        label=_("Link more organisations"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The address of each organisation's page, one per line, e.g. https://…/organisations/fixa-kollektivet/. "
                    "Organisations at the group's place are listed without being linked."),
    )

    class Meta:
        model = LocalGroup
        fields = ["name", "description", "description_language", "place", "theme"]
        labels = {"name": _("Name"), "description": _("Description"),
                  "description_language": _("Language of the description")}
        help_texts = {"description": _("What the group does, when and where it meets, and how to take part.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", _("No place"))] + place_choices(value="pk")
        self.fields["theme"].queryset = themes_active()
        if self.instance.pk:
            linked = self.instance.organisations.order_by("name")
            self.fields["linked"].queryset = linked
            self.initial.setdefault("linked", list(linked))
        else:
            del self.fields["linked"]

    def clean_add_organisations(self) -> list[Organisation]:
        lines = [line.strip() for line in self.cleaned_data.get("add_organisations", "").splitlines() if line.strip()]
        if len(lines) > MAX_LINKED_ORGANISATIONS:
            raise forms.ValidationError(_("Link at most %(n)s organisations at a time.") % {"n": MAX_LINKED_ORGANISATIONS})
        slugs = {}
        unknown = []
        for line in lines:
            match = ORGANISATION_ADDRESS.match(line.split("?")[0].split("#")[0])
            if match:
                slugs[match.group(1)] = line
            else:
                unknown.append(line)
        found = {o.slug: o for o in Organisation.objects.listed().filter(slug__in=slugs)}
        unknown += [line for slug, line in slugs.items() if slug not in found]
        if unknown:
            raise forms.ValidationError(
                _("No organisation in the directory has this address: %(lines)s") % {"lines": ", ".join(unknown[:5])}
            )
        return list(found.values())

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("place") and not cleaned.get("theme") and "place" not in self.errors:
            self.add_error("place", _("Choose a place, a theme or both: a local group is for one of them."))
        return cleaned

    def service_fields(self) -> dict:
        data = self.cleaned_data
        organisations = list(data.get("linked") or []) if "linked" in self.fields else []
        organisations += [o for o in data.get("add_organisations") or [] if o not in organisations]
        return {"name": data["name"], "description": data["description"],
                "description_language": data["description_language"], "place": data.get("place"),
                "theme": data.get("theme"), "organisations": organisations}


class GroupContactsForm(forms.Form):
    contacts = forms.ModelMultipleChoiceField(
        label=_("Contact persons"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Contact persons are shown on the group's page to everyone, with the contact details they share."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = members
        self.fields["contacts"].label_from_instance = lambda user: user.display_name
