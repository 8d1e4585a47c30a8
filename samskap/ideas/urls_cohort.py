"""The cohort: the facilitators' board (/incubators/<slug>/board/…) and an idea's mentors, support sessions and
milestones (/ideas/<pk>/mentors|sessions|milestones/…)."""

from django.urls import path

from . import views_cohort as views

urlpatterns = [
    path("incubators/<str:slug>/board/", views.board, name="board"),
    path("incubators/<str:slug>/board/move/", views.board_move, name="board_move"),
    path("ideas/<int:pk>/mentors/", views.idea_mentors, name="idea_mentors"),
    path("ideas/<int:pk>/mentors/<int:user_pk>/remove/", views.idea_mentor_remove, name="idea_mentor_remove"),
    path("ideas/<int:pk>/sessions/", views.idea_sessions, name="idea_sessions"),
    path("ideas/<int:pk>/sessions/<int:session_pk>/edit/", views.idea_session_edit, name="idea_session_edit"),
    path("ideas/<int:pk>/sessions/<int:session_pk>/delete/", views.idea_session_delete, name="idea_session_delete"),
    path("ideas/<int:pk>/milestones/", views.idea_milestones, name="idea_milestones"),
    path("ideas/<int:pk>/milestones/<int:milestone_pk>/edit/", views.idea_milestone_edit, name="idea_milestone_edit"),
    path("ideas/<int:pk>/milestones/<int:milestone_pk>/done/", views.idea_milestone_done, name="idea_milestone_done"),
    path("ideas/<int:pk>/milestones/<int:milestone_pk>/delete/", views.idea_milestone_delete,
         name="idea_milestone_delete"),
]
