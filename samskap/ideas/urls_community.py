from django.urls import path

from . import views_community as views

# Part C: support, follow, comments, reports and moderation. Fixed words ("ideas/moderation/", "ideas/comments/")
# come before "ideas/<int:pk>/…".
urlpatterns = [
    path("ideas/moderation/", views.moderation, name="moderation"),
    path("ideas/moderation/ideas/<int:pk>/hide/", views.moderation_idea_hide, name="moderation_idea_hide"),
    path("ideas/moderation/ideas/<int:pk>/unhide/", views.moderation_idea_unhide, name="moderation_idea_unhide"),
    path("ideas/moderation/comments/<int:pk>/hide/", views.moderation_comment_hide, name="moderation_comment_hide"),
    path("ideas/moderation/comments/<int:pk>/unhide/", views.moderation_comment_unhide,
         name="moderation_comment_unhide"),
    path("ideas/moderation/reports/<int:pk>/dismiss/", views.moderation_dismiss, name="moderation_dismiss"),
    path("ideas/comments/<int:pk>/", views.comment, name="comment"),
    path("ideas/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("ideas/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("ideas/comments/<int:pk>/report/", views.report_comment, name="report_comment"),
    path("ideas/<int:pk>/support/", views.idea_support, name="idea_support"),
    path("ideas/<int:pk>/follow/", views.idea_follow, name="idea_follow"),
    path("ideas/<int:pk>/comments/", views.idea_comment, name="idea_comment"),
    path("ideas/<int:pk>/report/", views.report_idea, name="report_idea"),
]
