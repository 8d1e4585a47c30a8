from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "samskap.actors"
    verbose_name = _("Directory")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
        from . import permissions_groups  # noqa: F401  (people search and local groups)
        from . import search  # noqa: F401  (registers the directory's kinds of search results)
        self._watch_for_directory_changes()

    @staticmethod
    def _watch_for_directory_changes():
        """Outdate cached directory fragments on every write to what they show (see samskap.core.fragments)."""
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from samskap.core.fragments import directory_changed

        from .models import GroupMembership, LocalGroup, Membership, Organisation

        for model in (Organisation, Membership, LocalGroup, GroupMembership, get_user_model()):
            post_save.connect(directory_changed, sender=model, dispatch_uid=f"directory-{model.__name__}-saved")
            post_delete.connect(directory_changed, sender=model, dispatch_uid=f"directory-{model.__name__}-deleted")
        for relation in (Organisation.themes, Organisation.offer_themes, Organisation.seek_themes,
                         Organisation.areas_served, LocalGroup.organisations, get_user_model().themes):
            m2m_changed.connect(directory_changed, sender=relation.through,
                                dispatch_uid=f"directory-{relation.through.__name__}-changed")
