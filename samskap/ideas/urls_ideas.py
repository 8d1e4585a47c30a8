from django.urls import path

from . import views

# Fixed words before "ideas/<int:pk>/" (moderation and stages live in other parts' modules, included first).
urlpatterns = [
    path("ideas/", views.ideas, name="ideas"),
    path("ideas/new/", views.idea_new, name="idea_new"),
    path("ideas/mine/", views.my_ideas, name="my_ideas"),
    path("ideas/<int:pk>/", views.idea, name="idea"),
    path("ideas/<int:pk>/edit/", views.idea_edit, name="idea_edit"),
    path("ideas/<int:pk>/publish/", views.idea_publish, name="idea_publish"),
    path("ideas/<int:pk>/delete/", views.idea_delete, name="idea_delete"),
]
