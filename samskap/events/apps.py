from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "samskap.events"
    verbose_name = _("events")

    def ready(self):
        from samskap.core.fragments import EVENTS, generation_follows

        from . import permissions  # noqa: F401  (registers the rules)
        from . import search  # noqa: F401  (registers events and programme sessions as kinds of search results)
        from .models import (Event, EventFile, EventSeries, ProgrammeSession, Registration, Speaker, Stand,
                             TicketType)

        # Visitors' cached copies of the event list and pages (samskap.core.fragments) follow every write.
        generation_follows(EVENTS, models=(Event, EventSeries, TicketType, Registration, ProgrammeSession, Speaker,
                                           EventFile, Stand),
                           relations=(Event.organisers.through, Event.themes.through,
                                      ProgrammeSession.speakers.through))
