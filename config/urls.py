from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from samskap.api.api import api
from samskap.api.views import api_docs

admin.site.site_header = admin.site.site_title = "Samskap"
# The rules predicate decides who administers the hub, not the is_staff flag alone.
admin.site.has_permission = lambda request: request.user.is_active and request.user.has_perm("core.access_admin")
# One log-in for everyone: the admin's own form would skip two-factor and the rate limits.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("samskap.core.urls")),
    path("", include("samskap.accounts.urls")),
    path("", include("samskap.actors.urls")),
    path("", include("samskap.events.urls")),
    path("", include("samskap.knowledge.urls")),
    path("", include("samskap.marketplace.urls")),
    path("", include("samskap.ideas.urls")),
    path("", include("samskap.workshops.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/docs", api_docs, name="api_docs"),
    path("api/v1/", api.urls),
    # Uploaded files; behind a reverse proxy in production, the proxy serves /media/ itself.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
]
