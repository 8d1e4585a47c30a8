"""The ASGI application: Django's pages and, under /ws/, the live workshops' WebSockets (Django Channels).

In production gunicorn serves the pages (WSGI, faster) and an ASGI server serves /ws/ only:
`uvicorn config.asgi:application --host 127.0.0.1 --port 8001` (docs/operations.md). In development
`make run` serves both from this application.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_application = get_asgi_application()  # sets Django up before the consumers are imported

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from samskap.workshops.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter({
    "http": django_application,
    "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
})
