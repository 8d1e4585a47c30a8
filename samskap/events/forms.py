"""Forms of the event pages: the event with its ticket types and questions, and the list's filters."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samskap.actors.models import ContentLanguage, Organisation
from samskap.core.forms import LongSelect
from samskap.core.images import validate_image_upload
from samskap.core.models import Place, Theme
from samskap.core.selectors import place_choices, themes_active

from . import services
from .models import Event, EventKind, RegistrationQuestion, TicketType
from .selectors import organiser_choice

LOCAL_TIMES = ("start", "end", "registration_opens", "registration_closes")
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
COVER_MAX_BYTES = 5 * 1024 * 1024


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, theme):
        return theme.label


class EventForm(forms.ModelForm):
    """The event. Times are entered on the wall clock of the event's own time zone."""

    REPEATS = [
        ("", _("Does not repeat")),
        ("weekly", _("Every week")),
        ("fortnightly", _("Every other week")),
        ("monthly_weekday", _("Every month on the same weekday (e.g. the first Tuesday)")),
        ("monthly_date", _("Every month on the same date")),
        ("custom", _("By my own rule (iCalendar RRULE)")),
    ]

    organisers = forms.ModelMultipleChoiceField(
        label=_("Organising organisations"), queryset=Organisation.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Organisations you are an admin of."))
    organised_by_hub = forms.BooleanField(label=_("Organised by the hub"), required=False)
    themes = ThemeMultipleChoiceField(label=_("Themes"), queryset=Theme.objects.none(), required=False)
    place = forms.ModelChoiceField(label=_("Place"), queryset=Place.objects.all(), required=False, widget=LongSelect,
                                   help_text=_("The municipality or neighbourhood, so the event shows up in its "
                                               "place's lists."))
    time_zone = forms.ChoiceField(label=_("Time zone"), widget=LongSelect,
                                  help_text=_("Times are in this zone, where the event takes place."))
    cover_image = forms.FileField(
        label=_("Cover image"), required=False, help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
    remove_cover = forms.BooleanField(label=_("Remove the current cover image"), required=False)
    suggested_amounts = forms.CharField(
        label=_("Suggested amounts"), required=False, max_length=200,
        help_text=_("For pay what you can: amounts separated by spaces or semicolons, e.g. 100; 250; 500."))
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https", max_length=200,
                                help_text=_("Only registered participants see it."))
    repeat = forms.ChoiceField(label=_("Repeat"), required=False, choices=REPEATS)
    occurrences = forms.IntegerField(label=_("Number of occurrences"), required=False, min_value=2,
                                     max_value=services.MAX_OCCURRENCES, initial=6,
                                     help_text=_("Including the first; at most %(max)s.")
                                     % {"max": services.MAX_OCCURRENCES})
    rule = forms.CharField(label=_("Repeat rule"), required=False, max_length=300,
                           help_text=_("Only with “By my own rule”, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=10."))

    class Meta:
        model = Event
        fields = [
            "title", "kind", "summary", "description", "language", "themes",
            "start", "end", "time_zone",
            "venue_name", "venue_address", "room", "place", "latitude", "longitude", "accessibility", "online_url",
            "cover_alt",
            "registration_enabled", "registration_opens", "registration_closes", "capacity", "waiting_list",
            "audience", "offer_hours", "reminder_hours", "participant_list_public",
            "pricing", "currency", "suggested_amounts", "minimum_amount", "pay_by_invoice", "pay_at_venue",
            "outcome_summary",
        ]
        labels = {
            "title": _("Title"), "kind": _("Kind of event"), "summary": _("Summary"), "description": _("Description"),
            "language": _("Language of the event"), "start": _("Starts"), "end": _("Ends"), "venue_name": _("Venue"),
            "venue_address": _("Address"), "room": _("Room"), "latitude": _("Latitude"), "longitude": _("Longitude"),
            "accessibility": _("Accessibility"), "cover_alt": _("Description of the cover image"),
        }
        help_texts = {
            "summary": _("One or two sentences for lists and calendars."),
            "latitude": _("Optional, for the map link, e.g. 59.91273."),
            "cover_alt": _("What the image shows, for those who cannot see it. Required with an image."),
            "outcome_summary": _("After the event: what happened, what came out of it."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "outcome_summary": forms.Textarea(attrs={"rows": 4}),
            "start": LocalDateTimeInput(), "end": LocalDateTimeInput(),
            "registration_opens": LocalDateTimeInput(), "registration_closes": LocalDateTimeInput(),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        creating = event.pk is None
        administered = services.organisations_administered_by(user)
        current = list(event.organisers.only("name", "slug").order_by("name")) if not creating else []
        choices = {organisation.pk: organisation for organisation in administered + current}
        self.fields["organisers"].queryset = Organisation.objects.filter(pk__in=list(choices))
        self.fields["organisers"].choices = [(pk, o.name) for pk, o in sorted(choices.items(),
                                                                            key=lambda item: item[1].name)]
        if not (services.may_organise_for_hub(user) or event.organised_by_hub):
            del self.fields["organised_by_hub"]
        themes = list(themes_active())
        self.fields["themes"].queryset = themes_active()
        self.fields["themes"].choices = [(theme.pk, theme.label) for theme in themes]
        self.fields["place"].choices = [("", _("Choose a place"))] + place_choices(value="pk")
        self.fields["time_zone"].choices = Event._meta.get_field("time_zone").choices
        self.fields["kind"].choices = [("", _("Choose a kind"))] + [(value, capfirst(label))
                                                                   for value, label in EventKind.choices]
        if not event.cover_image:
            del self.fields["remove_cover"]
        if creating:
            del self.fields["outcome_summary"]
        else:
            for name in ("repeat", "occurrences", "rule"):
                del self.fields[name]
        if not self.is_bound:
            self.initial["organisers"] = [o.pk for o in current]
            self.initial["organised_by_hub"] = event.organised_by_hub
            self.initial["suggested_amounts"] = "; ".join(str(a) for a in event.suggested_amounts or [])
            zone = ZoneInfo(event.time_zone)
            for name in LOCAL_TIMES:
                value = getattr(event, name)
                if value is not None:
                    self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean_cover_image(self):
        image = self.cleaned_data.get("cover_image")
        if image and hasattr(image, "content_type"):
            validate_image_upload(image, max_bytes=COVER_MAX_BYTES)
        return image

    def clean_suggested_amounts(self):
        text = self.cleaned_data.get("suggested_amounts") or ""
        return [part.strip() for part in text.replace(";", " ").split() if part.strip()]

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or settings.TIME_ZONE
        zone = ZoneInfo(zone_name)
        for name in LOCAL_TIMES:
            value = cleaned.get(name)
            if isinstance(value, datetime.datetime):
                # Read on the page's clock; meant on the event's.
                cleaned[name] = timezone.make_aware(timezone.make_naive(value), zone)
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        if cleaned.get("cover_image") and not cleaned.get("cover_alt") and "cover_alt" not in self.errors:
            self.add_error("cover_alt", _("Describe the image for those who cannot see it."))
        self.series_rule = self._series_rule(cleaned)
        return cleaned

    def _series_rule(self, cleaned) -> str:
        repeat = cleaned.get("repeat")
        if not repeat:
            return ""
        if repeat == "custom":
            if not cleaned.get("rule"):
                self.add_error("rule", _("Write the rule, or choose another way to repeat."))
            return cleaned.get("rule") or ""
        count = cleaned.get("occurrences")
        start = cleaned.get("start")
        if not count:
            if "occurrences" not in self.errors:
                self.add_error("occurrences", _("How many times does the event take place?"))
            return ""
        if start is None:
            return ""
        local = timezone.localtime(start, ZoneInfo(cleaned.get("time_zone") or settings.TIME_ZONE))
        if repeat == "weekly":
            return f"FREQ=WEEKLY;COUNT={count}"
        if repeat == "fortnightly":
            return f"FREQ=WEEKLY;INTERVAL=2;COUNT={count}"
        if repeat == "monthly_weekday":
            nth = (local.day - 1) // 7 + 1
            return f"FREQ=MONTHLY;BYDAY={-1 if nth == 5 else nth}{WEEKDAYS[local.weekday()]};COUNT={count}"
        return f"FREQ=MONTHLY;COUNT={count}"

    def service_fields(self) -> dict:
        """The cleaned values the services take; organisers, hub, cover and children separately."""
        skip = {"organisers", "organised_by_hub", "cover_image", "remove_cover", "repeat", "occurrences", "rule"}
        return {name: value for name, value in self.cleaned_data.items() if name not in skip}


class TicketTypeForm(forms.ModelForm):
    class Meta:
        model = TicketType
        fields = ["name", "price", "capacity"]
        labels = {"name": _("Ticket type"), "price": _("Price"), "capacity": _("Places")}
        help_texts = {"capacity": _("Empty for no limit of its own.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty row stays empty (no price of 0), so leaving it alone adds nothing.
        self.fields["price"].initial = None


class QuestionForm(forms.ModelForm):
    choices = forms.CharField(label=_("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("For single and multiple choice: one choice per line."))

    class Meta:
        model = RegistrationQuestion
        fields = ["label", "kind", "choices", "required"]
        labels = {"label": _("Question"), "kind": _("Kind of answer"), "required": _("An answer is required")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["choices"] = "\n".join(self.instance.choices or [])

    def clean_choices(self):
        return [line.strip() for line in (self.cleaned_data.get("choices") or "").splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        choosing = cleaned.get("kind") in (RegistrationQuestion.Kind.SINGLE, RegistrationQuestion.Kind.MULTIPLE)
        if choosing and len(cleaned.get("choices") or []) < 2 and not cleaned.get("DELETE"):
            self.add_error("choices", _("Give at least two choices, one per line."))
        if not choosing:
            cleaned["choices"] = []
        return cleaned


TicketTypeFormSet = inlineformset_factory(Event, TicketType, form=TicketTypeForm, extra=2, can_delete=True)
QuestionFormSet = inlineformset_factory(Event, RegistrationQuestion, form=QuestionForm, extra=2, can_delete=True)


def formset_rows(formset, fields) -> list[dict]:
    """The rows a service takes from a valid formset: {"id", fields…, "position", "delete"}; blank rows left out."""
    rows = []
    for position, form in enumerate(formset.forms):
        if form.instance.pk is None and not form.has_changed():
            continue
        data = form.cleaned_data
        row = {name: data.get(name) for name in fields}
        row.update(id=form.instance.pk, position=position, delete=bool(data.get("DELETE")))
        rows.append(row)
    return rows


class EventFilterForm(forms.Form):
    """The list's filters, read from the query string. Unknown values become field errors, not a 500."""

    PRICES = [("", _("All")), ("free", _("Free")), ("paid", _("Paid or pay what you can"))]

    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=LongSelect)
    place = forms.ChoiceField(label=_("Place"), required=False, widget=LongSelect,
                              help_text=_("Including the places within it."))
    theme = forms.ChoiceField(label=_("Theme"), required=False, widget=LongSelect)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False, widget=LongSelect)
    price = forms.ChoiceField(label=_("Price"), required=False, choices=PRICES, widget=LongSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LongSelect)

    def __init__(self, *args, themes: list, organisers: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", _("All"))
        self.fields["kind"].choices = [everything] + [(value, capfirst(label)) for value, label in EventKind.choices]
        self.fields["place"].choices = [everything] + place_choices(value="slug")
        self.fields["theme"].choices = [everything] + [(theme.slug, theme.label) for theme in themes]
        asked = self.data.get("organiser", "") if self.is_bound else ""
        if asked and asked != "hub" and asked not in {slug for slug, _name in organisers}:
            # e.g. "all events by X, also past ones" from an organisation's page
            organisers = organisers + [choice] if (choice := organiser_choice(asked)) else organisers
        self.fields["organiser"].choices = [everything, ("hub", _("The hub"))] + organisers
        self.fields["language"].choices = [everything] + list(ContentLanguage.choices)

    def valid_filters(self) -> dict:
        """The filters whose values are known; the others are left out (the page tells which)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
