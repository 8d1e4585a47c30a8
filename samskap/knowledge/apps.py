from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "samskap.knowledge"
    verbose_name = _("knowledge base")

    def ready(self):
        from samskap.core.fragments import KNOWLEDGE, generation_follows

        from . import permissions  # noqa: F401  (registers the rules)
        from . import search  # noqa: F401  (registers resources and funding calls as kinds of search results)
        from .models import Collection, CollectionItem, FundingCall, FundingDeadline, Resource

        # Visitors' cached copies of the knowledge pages (samskap.core.fragments) follow every write.
        generation_follows(KNOWLEDGE, models=(Resource, Collection, CollectionItem, FundingCall, FundingDeadline),
                           relations=(Resource.themes.through, Resource.places.through,
                                      Resource.related_methods.through, FundingCall.themes.through,
                                      FundingCall.eligible_places.through))
