from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "samskap.marketplace"
    verbose_name = _("marketplace")

    def ready(self):
        from samskap.core.fragments import MARKETPLACE, generation_follows

        from . import permissions  # noqa: F401  (registers the rules)
        from . import search  # noqa: F401  (registers ads as a kind of search result)
        from .models import Ad, AdPartner

        # Visitors' cached copies of the ad list and pages (samskap.core.fragments) follow every write.
        generation_follows(MARKETPLACE, models=(Ad, AdPartner), relations=(Ad.themes.through, Ad.places.through))
