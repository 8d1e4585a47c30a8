from django.urls import path

from . import views_challenges as views

# Fixed words before "challenges/<int:pk>/".
urlpatterns = [
    path("challenges/", views.challenges, name="challenges"),
    path("challenges/new/", views.challenge_new, name="challenge_new"),
    path("challenges/<int:pk>/", views.challenge_detail, name="challenge"),
    path("challenges/<int:pk>/edit/", views.challenge_edit, name="challenge_edit"),
    path("challenges/<int:pk>/tree/", views.challenge_tree, name="challenge_tree"),
    path("challenges/<int:pk>/tree/add/<str:kind>/", views.tree_node_add, name="challenge_tree_add"),
    path("challenges/<int:pk>/tree/<int:node_pk>/", views.tree_node_edit, name="challenge_tree_node"),
    path("challenges/<int:pk>/tree/<int:node_pk>/move/", views.tree_node_move, name="challenge_tree_move"),
    path("challenges/<int:pk>/tree/<int:node_pk>/delete/", views.tree_node_delete, name="challenge_tree_delete"),
]
