from django.urls import path

from . import views

# Fixed words first: "knowledge/<slug:slug>/" would take them for slugs (services.RESERVED_SLUGS keeps
# resources from taking the fixed words of this and the other parts).
urlpatterns = [
    path("knowledge/", views.resource_list, name="resources"),
    path("knowledge/new/", views.resource_create, name="resource_new"),
    path("knowledge/collections/", views.collection_list, name="collections"),
    path("knowledge/collections/new/", views.collection_create, name="collection_new"),
    path("knowledge/collections/<slug:slug>/", views.collection_detail, name="collection"),
    path("knowledge/collections/<slug:slug>/edit/", views.collection_edit, name="collection_edit"),
    path("knowledge/collections/<slug:slug>/delete/", views.collection_delete, name="collection_delete"),
    path("knowledge/<slug:slug>/", views.resource_detail, name="resource"),
    path("knowledge/<slug:slug>/file/", views.resource_file, name="resource_file"),
    path("knowledge/<slug:slug>/edit/", views.resource_edit, name="resource_edit"),
    path("knowledge/<slug:slug>/delete/", views.resource_delete, name="resource_delete"),
    path("knowledge/<slug:slug>/publish/", views.resource_publish, name="resource_publish"),
    path("knowledge/<slug:slug>/versions/", views.resource_versions, name="resource_versions"),
]
