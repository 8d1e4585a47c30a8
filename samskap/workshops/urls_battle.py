from django.urls import path

from . import views_battle

urlpatterns = [
    path("workshops/<int:pk>/battle/visionaries/", views_battle.visionary_add, name="visionary_add"),
    path("workshops/<int:pk>/battle/visionaries/<int:visionary>/remove/", views_battle.visionary_remove,
         name="visionary_remove"),
    path("workshops/<int:pk>/battle/<str:action>/", views_battle.battle_run, name="battle_run"),
]
