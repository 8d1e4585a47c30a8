from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samskap.core"
    verbose_name = _("Platform")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import permissions  # noqa: F401  (registers the rules)
        from .fragments import directory_changed
        from .models import Place, Theme

        for model in (Place, Theme):
            post_save.connect(directory_changed, sender=model, dispatch_uid=f"directory-{model.__name__}-saved")
            post_delete.connect(directory_changed, sender=model, dispatch_uid=f"directory-{model.__name__}-deleted")
