"""Calendar feeds and the member's calendar page. Included before the pages' "events/<slug:slug>/"."""

from django.urls import path

from . import views_feeds

urlpatterns = [
    path("events/feed.ics", views_feeds.feed, name="feed"),
    path("events/feed/organisation/<slug:slug>.ics", views_feeds.feed_organisation, name="feed_organisation"),
    path("events/feed/theme/<slug:slug>.ics", views_feeds.feed_theme, name="feed_theme"),
    path("events/feed/place/<slug:slug>.ics", views_feeds.feed_place, name="feed_place"),
    path("events/feed/me/<str:token>.ics", views_feeds.feed_personal, name="feed_personal"),
    path("events/calendar/", views_feeds.my_calendar, name="my_calendar"),
    path("events/calendar/new-address/", views_feeds.my_calendar_renew, name="my_calendar_renew"),
    path("events/<slug:slug>/calendar.ics", views_feeds.event_calendar, name="event_ics"),
]
