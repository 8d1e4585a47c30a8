from django.urls import path

from . import views_cafe

urlpatterns = [
    path("workshops/<int:pk>/cafe/tables/", views_cafe.table_add, name="cafe_table_add"),
    path("workshops/<int:pk>/cafe/tables/<int:table>/<str:action>/", views_cafe.table_change,
         name="cafe_table_change"),
    path("workshops/<int:pk>/cafe/hosts/", views_cafe.host_set, name="cafe_host_set"),
    path("workshops/<int:pk>/cafe/rounds/", views_cafe.round_add, name="cafe_round_add"),
    path("workshops/<int:pk>/cafe/rounds/<int:number>/<str:action>/", views_cafe.round_change,
         name="cafe_round_change"),
    path("workshops/<int:pk>/cafe/run/<str:action>/", views_cafe.cafe_run, name="cafe_run"),
    path("workshops/<int:pk>/cafe/harvest/", views_cafe.harvest_write, name="cafe_harvest"),
    path("workshops/<int:pk>/cafe/insights/", views_cafe.insight_add, name="cafe_insight_add"),
    path("workshops/<int:pk>/cafe/insights/<int:insight>/<str:action>/", views_cafe.insight_change,
         name="cafe_insight_change"),
    path("workshops/<int:pk>/cafe/harvest.<str:fmt>", views_cafe.export, name="cafe_export"),
    path("w/<str:code>/cafe/harvest/", views_cafe.phone_harvest, name="cafe_phone_harvest"),
    path("w/<str:code>/cafe/table/<str:action>/", views_cafe.phone_table, name="cafe_phone_table"),
]
