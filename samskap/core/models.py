import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def time_zone_choices() -> list[tuple[str, str]]:
    """Offer the Nordic zones first; any IANA zone is valid."""
    nordic = ["Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Atlantic/Reykjavik"]
    others = sorted(zoneinfo.available_timezones() - set(nordic))
    return [(name, name.replace("_", " ")) for name in nordic + others]


class HubSettings(models.Model):
    """The hub that runs this Samskap: one row, edited by hub admins."""

    SINGLETON_ID = 1

    name = models.CharField(_("name"), max_length=120, default="Samskap")
    logo = models.ImageField(_("logo"), upload_to="hub/", blank=True)
    logo_alt = models.CharField(
        _("logo description"), max_length=200, blank=True,
        help_text=_("Read by screen readers instead of the logo. Leave empty if the logo only repeats the name."),
    )
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    time_zone = models.CharField(_("time zone"), max_length=64, choices=time_zone_choices, default=settings.TIME_ZONE)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("hub settings")
        verbose_name_plural = _("hub settings")

    def __str__(self) -> str:
        return self.name


class Country(models.TextChoices):
    SWEDEN = "SE", _("Sweden")
    NORWAY = "NO", _("Norway")
    DENMARK = "DK", _("Denmark")
    FINLAND = "FI", _("Finland")
    ICELAND = "IS", _("Iceland")


class Place(models.Model):
    """Country → region → municipality → neighbourhood. Every actor, idea, event and ad can be placed."""

    class Level(models.TextChoices):
        COUNTRY = "country", _("country")
        REGION = "region", _("region")
        MUNICIPALITY = "municipality", _("municipality")
        NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")

    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("part of"))
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    code = models.CharField(_("official code"), max_length=20, blank=True,
                            help_text=_("For example the municipality number; empty for neighbourhoods."))
    name = models.CharField(_("name"), max_length=120, help_text=_("The local name, e.g. Malmö, Tromsø, Aarhus."))
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["country", "name"]
        indexes = [models.Index(fields=["country", "level", "name"])]
        constraints = [
            models.UniqueConstraint(fields=["country", "level", "code"], condition=~models.Q(code=""),
                                    name="place_unique_official_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """The hub's shared taxonomy: focus areas, the UN SDGs and societal challenges, labelled in four languages."""

    class Kind(models.TextChoices):
        FOCUS_AREA = "focus_area", _("focus area")
        SDG = "sdg", _("Sustainable Development Goal")
        CHALLENGE = "challenge", _("societal challenge")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    labels = models.JSONField(_("labels"), default=dict,
                              help_text=_('The name in each language, e.g. {"en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"}.'))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["kind", "position", "slug"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        return self.labels.get(get_language() or "en") or self.labels.get("en") or self.slug


class SearchEntry(models.Model):
    """One indexed thing (organisation, person, group …): what search matches, ranks and shows.

    The full-text index is derived from `kind`, `title_keys` and `body_keys` inside the database:
    on PostgreSQL generated `search_vector` and `title_vector` columns with GIN indexes, on SQLite
    the FTS5 table `core_searchentry_fts` kept in step by triggers (made in migration 0004, not by
    the ORM, which does not know them).
    """

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=8, blank=True)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500, blank=True)
    title_keys = models.TextField(blank=True)
    body_keys = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    body = models.TextField(blank=True)  # plain text, shortened into the snippet

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once_per_object")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class SearchTerm(models.Model):
    """Every key in the index: the vocabulary that typo tolerance looks words up in."""

    term = models.CharField(max_length=100, unique=True)

    def __str__(self) -> str:
        return self.term


class SearchTermVariant(models.Model):
    """A vocabulary term, or it with one letter dropped: one-edit look-ups are exact index look-ups (SymSpell)."""

    variant = models.CharField(max_length=100)
    term = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["variant", "term"], name="search_term_variant_once")]

    def __str__(self) -> str:
        return f"{self.variant} → {self.term}"
