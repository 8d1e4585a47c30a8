"""Incubators (/incubators/…), intake rounds (/rounds/<pk>/…) and applications (/applications/<pk>/…).

Incubator slugs may carry letters such as å or ø, so they are matched as `str` (never "new", which comes first)."""

from django.urls import path

from . import views_incubator as views

urlpatterns = [
    path("incubators/", views.incubators, name="incubators"),
    path("incubators/new/", views.incubator_new, name="incubator_new"),
    path("incubators/<str:slug>/", views.incubator, name="incubator"),
    path("incubators/<str:slug>/edit/", views.incubator_edit, name="incubator_edit"),
    path("incubators/<str:slug>/rounds/new/", views.round_new, name="round_new"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("rounds/<int:pk>/apply/", views.round_apply, name="round_apply"),
    path("rounds/<int:pk>/reviews/", views.round_reviews, name="round_reviews"),
    path("rounds/<int:pk>/ranking/", views.round_ranking, name="round_ranking"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/review/", views.application_review, name="application_review"),
    path("applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
]
