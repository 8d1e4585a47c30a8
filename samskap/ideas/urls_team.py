from django.urls import path

from . import views_team as views

# Part B2: the team, invitations, stage moves and the checklist, the logbook and timeline, the hub's stages.
urlpatterns = [
    path("ideas/stages/", views.stages, name="stages"),
    path("ideas/stages/new/", views.stage_new, name="stage_new"),
    path("ideas/stages/<int:pk>/", views.stage_edit, name="stage_edit"),
    path("ideas/stages/<int:pk>/move/", views.stage_reorder, name="stage_reorder"),
    path("ideas/stages/<int:pk>/delete/", views.stage_delete, name="stage_delete"),
    path("ideas/stages/<int:pk>/checklist/new/", views.checklist_item_new, name="checklist_item_new"),
    path("ideas/stages/checklist/<int:pk>/", views.checklist_item_edit, name="checklist_item_edit"),
    path("ideas/stages/checklist/<int:pk>/move/", views.checklist_item_reorder, name="checklist_item_reorder"),
    path("ideas/stages/checklist/<int:pk>/delete/", views.checklist_item_delete, name="checklist_item_delete"),
    path("ideas/invitations/<str:token>/", views.team_invitation, name="team_invitation"),
    path("ideas/<int:pk>/team/", views.idea_team, name="idea_team"),
    path("ideas/<int:pk>/team/invite/", views.team_invite, name="team_invite"),
    path("ideas/<int:pk>/team/leave/", views.team_leave, name="team_leave"),
    path("ideas/<int:pk>/team/<int:member_pk>/role/", views.team_member_role, name="team_member_role"),
    path("ideas/<int:pk>/team/<int:member_pk>/remove/", views.team_member_remove, name="team_member_remove"),
    path("ideas/<int:pk>/team/<int:member_pk>/resend/", views.team_invitation_resend, name="team_invitation_resend"),
    path("ideas/<int:pk>/team/<int:member_pk>/cancel/", views.team_invitation_cancel, name="team_invitation_cancel"),
    path("ideas/<int:pk>/stage/", views.idea_stage, name="idea_stage"),
    path("ideas/<int:pk>/checklist/<int:item_pk>/", views.checklist_tick, name="checklist_tick"),
    path("ideas/<int:pk>/log/", views.idea_log, name="idea_log"),
    path("ideas/<int:pk>/log/<int:entry_pk>/delete/", views.idea_log_delete, name="idea_log_delete"),
    path("ideas/<int:pk>/timeline/", views.idea_timeline, name="idea_timeline"),
]
