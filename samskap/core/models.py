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
