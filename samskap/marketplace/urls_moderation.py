from django.urls import path

from . import views_moderation as views

urlpatterns = [
    path("marketplace/<int:pk>/report/", views.report_ad, name="report_ad"),
    path("marketplace/messages/<int:conversation_pk>/report/<int:message_pk>/", views.report_message,
         name="report_message"),
    path("marketplace/moderation/", views.moderation, name="moderation"),
    path("marketplace/moderation/ads/<int:pk>/hide/", views.ad_hide, name="moderation_ad_hide"),
    path("marketplace/moderation/ads/<int:pk>/unhide/", views.ad_unhide, name="moderation_ad_unhide"),
    path("marketplace/moderation/messages/<int:pk>/hide/", views.message_hide, name="moderation_message_hide"),
    path("marketplace/moderation/messages/<int:pk>/unhide/", views.message_unhide,
         name="moderation_message_unhide"),
    path("marketplace/moderation/reports/<int:pk>/dismiss/", views.report_dismiss, name="moderation_dismiss"),
]
