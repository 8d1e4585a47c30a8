from django.urls import path

from . import views_votes as views

urlpatterns = [
    path("votes/", views.dot_votes, name="dot_votes"),
    path("votes/new/", views.dot_vote_new, name="dot_vote_new"),
    path("votes/<int:pk>/", views.dot_vote, name="dot_vote"),
    path("votes/<int:pk>/close/", views.dot_vote_close, name="dot_vote_close"),
]
