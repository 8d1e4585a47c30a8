from django.urls import path

from . import views_registration as views

urlpatterns = [
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/register/sent/", views.register_sent, name="register_sent"),
    path("events/registrations/<str:token>/", views.registration_detail, name="registration"),
    path("events/registrations/<str:token>/confirm/", views.registration_confirm, name="registration_confirm"),
    path("events/registrations/<str:token>/cancel/", views.registration_cancel, name="registration_cancel"),
    path("events/registrations/<str:token>/offer/", views.offer, name="offer"),
    path("events/registrations/<str:token>/feedback/", views.feedback, name="feedback"),
    path("events/registrations/<str:token>/event.ics", views.registration_ics, name="registration_ics"),
]
