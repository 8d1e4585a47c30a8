import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskap.core.models import time_zone_choices

# Languages people speak, for profiles: the hub's four plus common languages in Nordic neighbourhoods.
SPOKEN_LANGUAGES = [
    ("sv", _("Swedish")),
    ("nb", _("Norwegian")),
    ("da", _("Danish")),
    ("en", _("English")),
    ("fi", _("Finnish")),
    ("is", _("Icelandic")),
    ("se", _("Northern Sami")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("fa", _("Persian")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
]


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")
    ONLY_ME = "only_me", _("Only me")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. E-mail is the log-in; hub admins are superusers."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    preferred_language = models.CharField(
        _("language of the site"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    time_zone = models.CharField(_("time zone"), max_length=64, choices=time_zone_choices, blank=True)
    avatar = models.ImageField(_("profile picture"), upload_to="avatars/", blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email_visibility = models.CharField(
        _("who sees your e-mail address"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    phone_visibility = models.CharField(
        _("who sees your phone number"), max_length=10, choices=Visibility.choices, default=Visibility.ONLY_ME
    )
    skills = models.CharField(_("skills"), max_length=500, blank=True,
                              help_text=_("Separate with commas, e.g. facilitation, bookkeeping, Arabic."))
    interests = models.CharField(_("interests"), max_length=500, blank=True)
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="people", verbose_name=_("themes"))
    place = models.ForeignKey("core.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="people",
                              verbose_name=_("where you are"))
    listed_in_directory = models.BooleanField(
        _("show me in the directory"), default=False,
        help_text=_("Others can find your profile, skills and organisations in the directory and search."),
    )
    is_mentor = models.BooleanField(_("mentor"), default=False, help_text=_("Follows ideas and logs support sessions."))
    is_facilitator = models.BooleanField(
        _("facilitator"), default=False, help_text=_("Runs the incubator, events and live workshops for the hub.")
    )
    digest = models.CharField(
        _("e-mail digest"), max_length=8, default="weekly",
        choices=[("off", _("no e-mail")), ("daily", _("daily")), ("weekly", _("weekly"))],
        help_text=_("Your notifications gathered in one e-mail instead of one e-mail each."),
    )
    digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.email.split("@")[0]

    @property
    def language_names(self) -> list[str]:
        return [str(label) for code, label in SPOKEN_LANGUAGES if code in self.languages]

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token for scripts. Only its hash is stored; the key is shown once."""

    PREFIX = "smk_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("starts with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def new_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)


class Notification(models.Model):
    """Something a member should know about: shown in their notification list and gathered into their
    e-mail digest (samskap.accounts.notifications). Made only by services, after commit."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user"))
    kind = models.CharField(_("kind"), max_length=40)
    # Stops the same news twice, e.g. "funding-call:12" for one call fitting one member's organisation.
    key = models.CharField(max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), max_length=2000, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("sent in a digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_inbox"),
                   models.Index(fields=["user", "read_at"], name="notification_unread"),
                   models.Index(fields=["emailed_at", "user"], name="notification_digest")]
        constraints = [models.UniqueConstraint(fields=["user", "key"], condition=~models.Q(key=""),
                                               name="notification_once_per_key")]

    def __str__(self) -> str:
        return self.title
