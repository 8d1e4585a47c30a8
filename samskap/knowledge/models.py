"""The knowledge base: resources (methods, tools, guides, links …), curated collections and funding calls.

A resource is written once, in its own language (`language`); versions of it in other languages share
`translation_group`. A method card is a resource of kind "method" with the structured fields filled in.
Links are checked in the background (samskap.knowledge.linkcheck): `link_status` says what was found.
"""

import uuid
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskap.actors.models import ContentLanguage, Organisation, OrganisationKind
from samskap.core.fields import ChoiceListField
from samskap.core.models import Place, Theme, time_zone_choices


class ResourceKind(models.TextChoices):
    METHOD = "method", _("method")
    TOOL = "tool", _("tool")
    GUIDE = "guide", _("guide")
    REPORT = "report", _("report")
    CASE = "case", _("case story")
    TEMPLATE = "template", _("template")
    LINK = "link", _("link")
    VIDEO = "video", _("video")


class Audience(models.TextChoices):
    RESIDENTS = "residents", _("residents")
    ENTREPRENEURS = "entrepreneurs", _("entrepreneurs")
    MUNICIPALITIES = "municipalities", _("municipalities")
    FACILITATORS = "facilitators", _("facilitators")


class LinkStatus(models.TextChoices):
    UNCHECKED = "unchecked", _("not checked yet")
    OK = "ok", _("works")
    REDIRECTED = "redirected", _("moved")
    BROKEN = "broken", _("broken")


