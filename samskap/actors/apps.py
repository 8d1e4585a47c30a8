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

        from samskap.core.fragments import DIRECTORY, generation_follows

        from .models import GroupMembership, LocalGroup, Membership, Organisation

        user = get_user_model()
        generation_follows(DIRECTORY, models=(Organisation, Membership, LocalGroup, GroupMembership, user),
                           relations=(relation.through for relation in (
                               Organisation.themes, Organisation.offer_themes, Organisation.seek_themes,
                               Organisation.areas_served, LocalGroup.organisations, user.themes)))
