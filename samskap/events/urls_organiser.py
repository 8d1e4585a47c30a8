from django.urls import path, re_path

from . import views_organiser as views

urlpatterns = [
    path("events/<slug:slug>/participants/", views.participants, name="participants"),
    path("events/<slug:slug>/participants/<int:pk>/payment/", views.participant_payment, name="participant_payment"),
    re_path(r"^events/(?P<slug>[-\w]+)/participants/(?P<kind>registrations|bookkeeping)\.(?P<file_format>csv|xlsx)$",
            views.participants_export, name="participants_export"),
    path("events/<slug:slug>/participants/badges.pdf", views.participants_badges, name="participants_badges"),
    path("events/<slug:slug>/participants/sign-in-list.pdf", views.participants_sign_in_list,
         name="participants_sign_in_list"),
    path("events/<slug:slug>/invitations/", views.event_invitations, name="invitations"),
    path("events/<slug:slug>/invitations/<int:pk>/", views.event_invitation_change, name="invitation_change"),
    path("events/<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("events/<slug:slug>/check-in/counts/", views.check_in_counts, name="check_in_counts"),
    path("events/<slug:slug>/check-in/<int:pk>/undo/", views.check_in_undo, name="check_in_undo"),
]
