from django import forms
from django.utils.translation import gettext_lazy as _

from samskap.core.selectors import place_choices


class PeopleFilterForm(forms.Form):
    """Filters of the people directory, read from the query string. Themes and places are given by slug."""

    skill = forms.CharField(label=_("Skill"), max_length=100, required=False,
                            help_text=_("Part of a word is enough: “facilit” finds facilitation."))
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    place = forms.ChoiceField(label=_("Place"), required=False,
                              help_text=_("A region includes its municipalities and neighbourhoods."))

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [(theme.slug, theme.label) for theme in themes]
        self.fields["place"].choices = [("", _("All places"))] + place_choices(value="slug")

    def filters(self) -> dict[str, str]:
        """The valid filters as selector arguments; a value that is not valid is left out (the page says so)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return {
            "skill": (data.get("skill") or "").strip(),
            "theme": data.get("theme") or "",
            "place": data.get("place") or "",
        }
