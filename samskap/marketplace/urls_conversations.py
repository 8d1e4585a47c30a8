from django.urls import path

from . import views_conversations as views

urlpatterns = [
    path("marketplace/messages/", views.inbox, name="inbox"),
    path("marketplace/messages/<int:pk>/", views.conversation, name="conversation"),
    path("marketplace/messages/<int:pk>/files/<int:message_pk>/", views.attachment, name="attachment"),
    path("marketplace/messages/<int:pk>/block/", views.block, name="block"),
    path("marketplace/messages/blocked/<int:user_pk>/unblock/", views.unblock, name="unblock"),
    path("marketplace/<int:pk>/reply/", views.reply, name="reply"),
    path("marketplace/<int:pk>/matched/", views.ad_matched, name="ad_matched"),
]
