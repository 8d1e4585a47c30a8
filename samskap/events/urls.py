from django.urls import include, path

from . import urls_feeds, urls_organiser, urls_pages, urls_programme, urls_registration

app_name = "events"
# Each part of the events app keeps its own URL module. The pages module goes last: its
# "events/<slug:slug>/" would otherwise take fixed words of the others for slugs.
urlpatterns = [
    path("", include(urls_feeds)),
    path("", include(urls_registration)),
    path("", include(urls_programme)),
    path("", include(urls_organiser)),
    path("", include(urls_pages)),
]
