from django.urls import path

from . import views, views_groups, views_map, views_people, views_transfer

app_name = "actors"
# Fixed words come before "organisations/<slug:slug>/", which would otherwise take them for slugs;
# services.RESERVED_SLUGS keeps organisations from being given them.
urlpatterns = [
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/map/", views_map.organisation_map, name="organisation_map"),
    path("organisations/export/", views_transfer.organisation_export, name="organisation_export"),
    path("organisations/import/", views_transfer.organisation_import, name="organisation_import"),
    path("organisations/import/confirm/", views_transfer.organisation_import_confirm,
         name="organisation_import_confirm"),
    path("organisations/invitations/<str:token>/", views.invitation_respond, name="invitation"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path("organisations/<slug:slug>/members/<int:pk>/", views.membership_change, name="membership_change"),
    path("organisations/<slug:slug>/join/", views.organisation_join, name="organisation_join"),
    path("organisations/<slug:slug>/leave/", views.organisation_leave, name="organisation_leave"),
    path("organisations/<slug:slug>/verify/", views.organisation_verify, name="organisation_verify"),
    path("organisations/<slug:slug>/merge/", views.organisation_merge, name="organisation_merge"),
    path("people/", views_people.people_directory, name="people"),
    path("groups/", views_groups.group_list, name="groups"),
    path("groups/new/", views_groups.group_create, name="group_create"),
    path("groups/<slug:slug>/", views_groups.group_detail, name="group"),
    path("groups/<slug:slug>/edit/", views_groups.group_edit, name="group_edit"),
    path("groups/<slug:slug>/contacts/", views_groups.group_contacts, name="group_contacts"),
    path("groups/<slug:slug>/join/", views_groups.group_join, name="group_join"),
    path("groups/<slug:slug>/leave/", views_groups.group_leave, name="group_leave"),
]
