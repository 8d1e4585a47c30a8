from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samskap.core"
    verbose_name = _("Platform")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
        from .fragments import DIRECTORY, generation_follows
        from .models import Place, Theme

        generation_follows(DIRECTORY, models=(Place, Theme))  # cached pages show places' and themes' names
