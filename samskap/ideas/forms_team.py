"""Forms for the team, moving a stage, the checklist, the logbook and the hub's stages (part B2). They validate
input; the services decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Phase, Stage, TeamMember
from .services_team import ALT_TEXT_MAX, LABEL_LANGUAGES, LABEL_MAX, LOG_BODY_MAX, LOG_IMAGES_MAX

LANGUAGE_NAMES = {"en": _("Name in English"), "sv": _("Name in Swedish"), "nb": _("Name in Norwegian"),
                  "da": _("Name in Danish")}


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254,
                             help_text=_("We send an invitation with a link to join the team."),
                             error_messages={"required": _("Enter the e-mail address of the person to invite."),
                                             "invalid": _("Enter an e-mail address, such as name@example.org.")})
    role = forms.ChoiceField(label=_("Role"), choices=TeamMember.Role.choices, initial=TeamMember.Role.VOLUNTEER,
                             error_messages={"invalid_choice": _("Choose a role: initiator, co-founder or "
                                                                 "volunteer.")})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "invite")
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=TeamMember.Role.choices,
                             error_messages={"invalid_choice": _("Choose a role: initiator, co-founder or "
                                                                 "volunteer.")})


class StageMoveForm(forms.Form):
    stage = forms.ModelChoiceField(
        label=_("Move to the stage"), queryset=Stage.objects.order_by("position", "id"), empty_label=None,
        error_messages={"required": _("Choose the stage to move the idea to."),
                        "invalid_choice": _("There is no such stage. Choose one from the list.")})
    reason = forms.CharField(label=_("Why"), required=False, max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Shown on the idea's timeline, e.g. “The first test day went well.”"),
                             error_messages={"max_length": _("Keep the reason under 500 characters.")})

    def __init__(self, *args, idea=None, stages=None, **kwargs):
        kwargs.setdefault("prefix", "stage")
        super().__init__(*args, **kwargs)
        field = self.fields["stage"]
        if stages is not None:  # already loaded by the selector: no second query for the options
            field.queryset = Stage.objects.filter(pk__in=[s.pk for s in stages]).order_by("position", "id")
            field.choices = [(s.pk, s.label) for s in stages if idea is None or s.pk != idea.stage_id]
        if idea is not None and not self.is_bound:
            # Offer the next stage in progress first: the usual move.
            ordered = list(stages or [])
            current = next((i for i, s in enumerate(ordered) if s.pk == idea.stage_id), -1)
            following = [s for s in ordered[current + 1:] if s.is_active] or [s for s in ordered if s.pk != idea.stage_id]
            if following:
                field.initial = following[0].pk


class ChecklistTickForm(forms.Form):
    done = forms.BooleanField(required=False)


class LogEntryForm(forms.Form):
    body = forms.CharField(label=_("What happened?"), max_length=LOG_BODY_MAX, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Write what happened."),
                                           "max_length": _("Keep the update under %(limit_value)s characters.")})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "log")
        super().__init__(*args, **kwargs)
        for number in range(1, LOG_IMAGES_MAX + 1):
            self.fields[f"image_{number}"] = forms.ImageField(
                label=_("Image %(number)s") % {"number": number}, required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
                help_text=_("JPEG, PNG or WebP.") if number == 1 else "")
            self.fields[f"alt_{number}"] = forms.CharField(
                label=_("Description of image %(number)s") % {"number": number}, required=False,
                max_length=ALT_TEXT_MAX, help_text=_("What the image shows, for people who cannot see it."))

    def image_pairs(self) -> list[tuple]:
        return [(self.cleaned_data.get(f"image_{n}"), self.cleaned_data.get(f"alt_{n}", ""))
                for n in range(1, LOG_IMAGES_MAX + 1) if self.cleaned_data.get(f"image_{n}")]

    def clean(self):
        data = super().clean()
        for number in range(1, LOG_IMAGES_MAX + 1):
            if data.get(f"image_{number}") and not (data.get(f"alt_{number}") or "").strip():
                self.add_error(f"alt_{number}", _("Describe what image %(number)s shows, for people who cannot "
                                                  "see it.") % {"number": number})
        return data


class LabelsMixin:
    """Four name inputs, one per language, read back as a labels dict."""

    def add_label_fields(self, initial: dict | None = None) -> None:
        for language in LABEL_LANGUAGES:
            self.fields[f"label_{language}"] = forms.CharField(
                label=LANGUAGE_NAMES[language], required=False, max_length=LABEL_MAX,
                initial=(initial or {}).get(language, ""))

    def labels(self) -> dict[str, str]:
        return {language: self.cleaned_data.get(f"label_{language}", "") for language in LABEL_LANGUAGES}


class StageForm(LabelsMixin, forms.Form):
    slug = forms.SlugField(label=_("Short name"), max_length=40,
                           help_text=_("Lower-case letters, digits and hyphens, used in links, e.g. “pilot”. It "
                                       "cannot be changed later."),
                           error_messages={"invalid": _("Use only lower-case letters, digits and hyphens.")})
    phase = forms.ChoiceField(label=_("Phase"), required=False, choices=[("", _("No phase"))] + Phase.choices,
                              error_messages={"invalid_choice": _("Choose pre-ject, pro-ject, post-ject or no "
                                                                  "phase.")})
    is_active = forms.BooleanField(label=_("In progress"), required=False, initial=True,
                                   help_text=_("Off for stages where work has stopped, such as paused or ended."))

    def __init__(self, *args, stage: Stage | None = None, **kwargs):
        if stage is not None:
            kwargs.setdefault("initial", {"phase": stage.phase, "is_active": stage.is_active})
        super().__init__(*args, **kwargs)
        self.add_label_fields(stage.labels if stage else None)
        label_fields = {name: self.fields.pop(name) for name in list(self.fields) if name.startswith("label_")}
        phase, active = self.fields.pop("phase"), self.fields.pop("is_active")
        self.fields.update(label_fields)
        self.fields["phase"], self.fields["is_active"] = phase, active
        if stage is not None:
            del self.fields["slug"]


class ChecklistItemForm(LabelsMixin, forms.Form):
    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_label_fields(item.labels if item else None)
