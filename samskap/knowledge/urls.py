from django.urls import include, path

from . import urls_funding, urls_resources, urls_transfer

app_name = "knowledge"
# Each part keeps its own URL module. Resources go last: "knowledge/<slug:slug>/" would otherwise take the
# fixed words of the others ("knowledge/import/") for slugs.
urlpatterns = [
    path("", include(urls_transfer)),
    path("", include(urls_funding)),
    path("", include(urls_resources)),
]