def url_normalised(url: str) -> str:
    """The form of a URL used to spot duplicates: no scheme, no "www.", no fragment, no trailing slash,
    lower-case host ("https://www.Example.org/a/" and "http://example.org/a" are one link)."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/")
    return urlunsplit(("", host, path, parts.query, "")).lstrip("/")


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Resource(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=ResourceKind.choices, default=ResourceKind.LINK)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=320, unique=True)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV,
                                help_text=_("The language the title, summary and text are written in."))
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links, headings."))
    file = models.FileField(_("file"), upload_to="knowledge/", blank=True)
    url = models.URLField(_("web address"), max_length=1000, blank=True)
    url_normalised = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="resources", verbose_name=_("themes"))
    places = models.ManyToManyField(Place, blank=True, related_name="resources", verbose_name=_("places"))
    author_person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="authored_resources", verbose_name=_("author"))
    author_organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                            related_name="resources", verbose_name=_("organisation"))
    author_name = models.CharField(_("author (if not in the directory)"), max_length=200, blank=True)
    audiences = ChoiceListField(_("for"), choices=Audience.choices, max_length=100)
    published_on = models.DateField(_("date"), default=timezone.localdate)
    translation_group = models.UUIDField(_("versions in other languages"), default=uuid.uuid4, db_index=True)
    is_published = models.BooleanField(_("published"), default=True)

    # Method cards (kind "method").
    purpose = models.TextField(_("purpose"), max_length=2000, blank=True)
    when_to_use = models.TextField(_("when to use it"), max_length=2000, blank=True)
    group_size_min = models.PositiveIntegerField(_("smallest group"), null=True, blank=True)
    group_size_max = models.PositiveIntegerField(_("largest group"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    materials = models.TextField(_("materials"), max_length=2000, blank=True, help_text=_("One per line."))
    steps = models.TextField(_("steps"), max_length=10000, blank=True, help_text=_("One step per line, in order."))
    facilitator_tips = models.TextField(_("tips for the facilitator"), max_length=5000, blank=True)
    related_methods = models.ManyToManyField("self", blank=True, symmetrical=True,
                                             verbose_name=_("related methods"))

    # Link checking (samskap.knowledge.linkcheck).
    link_status = models.CharField(_("link"), max_length=12, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED)
    link_checked_at = models.DateTimeField(_("link checked"), null=True, blank=True)
    link_status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    link_error = models.CharField(_("what went wrong"), max_length=300, blank=True)
    link_final_url = models.URLField(_("moved to"), max_length=1000, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("added by"))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["-published_on", "-id"], name="resource_listed_newest",
                         condition=models.Q(is_published=True)),
            models.Index(fields=["kind", "-published_on"], name="resource_kind_newest"),
            models.Index(fields=["language", "-published_on"], name="resource_language_newest"),
            models.Index(fields=["link_status"], name="resource_link_status"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:resource", args=[self.slug])

    def save(self, *args, **kwargs):
        self.url_normalised = url_normalised(self.url)
        super().save(*args, **kwargs)

    @property
    def is_method_card(self) -> bool:
        return self.kind == ResourceKind.METHOD

    @property
    def step_list(self) -> list[str]:
        return [line.strip() for line in self.steps.splitlines() if line.strip()]

    @property
    def material_list(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]

    @property
    def author_label(self) -> str:
        if self.author_organisation_id:
            return self.author_organisation.name
        if self.author_person_id:
            return self.author_person.display_name
        return self.author_name


class Collection(models.Model):
    """A curated, ordered list of resources, made by a facilitator (e.g. "Getting started with a neighbourhood incubator")."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    resources = models.ManyToManyField(Resource, through="CollectionItem", related_name="collections",
                                       verbose_name=_("resources"))
    is_published = models.BooleanField(_("published"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("made by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:collection", args=[self.slug])


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(_("position"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("resource in a collection")
        verbose_name_plural = _("resources in a collection")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["collection", "resource"], name="collection_item_once")]


class FundingCallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open(self, now=None):
        """Calls still open: rolling, or with a deadline still ahead."""
        now = now or timezone.now()
        return self.filter(models.Q(is_rolling=True) | models.Q(next_deadline__gte=now))


class FundingCall(models.Model):
    """A funding call from a funder (an organisation in the directory): EU structural funds, a regional growth
    forum, a municipal pool, a foundation's programme."""

    class Currency(models.TextChoices):
        SEK = "SEK", "SEK"
        NOK = "NOK", "NOK"
        DKK = "DKK", "DKK"
        EUR = "EUR", "EUR"

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=320, unique=True)
    funder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="funding_calls",
                               verbose_name=_("funder"))
    programme = models.CharField(_("programme"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    amount_min = models.DecimalField(_("smallest grant"), max_digits=14, decimal_places=0, null=True, blank=True)
    amount_max = models.DecimalField(_("largest grant"), max_digits=14, decimal_places=0, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK)
    is_rolling = models.BooleanField(_("rolling (apply any time)"), default=False)
    time_zone = models.CharField(_("time zone of the deadlines"), max_length=64, choices=time_zone_choices,
                                 default="Europe/Stockholm")
    # The earliest deadline still ahead (kept by the services and funding_tick): for "closing soon" and sorting.
    next_deadline = models.DateTimeField(_("next deadline"), null=True, blank=True, editable=False)
    eligible_kinds = ChoiceListField(_("kinds of organisation that may apply"), choices=OrganisationKind.choices,
                                     help_text=_("None ticked: any kind."))
    eligible_places = models.ManyToManyField(Place, blank=True, related_name="funding_calls",
                                             verbose_name=_("countries and regions"),
                                             help_text=_("None chosen: anywhere."))
    themes = models.ManyToManyField(Theme, blank=True, related_name="funding_calls", verbose_name=_("themes"))
    eligibility = models.TextField(_("who may apply"), max_length=5000, blank=True)
    co_financing = models.CharField(_("co-financing"), max_length=300, blank=True,
                                    help_text=_("For example: half of the budget from other sources."))
    url = models.URLField(_("web address"), max_length=1000, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    alerts_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    link_status = models.CharField(_("link"), max_length=12, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED)
    link_checked_at = models.DateTimeField(_("link checked"), null=True, blank=True)
    link_status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    link_error = models.CharField(_("what went wrong"), max_length=300, blank=True)
    link_final_url = models.URLField(_("moved to"), max_length=1000, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("added by"))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FundingCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["next_deadline", "title"]
        indexes = [models.Index(fields=["next_deadline", "id"], name="funding_call_by_deadline"),
                   models.Index(fields=["-created_at"], name="funding_call_newest")]
        constraints = [models.CheckConstraint(
            condition=models.Q(amount_min__isnull=True) | models.Q(amount_max__isnull=True)
            | models.Q(amount_min__lte=models.F("amount_max")), name="funding_call_amounts_in_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:funding_call", args=[self.slug])


class FundingDeadline(models.Model):
    """One deadline of a call (a call may have several: a first and a second round, an outline and a full application)."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="deadlines")
    label = models.CharField(_("what is due"), max_length=200, blank=True, help_text=_("For example: outline application."))
    due = models.DateTimeField(_("deadline"))

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due"]
        indexes = [models.Index(fields=["due"])]


class LinkImport(models.Model):
    """An upload of links (CSV or XLSX) checked in the background, then written on the curator's word.

    The task worker fills `progress`/`total` as it goes (the page shows a progress bar) and leaves the
    per-row report in `report`."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("checking")
        CHECKED = "checked", _("checked")
        IMPORTING = "importing", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    file = models.FileField(upload_to="knowledge-imports/")
    file_name = models.CharField(max_length=300)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CHECKING)
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("link import")
        verbose_name_plural = _("link imports")
        ordering = ["-created_at"]
