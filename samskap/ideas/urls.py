from django.urls import include, path

from . import (urls_challenges, urls_cohort, urls_community, urls_ideas, urls_incubators, urls_team,
               urls_votes)

app_name = "ideas"
# Each part keeps its own URL module; fixed words ("ideas/new/") come before "ideas/<int:pk>/" in each.
urlpatterns = [
    path("", include(urls_challenges)),
    path("", include(urls_community)),
    path("", include(urls_team)),
    path("", include(urls_cohort)),
    path("", include(urls_votes)),
    path("", include(urls_incubators)),
    path("", include(urls_ideas)),
]
