from django.urls import path

from . import views

# Fixed words first: "events/<slug:slug>/" would take them for slugs (event slugs end in a date, so
# services.RESERVED_SLUGS only guards the fixed words of other parts).
urlpatterns = [
    path("events/", views.event_list, name="events"),
    path("events/month/", views.event_month, name="month"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>/edit/", views.event_edit, name="event_edit"),
    path("events/<slug:slug>/cancel/", views.event_cancel, name="event_cancel"),
    path("events/<slug:slug>/publish/", views.event_publish, name="event_publish"),
]
