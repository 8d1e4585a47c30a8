from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samskap.events"
    verbose_name = _("events")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
        from . import search  # noqa: F401  (registers events and programme sessions as kinds of search results)
