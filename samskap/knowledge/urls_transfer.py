from django.urls import path

from . import views_transfer

urlpatterns = [
    path("knowledge/import/", views_transfer.link_import, name="import"),
    path("knowledge/import/<int:pk>/", views_transfer.link_import_detail, name="import_detail"),
    path("knowledge/import/<int:pk>/progress/", views_transfer.link_import_progress, name="import_progress"),
    path("knowledge/import/<int:pk>/confirm/", views_transfer.link_import_confirm_view, name="import_confirm"),
    path("knowledge/import/<int:pk>/errors.csv", views_transfer.link_import_errors, name="import_errors"),
    path("knowledge/export/", views_transfer.link_export, name="export"),
    path("knowledge/links/", views_transfer.links_report, name="links"),
    path("knowledge/links/check/", views_transfer.links_check_view, name="links_check"),
    path("knowledge/links/accept-redirect/", views_transfer.links_accept_redirect, name="links_accept_redirect"),
]
