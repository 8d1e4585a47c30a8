from django.urls import include, path

from . import urls_battle, urls_cafe, urls_dots, urls_space, views

app_name = "workshops"
urlpatterns = [
    path("workshops/", views.workshop_list, name="workshops"),
    path("workshops/new/", views.workshop_new, name="new"),
    path("workshops/join/", views.join, name="join"),
    path("workshops/<int:pk>/", views.workshop_detail, name="workshop"),
    path("workshops/<int:pk>/prepare/", views.workshop_prepare, name="prepare"),
    path("workshops/<int:pk>/facilitators/", views.facilitators, name="facilitators"),
    path("workshops/<int:pk>/delete/", views.workshop_delete, name="delete"),
    path("workshops/<int:pk>/console/", views.console, name="console"),
    path("workshops/<int:pk>/console/part/", views.console_part, name="console_part"),
    path("workshops/<int:pk>/run/<str:action>/", views.run, name="run"),
    path("w/<str:code>/", views.phone, name="phone"),
    path("w/<str:code>/part/", views.phone_part, name="phone_part"),
    path("w/<str:code>/projector/", views.projector, name="projector"),
    path("w/<str:code>/projector/part/", views.projector_part, name="projector_part"),
    path("w/<str:code>/version/", views.version, name="version"),
    path("w/<str:code>/act/", views.act, name="act"),
    path("", include(urls_cafe)),
    path("", include(urls_space)),
    path("", include(urls_dots)),
    path("", include(urls_battle)),
]
