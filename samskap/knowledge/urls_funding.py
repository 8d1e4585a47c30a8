"""Funding pages and the deadline calendars. Fixed words first: "funding/<slug:slug>/" would take them for slugs
(services_funding.RESERVED_SLUGS keeps calls from taking them)."""

from django.urls import path

from . import views_funding as views

urlpatterns = [
    path("funding/", views.funding_calls, name="funding_calls"),
    path("funding/closing-soon/", views.funding_closing_soon, name="funding_closing_soon"),
    path("funding/for-me/", views.funding_for_me, name="funding_for_me"),
    path("funding/new/", views.funding_call_new, name="funding_call_new"),
    path("funding/deadlines.ics", views.funding_deadlines_ical, name="funding_deadlines_ical"),
    path("funding/<slug:slug>/", views.funding_call, name="funding_call"),
    path("funding/<slug:slug>/edit/", views.funding_call_edit, name="funding_call_edit"),
    path("funding/<slug:slug>/delete/", views.funding_call_delete, name="funding_call_delete"),
    path("funding/<slug:slug>/published/", views.funding_call_set_published, name="funding_call_set_published"),
    path("funding/<slug:slug>/deadlines.ics", views.funding_call_ical, name="funding_call_ical"),
]
