"""The partner marketplace: free ads, private conversations between an ad's owner and each respondent,
reports for moderation, blocks, and saved searches.

An ad is posted by a member, for themselves or for an organisation they are an active member of. It is
open until `valid_until` (then expired; renewable in one click), or marked matched — with partners,
which records a `samskap.actors.models.Partnership` — or closed by its owner.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage, Organisation, Partnership
from samskap.core.models import Place, Theme

DEFAULT_VALID_DAYS = 60


class AdKind(models.TextChoices):
    BUSINESS_IDEA = "business_idea", _("business idea seeking partners")
    SEEKING_COMPETENCE = "seeking_competence", _("seeking competence")
    OFFERING_COMPETENCE = "offering_competence", _("offering competence")
    COLLABORATION = "collaboration", _("collaboration")
    PREMISES = "premises", _("premises or equipment")
    VOLUNTEERS = "volunteers", _("volunteers wanted")
    BUY_SOCIAL = "buy_social", _("buy from a social enterprise")


def default_valid_until() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=DEFAULT_VALID_DAYS)


class AdQuerySet(models.QuerySet):
    def visible(self):
        """Not hidden by a moderator."""
        return self.filter(hidden_at__isnull=True)

    def open(self):
        return self.visible().filter(status=Ad.Status.OPEN)


class Ad(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("matched")
        CLOSED = "closed", pgettext_lazy("ad", "closed")
        EXPIRED = "expired", _("expired")

    kind = models.CharField(_("kind"), max_length=24, choices=AdKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ads",
                              verbose_name=_("posted by"))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="ads", verbose_name=_("for the organisation"),
                                     help_text=_("Leave empty to post for yourself."))
    themes = models.ManyToManyField(Theme, blank=True, related_name="ads", verbose_name=_("themes"))
    places = models.ManyToManyField(Place, blank=True, related_name="ads", verbose_name=_("places"))
    is_anywhere = models.BooleanField(_("anywhere or online"), default=False)
    valid_until = models.DateField(_("valid until"), default=default_valid_until)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    matched_at = models.DateTimeField(_("matched"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("hidden by"))
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AdQuerySet.as_manager()

    class Meta:
        verbose_name = _("ad")
        verbose_name_plural = _("ads")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="ad_open_newest",
                         condition=models.Q(status="open", hidden_at__isnull=True)),
            models.Index(fields=["valid_until", "id"], name="ad_open_closing_soon",
                         condition=models.Q(status="open", hidden_at__isnull=True)),
            models.Index(fields=["kind", "-created_at"], name="ad_kind_newest"),
            models.Index(fields=["owner", "-created_at"], name="ad_owner_newest"),
            models.Index(fields=["status", "valid_until"], name="ad_status_valid_until"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("marketplace:ad", args=[self.pk])

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def poster_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.owner.display_name


class AdPartner(models.Model):
    """A partner the owner picked when marking the ad matched, and the partnership recorded for it."""

    ad = models.ForeignKey(Ad, on_delete=models.CASCADE, related_name="partners")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("partner"))
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("for the organisation"))
    partnership = models.ForeignKey(Partnership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ad", "user"], name="ad_partner_once")]


class Conversation(models.Model):
    """The private exchange between an ad's owner and one respondent. Only the two of them see it."""

    ad = models.ForeignKey(Ad, on_delete=models.CASCADE, related_name="conversations")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversations",
                                   verbose_name=_("respondent"))
    respondent_organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                                related_name="+", verbose_name=_("replying for"))
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)
    owner_read_at = models.DateTimeField(null=True, blank=True)
    respondent_read_at = models.DateTimeField(null=True, blank=True)
    # The owner's and the respondent's last e-mail about unread messages here (one until they have read).
    owner_emailed_at = models.DateTimeField(null=True, blank=True)
    respondent_emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at"]
        constraints = [models.UniqueConstraint(fields=["ad", "respondent"], name="conversation_once_per_respondent")]
        indexes = [models.Index(fields=["respondent", "-last_message_at"], name="conversation_respondent")]

    def __str__(self) -> str:
        return f"{self.ad} – {self.respondent}"

    def get_absolute_url(self) -> str:
        return reverse("marketplace:conversation", args=[self.pk])


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("from"))
    body = models.TextField(_("message"), max_length=5000)
    attachment = models.FileField(_("attachment"), upload_to="marketplace/", blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["conversation", "created_at"], name="message_in_order")]


class Report(models.Model):
    """A member's report of an ad or a message, for the hub admins."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("to be looked at")
        HIDDEN = "hidden", _("hidden")
        DISMISSED = "dismissed", _("no action")

    ad = models.ForeignKey(Ad, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("reported by"))
    reason = models.TextField(_("what is wrong"), max_length=2000)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.OPEN)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = pgettext_lazy("moderation", "report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=models.Q(ad__isnull=False) | models.Q(message__isnull=False),
                                              name="report_is_about_something")]


class Block(models.Model):
    """`blocker` does not want messages from `blocked` (in any conversation)."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once")]


class SavedSearch(models.Model):
    """A member's ad filters, kept; new ads that match go into their notifications (and e-mail digest)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_ad_searches")
    name = models.CharField(_("name"), max_length=100)
    query = models.JSONField(_("filters"), default=dict)
    alerts = models.BooleanField(_("tell me about new ads"), default=True)
    last_checked_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name"]
