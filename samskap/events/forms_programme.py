"""Forms for the programme: sessions, speakers, files, stands and the summary afterwards.

Times are typed in the event's own time zone: the views validate and render these forms inside
``timezone.override(event.time_zone)``.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from samskap.actors.models import Organisation
from samskap.core.images import validate_image_upload

from .models import Event, EventFile, ProgrammeSession, Speaker
from .services_programme import event_file_checked, event_file_max_bytes, links_cleaned

SUMMARY_PHOTO_SLOTS = 3
FILE_ACCEPT = ".pdf,.pptx,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


class SpeakerChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, speaker):
        return f"{speaker.name} ({speaker.organisation_name})" if speaker.organisation_name else speaker.name


def links_as_text(links: list[dict]) -> str:
    return "\n".join(link["url"] if link.get("title") in ("", link["url"]) else f"{link['title']} | {link['url']}"
                     for link in links)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    start = forms.DateTimeField(label=_("Starts"), widget=LocalDateTimeInput())
    end = forms.DateTimeField(label=_("Ends"), widget=LocalDateTimeInput())
    room = forms.CharField(label=_("Room or track"), max_length=120, required=False,
                           help_text=_("For example “Main hall” or “Track B”. Leave empty if there is only one."))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    speakers = SpeakerChoiceField(label=_("Speakers"), queryset=Speaker.objects.none(), required=False)
    links = forms.CharField(
        label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: an address, or a title, a vertical bar and the address "
                    "(Report | https://example.org/report)."))

    def __init__(self, *args, event: Event, session: ProgrammeSession | None = None,
                 speakers: list[Speaker] | None = None, **kwargs):
        if session is not None:
            kwargs.setdefault("initial", {
                "title": session.title, "start": session.start, "end": session.end, "room": session.room,
                "description": session.description, "speakers": list(session.speakers.all()),
                "links": links_as_text(session.links),
            })
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["speakers"].queryset = event.speakers.order_by("name", "id")
        if speakers is not None:   # already loaded by the page: no second query for the choices
            self.fields["speakers"].choices = [(speaker.pk, self.fields["speakers"].label_from_instance(speaker))
                                               for speaker in speakers]
        self.fields["start"].help_text = self.fields["end"].help_text = _(
            "In the event's time zone (%(zone)s).") % {"zone": event.time_zone}

    def clean_links(self) -> list[dict]:
        links = []
        for line in self.cleaned_data["links"].splitlines():
            if not line.strip():
                continue
            title, bar, url = line.rpartition("|")
            links.append({"title": title.strip() if bar else "", "url": url.strip()})
        return links_cleaned(links)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The session ends before it starts."))
        return cleaned

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("title", "start", "end", "room", "description", "links")}


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False,
                           help_text=_("Leave empty for a member: their name is taken from their profile."))
    member_email = forms.EmailField(
        label=_("E-mail address of the member"), required=False,
        help_text=_("If the speaker is a member, this links the speaker to their account. "
                    "It is not shown to anyone."))
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    bio = forms.CharField(label=_("Bio"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    photo = forms.FileField(
        label=_("Photo"), required=False, help_text=_("JPEG, PNG or WebP, at most 2 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
    remove_photo = forms.BooleanField(label=_("Remove the current photo"), required=False)

    def __init__(self, *args, speaker: Speaker | None = None, **kwargs):
        if speaker is not None:
            kwargs.setdefault("initial", {
                "name": speaker.name, "member_email": speaker.user.email if speaker.user else "",
                "organisation_name": speaker.organisation_name, "bio": speaker.bio,
            })
        super().__init__(*args, **kwargs)
        if speaker is None or not speaker.photo:
            del self.fields["remove_photo"]

    def clean_member_email(self):
        email = self.cleaned_data["member_email"]
        self.cleaned_data["user"] = None
        if email:
            user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if user is None:
                raise ValidationError(_("No member has this e-mail address. Leave it empty for a guest speaker."))
            self.cleaned_data["user"] = user
        return email

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            validate_image_upload(photo)
        return photo

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name", "").strip() and not cleaned.get("user") and "member_email" not in self.errors:
            self.add_error("name", _("Give the speaker's name, or the e-mail address of a member."))
        return cleaned

    def service_fields(self) -> dict:
        return {"name": self.cleaned_data["name"], "user": self.cleaned_data.get("user"),
                "organisation_name": self.cleaned_data["organisation_name"], "bio": self.cleaned_data["bio"]}


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, session):
        return session.title


class EventFileForm(forms.Form):
    upload = forms.FileField(label=_("File"), widget=forms.FileInput(attrs={"accept": FILE_ACCEPT}))
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Leave empty to use the file's name."))
    kind = forms.ChoiceField(label=_("Kind"), choices=[(EventFile.Kind.SLIDES.value, EventFile.Kind.SLIDES.label),
                                                       (EventFile.Kind.DOCUMENT.value, EventFile.Kind.DOCUMENT.label)])
    session = SessionChoiceField(label=_("Session"), queryset=ProgrammeSession.objects.none(), required=False,
                                 empty_label=_("The event as a whole"))

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = event.sessions.order_by("start", "room", "id")
        self.fields["upload"].help_text = _(
            "PDF, PowerPoint (.pptx) or an image (JPEG, PNG, WebP), at most %(max)s.") % {
            "max": filesizeformat(event_file_max_bytes())}

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        event_file_checked(upload)
        return upload


class StandForm(forms.Form):
    """Choose an organisation among those matching a search in the directory, and give its pitch."""

    q = forms.CharField(widget=forms.HiddenInput, required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(),
                                          widget=forms.RadioSelect, empty_label=None)
    pitch = forms.CharField(label=_("Pitch"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("A few sentences on what the organisation shows or offers. "
                                        "At most 500 characters."))

    def __init__(self, *args, matches: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.listed()
        self.fields["organisation"].choices = [(organisation.pk, organisation.name) for organisation in matches]


class SummaryForm(forms.Form):
    outcome_summary = forms.CharField(
        label=_("What came out of the event"), required=False, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Outcomes, decisions, what happens next. Shown on the event's page."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, SUMMARY_PHOTO_SLOTS + 1):
            self.fields[f"photo_{n}"] = forms.FileField(
                label=_("Photo %(n)s") % {"n": n}, required=False,
                help_text=_("JPEG, PNG or WebP."),
                widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
            self.fields[f"alt_{n}"] = forms.CharField(
                label=_("What photo %(n)s shows") % {"n": n}, max_length=250, required=False,
                help_text=_("Required with a photo, for those who cannot see it."))

    def clean(self):
        cleaned = super().clean()
        for n in range(1, SUMMARY_PHOTO_SLOTS + 1):
            photo = cleaned.get(f"photo_{n}")
            if not photo:
                continue
            try:
                if event_file_checked(photo)[0] != "image":
                    raise ValidationError(_("A photo must be a JPEG, PNG or WebP image."))
            except ValidationError as error:
                self.add_error(f"photo_{n}", error)
            if not cleaned.get(f"alt_{n}", "").strip():
                self.add_error(f"alt_{n}", _("Describe what the photo shows, for those who cannot see it."))
        return cleaned

    def photos(self) -> list[tuple]:
        return [(self.cleaned_data[f"photo_{n}"], self.cleaned_data[f"alt_{n}"])
                for n in range(1, SUMMARY_PHOTO_SLOTS + 1) if self.cleaned_data.get(f"photo_{n}")]
