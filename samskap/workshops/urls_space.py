from django.urls import path

from . import views_space

urlpatterns = [
    # The console
    path("workshops/<int:pk>/open-space/step/", views_space.phase, name="space_phase"),
    path("workshops/<int:pk>/open-space/topics/<int:topic>/place/", views_space.console_place,
         name="space_console_place"),
    path("workshops/<int:pk>/open-space/topics/<int:topic>/remove/", views_space.console_topic_remove,
         name="space_console_topic_remove"),
    path("workshops/<int:pk>/open-space/report.md", views_space.report, name="space_report"),
    # Preparing (kind: "slots" or "spaces")
    path("workshops/<int:pk>/open-space/<str:kind>/", views_space.grid_add, name="space_grid_add"),
    path("workshops/<int:pk>/open-space/<str:kind>/<int:item>/", views_space.grid_update, name="space_grid_update"),
    path("workshops/<int:pk>/open-space/<str:kind>/<int:item>/remove/", views_space.grid_remove,
         name="space_grid_remove"),
    path("workshops/<int:pk>/open-space/<str:kind>/<int:item>/<str:direction>/", views_space.grid_move,
         name="space_grid_move"),
    # The phone
    path("w/<str:code>/open-space/topics/", views_space.topic_post, name="space_topic_post"),
    path("w/<str:code>/open-space/topics/<int:topic>/remove/", views_space.topic_remove, name="space_topic_remove"),
    path("w/<str:code>/open-space/topics/<int:topic>/place/", views_space.phone_place, name="space_phone_place"),
    path("w/<str:code>/open-space/topics/<int:topic>/go/", views_space.go, name="space_go"),
    path("w/<str:code>/open-space/topics/<int:topic>/notes/", views_space.notes, name="space_notes"),
    path("w/<str:code>/open-space/topics/<int:topic>/actions/", views_space.action_add, name="space_action_add"),
    path("w/<str:code>/open-space/actions/<int:item>/remove/", views_space.action_remove,
         name="space_action_remove"),
]
