"""Events with registration, waiting list, programme and check-in.

Times are stored in UTC and shown in the event's own time zone (``Event.time_zone``), so a
meeting in Stavanger reads 18:00 to a reader in Helsinki too.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage, Organisation
from samskap.core.models import Place, Theme, time_zone_choices


def _token() -> str:
    return secrets.token_urlsafe(24)


class EventKind(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("network meeting")
    CONFERENCE = "conference", _("conference")
    WORKSHOP = "workshop", _("workshop")
    THINKSHOP = "thinkshop", _("thinkshop")
    COURSE_DAY = "course_day", _("course day")
    OPEN_HOUSE = "open_house", _("open house")
    FAIR = "fair", _("fair")
    WEBINAR = "webinar", _("webinar")


class Currency(models.TextChoices):
    SEK = "SEK", "SEK"
    NOK = "NOK", "NOK"
    DKK = "DKK", "DKK"
    EUR = "EUR", "EUR"


class EventSeries(models.Model):
    """A recurring event (e.g. the monthly network meeting): occurrences are Events made from the rule."""

    title = models.CharField(_("title"), max_length=200)
    rule = models.CharField(_("repeat rule"), max_length=300,
                            help_text=_("An iCalendar RRULE, e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=10."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.title


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", pgettext_lazy("event", "cancelled")

    class Audience(models.TextChoices):
        ANYONE = "anyone", _("anyone with an e-mail address")
        MEMBERS = "members", _("members only")
        INVITATION = "invitation", _("by invitation")

    class Pricing(models.TextChoices):
        FREE = "free", _("free")
        TICKETS = "tickets", _("ticket types with prices")
        PAY_WHAT_YOU_CAN = "pay_what_you_can", _("pay what you can")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language of the event"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    organisers = models.ManyToManyField(Organisation, blank=True, related_name="events",
                                        verbose_name=_("organisers"))
    organised_by_hub = models.BooleanField(_("organised by the hub"), default=False)
    themes = models.ManyToManyField(Theme, blank=True, related_name="events", verbose_name=_("themes"))
    series = models.ForeignKey(EventSeries, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="occurrences", verbose_name=_("series"))

    # Where and when
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    place = models.ForeignKey(Place, on_delete=models.PROTECT, null=True, blank=True, related_name="events",
                              verbose_name=_("place"))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True,
                                     help_text=_("Step-free access, hearing loop, accessible toilet, quiet room …"))
    online_url = models.URLField(_("online link"), blank=True,
                                 help_text=_("Only registered participants see it."))
    time_zone = models.CharField(_("time zone"), max_length=64, choices=time_zone_choices,
                                 default=settings.TIME_ZONE)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))

    cover_image = models.ImageField(_("cover image"), upload_to="events/", blank=True)
    cover_alt = models.CharField(_("description of the cover image"), max_length=250, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)

    # Registration
    registration_enabled = models.BooleanField(_("registration"), default=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True,
                                           help_text=_("Empty for no limit."))
    waiting_list = models.BooleanField(_("waiting list"), default=True)
    audience = models.CharField(_("who may register"), max_length=12, choices=Audience.choices,
                                default=Audience.ANYONE)
    pricing = models.CharField(_("price"), max_length=20, choices=Pricing.choices, default=Pricing.FREE)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK)
    suggested_amounts = models.JSONField(_("suggested amounts"), default=list, blank=True)
    minimum_amount = models.DecimalField(_("minimum amount"), max_digits=10, decimal_places=2,
                                         default=Decimal("0"))
    pay_by_invoice = models.BooleanField(_("payment by invoice"), default=True)
    pay_at_venue = models.BooleanField(_("payment at the venue"), default=True)
    offer_hours = models.PositiveSmallIntegerField(_("hours a waiting-list offer holds"), default=48)
    reminder_hours = models.PositiveSmallIntegerField(_("hours before the start to send a reminder"), default=24)
    participant_list_public = models.BooleanField(_("public participant list"), default=True,
                                                  help_text=_("Shows those who chose to appear on it."))

    # After the event
    outcome_summary = models.TextField(_("summary after the event"), blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["status", "start"]), models.Index(fields=["kind", "start"])]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                              name="event_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", args=[self.slug])

    @property
    def registration_state(self) -> str:
        """Whether one may register now: "off", "cancelled", "draft", "not_yet", "closed" or "open".

        Without a closing time, registration closes when the event starts.
        """
        if not self.registration_enabled:
            return "off"
        if self.status != self.Status.PUBLISHED:
            return "cancelled" if self.status == self.Status.CANCELLED else "draft"
        now = timezone.now()
        if self.registration_opens and now < self.registration_opens:
            return "not_yet"
        if now >= (self.registration_closes or self.start) or now >= self.start:
            return "closed"
        return "open"


class TicketType(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="ticket_types")
    name = models.CharField(_("name"), max_length=100, help_text=_("For example member, non-member, student."))
    price = models.DecimalField(_("price"), max_digits=10, decimal_places=2, default=Decimal("0"))
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True, help_text=_("Empty for no limit."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("ticket type")
        verbose_name_plural = _("ticket types")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class RegistrationQuestion(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        YES_NO = "yes_no", _("yes or no")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    label = models.CharField(_("question"), max_length=200)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label


class EventInvitation(models.Model):
    """For events "by invitation": who may register."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="event_invitation_unique_email")]


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        """Registrations that count against capacity: confirmed, and waiting-list offers still open."""
        return self.filter(status__in=Registration.HOLDING_A_PLACE)


