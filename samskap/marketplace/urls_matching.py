from django.urls import path

from . import views_matching

urlpatterns = [
    path("marketplace/suggested/", views_matching.suggested, name="suggested"),
    path("marketplace/<int:pk>/suggestions/", views_matching.ad_suggestions, name="ad_suggestions"),
]
