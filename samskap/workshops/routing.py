from django.urls import path

from .consumers import WorkshopConsumer

websocket_urlpatterns = [
    path("ws/workshops/<str:code>/", WorkshopConsumer.as_asgi()),
]