class Registration(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("awaiting e-mail confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        OFFERED = "offered", _("offered a place")
        CANCELLED = "cancelled", _("cancelled")

    class PaymentMethod(models.TextChoices):
        NONE = "", _("no payment")
        INVOICE = "invoice", _("invoice")
        AT_VENUE = "at_venue", _("at the venue")

    class PaymentStatus(models.TextChoices):
        NOT_REQUIRED = "not_required", _("nothing to pay")
        UNPAID = "unpaid", _("unpaid")
        PAID = "paid", _("paid")

    HOLDING_A_PLACE = (Status.CONFIRMED, Status.OFFERED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="registrations", verbose_name=_("member"))
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, default="sv")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    # The status a guest's registration takes once the e-mail address is confirmed (confirmed or waiting).
    ticket_type = models.ForeignKey(TicketType, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="registrations", verbose_name=_("ticket type"))
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2, default=Decimal("0"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK)
    payment_method = models.CharField(_("payment"), max_length=10, choices=PaymentMethod.choices, blank=True,
                                      default=PaymentMethod.NONE)
    payment_status = models.CharField(_("payment status"), max_length=12, choices=PaymentStatus.choices,
                                      default=PaymentStatus.NOT_REQUIRED)
    # Kept apart from the payment method so an online payment provider can fill it later.
    payment_reference = models.CharField(_("payment reference"), max_length=120, blank=True)
    invoice_organisation = models.CharField(_("invoice to organisation"), max_length=200, blank=True)
    invoice_org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    invoice_reference = models.CharField(_("your reference"), max_length=120, blank=True)
    invoice_address = models.TextField(_("invoice address"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True,
                               help_text=_("Keyed by question id: text, a choice, a list of choices, or yes/no."))
    on_participant_list = models.BooleanField(_("show my name and organisation on the public participant list"),
                                              default=False)
    token = models.CharField(max_length=64, unique=True, default=_token,
                             help_text=_("The secret in the self-service link."))
    check_in_code = models.CharField(max_length=64, unique=True, default=_token,
                                     help_text=_("The secret in the QR code."))
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer holds until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["event", "status", "created_at"]),
                   models.Index(fields=["status", "offer_expires_at"])]
        constraints = [
            # One live registration per e-mail address and event; a cancelled one may be followed by a new one.
            models.UniqueConstraint(fields=["event", "email"], condition=~models.Q(status="cancelled"),
                                    name="registration_one_live_per_email"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("events:registration", args=[self.token])


class Feedback(models.Model):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    created_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")


class Speaker(models.Model):
    """A member, or a guest with name, organisation, bio and photo."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("member"))
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="speakers/", blank=True)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["event", "slug"], name="speaker_unique_slug_per_event")]

    def __str__(self) -> str:
        return self.name


class ProgrammeSession(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    room = models.CharField(_("room or track"), max_length=120, blank=True)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions", verbose_name=_("speakers"))
    links = models.JSONField(_("links"), default=list, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start", "room", "id"]

    def __str__(self) -> str:
        return self.title


class EventFile(models.Model):
    """Slides and files of a session, or photos and documents of the event's summary."""

    class Kind(models.TextChoices):
        SLIDES = "slides", _("slides")
        PHOTO = "photo", _("photo")
        DOCUMENT = "document", _("document")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="files")
    session = models.ForeignKey(ProgrammeSession, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="event-files/")
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("description of the image"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title


class Stand(models.Model):
    """An organisation presenting itself at the event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="stands")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="stands",
                                     verbose_name=_("organisation"))
    pitch = models.CharField(_("pitch"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stands")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["event", "organisation"], name="stand_unique_per_event")]


class CalendarToken(models.Model):
    """The secret in a member's personal calendar feed of registrations."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now_add=True)
