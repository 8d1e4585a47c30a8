from django.urls import path

from . import views

# Fixed words before "marketplace/<int:pk>/".
urlpatterns = [
    path("marketplace/", views.ads, name="ads"),
    path("marketplace/new/", views.ad_new, name="ad_new"),
    path("marketplace/mine/", views.my_ads, name="my_ads"),
    path("marketplace/saved/", views.saved_search_list, name="saved_searches"),
    path("marketplace/saved/new/", views.saved_search_new, name="saved_search_new"),
    path("marketplace/saved/<int:pk>/", views.saved_search_update, name="saved_search_update"),
    path("marketplace/saved/<int:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
    path("marketplace/<int:pk>/", views.ad_detail, name="ad"),
    path("marketplace/<int:pk>/edit/", views.ad_edit, name="ad_edit"),
    path("marketplace/<int:pk>/renew/", views.ad_renew, name="ad_renew"),
    path("marketplace/<int:pk>/close/", views.ad_close, name="ad_close"),
]
