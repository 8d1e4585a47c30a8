"""The Samskap API, version 1: /api/v1/. Thin endpoints over the apps' services and selectors."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.accounts.selectors import api_tokens_for
from samskap.core.selectors import hub_settings_get
from samskap.core.services import hub_settings_update

from .auth import ApiTokenAuth, MemberSessionAuth
from .challenges import router as challenges_router
from .directory import groups_router, organisations_router, people_router, places_router, themes_router
from .events import router as events_router
from .idea_comments import router as idea_comments_router
from .ideas import router as ideas_router
from .knowledge import funding_router, resources_router
from .marketplace import ads_router, conversations_router
from .schemas import ApiTokenOut, HubIn, HubOut, MeOut, Message
from .search import router as search_router
from .workshops import router as workshops_router

api = NinjaAPI(
    title="Samskap API",
    version="1.0.0",
    description="The API of a Samskap hub. Authenticate with a personal API token "
    "(`Authorization: Bearer …`, created on your profile) or a browser session.",
    auth=[ApiTokenAuth(), MemberSessionAuth()],
    urls_namespace="api-1.0.0",
    docs_url="/swagger",
)


def _error(request, status: int, message: str, **extra):
    return api.create_response(request, {"message": message, **extra}, status=status)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    return _error(request, 401, _("Log in or send a valid API token."))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return _error(request, 403, _("You do not have permission to do this."))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, 404, _("Not found."))


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return _error(request, 422, _("The request has errors."), errors=exc.errors)


@api.exception_handler(DjangoValidationError)
def on_model_validation_error(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return _error(request, 422, _("The request has errors."), errors=errors)


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return _error(request, exc.status_code, str(exc))


def _me(request, user) -> dict:
    roles = [role for role, has in (("mentor", user.is_mentor), ("facilitator", user.is_facilitator),
                                    ("hub_admin", user.is_superuser)) if has]
    return {
        "id": user.pk,
        "url": request.build_absolute_uri(reverse("accounts:person", args=[user.pk])),
        "email": user.email,
        "name": user.name,
        "display_name": user.display_name,
        "bio": user.bio,
        "languages": user.languages,
        "preferred_language": user.preferred_language,
        "time_zone": user.time_zone,
        "roles": ["member", *roles],
        "date_joined": user.date_joined,
    }


def _hub(request) -> dict:
    hub = hub_settings_get()
    return {
        "name": hub.name,
        "logo_url": request.build_absolute_uri(hub.logo.url) if hub.logo else None,
        "default_language": hub.default_language,
        "time_zone": hub.time_zone,
        "contact_email": hub.contact_email,
        "languages": [code for code, _name in settings.LANGUAGES],
    }


@api.get("/me", response={200: MeOut, 401: Message}, tags=["accounts"], summary="The current user")
def me(request):
    return _me(request, request.auth)


@api.get("/me/tokens", response=list[ApiTokenOut], tags=["accounts"], summary="My API tokens")
@paginate(LimitOffsetPagination)
def my_tokens(request):
    return api_tokens_for(user=request.auth)


@api.get("/hub", response=HubOut, auth=None, tags=["hub"], summary="The hub's settings")
def hub(request):
    return _hub(request)


@api.patch("/hub", response={200: HubOut, 403: Message, 422: Message}, tags=["hub"], summary="Change the hub's settings")
def hub_update(request, payload: HubIn):
    hub_settings_update(by=request.auth, **payload.dict(exclude_unset=True))
    return _hub(request)


api.add_router("/search", search_router)
api.add_router("/organisations", organisations_router)
api.add_router("/people", people_router)
api.add_router("/groups", groups_router)
api.add_router("/places", places_router)
api.add_router("/themes", themes_router)
api.add_router("", events_router)  # /events… and /me/registrations
api.add_router("/resources", resources_router)
api.add_router("/funding-calls", funding_router)
api.add_router("/ads", ads_router)
api.add_router("", conversations_router)  # /me/conversations
api.add_router("/challenges", challenges_router)
api.add_router("/ideas", ideas_router)
api.add_router("", idea_comments_router)  # /ideas/{id}/comments
api.add_router("/workshops", workshops_router)
