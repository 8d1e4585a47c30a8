from django.urls import path

from . import views_dots

urlpatterns = [
    path("workshops/<int:pk>/dots/options/", views_dots.option_add, name="dots_option_add"),
    path("workshops/<int:pk>/dots/options/<int:option>/", views_dots.option_update, name="dots_option_update"),
    path("workshops/<int:pk>/dots/options/<int:option>/remove/", views_dots.option_remove,
         name="dots_option_remove"),
    path("workshops/<int:pk>/dots/options/<int:option>/move/", views_dots.option_move, name="dots_option_move"),
    path("workshops/<int:pk>/dots/add/", views_dots.sources, name="dots_sources"),
    path("workshops/<int:pk>/dots/add/idea/", views_dots.idea_add, name="dots_idea_add"),
    path("workshops/<int:pk>/dots/add/insight/", views_dots.insight_add, name="dots_insight_add"),
    path("workshops/<int:pk>/dots/<str:action>/", views_dots.dots_run, name="dots_run"),
]
