from django.urls import path

from . import views_programme as views

# Editing lives under programme/ so that "speakers/<speaker_slug>/" never meets a fixed word.
urlpatterns = [
    path("events/<slug:slug>/programme/", views.programme, name="programme"),
    path("events/<slug:slug>/programme/edit/", views.programme_edit, name="programme_edit"),
    path("events/<slug:slug>/programme/sessions/new/", views.session_create, name="session_create"),
    path("events/<slug:slug>/programme/sessions/<int:pk>/", views.session_edit, name="session_edit"),
    path("events/<slug:slug>/programme/sessions/<int:pk>/delete/", views.session_delete, name="session_delete"),
    path("events/<slug:slug>/programme/speakers/new/", views.speaker_create, name="speaker_create"),
    path("events/<slug:slug>/programme/speakers/<int:pk>/", views.speaker_edit, name="speaker_edit"),
    path("events/<slug:slug>/programme/speakers/<int:pk>/delete/", views.speaker_delete, name="speaker_delete"),
    path("events/<slug:slug>/programme/files/new/", views.file_add, name="file_add"),
    path("events/<slug:slug>/programme/files/<int:pk>/delete/", views.file_delete, name="file_delete"),
    path("events/<slug:slug>/files/<int:pk>/", views.file_download, name="file_download"),
    path("events/<slug:slug>/speakers/<slug:speaker_slug>/", views.speaker, name="speaker"),
    path("events/<slug:slug>/stands/", views.stands, name="stands"),
    path("events/<slug:slug>/stands/<int:pk>/remove/", views.stand_remove, name="stand_remove"),
    path("events/<slug:slug>/summary/edit/", views.summary_edit, name="summary_edit"),
]
