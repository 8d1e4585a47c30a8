from django.urls import include, path

from . import urls_ads, urls_conversations, urls_matching, urls_moderation

app_name = "marketplace"
# Each part keeps its own URL module; ads go last ("marketplace/<int:pk>/" and fixed words).
urlpatterns = [
    path("", include(urls_conversations)),
    path("", include(urls_moderation)),
    path("", include(urls_matching)),
    path("", include(urls_ads)),
]
