from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "samskap.actors"
    verbose_name = _("Directory")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
        from . import permissions_groups  # noqa: F401  (people search and local groups)
        from . import search  # noqa: F401  (registers the directory's kinds of search results)
