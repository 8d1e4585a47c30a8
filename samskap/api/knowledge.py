"""/api/v1/resources and /api/v1/funding-calls: the knowledge base for scripts.

Thin, like the pages: the knowledge app's selectors read, its services write and check rights, the rules
decide who sees what (a hidden resource or call is a 404 to those who may not see it). Resources and
calls are named by id; themes, places and organisations by slug, as in the pages' filters.
"""

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.actors.models import ContentLanguage, OrganisationKind
from samskap.core.models import Place, Theme
from samskap.knowledge import selectors, selectors_funding, services
from samskap.knowledge.forms import ResourceFilterForm, ResourceForm
from samskap.knowledge.markdown import render_markdown
from samskap.knowledge.models import Audience, FundingCall, Resource, ResourceKind

from .directory import ERRORS, OPEN, OPEN_SECURITY, _checked, _person_ref
from .directory_schemas import one_of
from .knowledge_schemas import (
    FundingCallDetailOut,
    FundingCallOut,
    KnowledgePagination,
    ResourceDetailOut,
    ResourceIn,
    ResourceOut,
    ResourcePatch,
)
from .schemas import Message

resources_router = Router(tags=["knowledge"])
funding_router = Router(tags=["funding"])

MAX_CLOSING_WITHIN_DAYS = 3650


def _invalid(name: str, message: str) -> ValidationError:
    return ValidationError({name: message})


def _choice_checked(name: str, value: str, choices) -> str:
    if value and value not in choices.values:
        raise _invalid(name, _("“%(value)s” is not one of: %(choices)s.") % {
            "value": value[:60], "choices": ", ".join(choices.values)})
    return value


def _theme_checked(slug: str) -> str:
    if slug and not Theme.objects.filter(slug=slug, is_active=True).exists():
        raise _invalid("theme", _("There is no theme “%(slug)s”.") % {"slug": slug[:60]})
    return slug


def _place_checked(slug: str) -> str:
    if slug and not Place.objects.filter(slug=slug).exists():
        raise _invalid("place", _("There is no place “%(slug)s”.") % {"slug": slug[:60]})
    return slug


def _place_ref(place: Place) -> dict:
    return {"id": place.pk, "slug": place.slug, "name": place.name, "level": place.level}


def _organisation_ref(organisation) -> dict:
    return {"id": organisation.pk, "url": organisation.get_absolute_url(), "slug": organisation.slug,
            "name": organisation.name}


# Funding calls -----------------------------------------------------------------------------------


def _local(call: FundingCall, value: datetime.datetime | None) -> datetime.datetime | None:
    return localtime(value, ZoneInfo(call.time_zone)) if value is not None else None


def _call(call: FundingCall, now: datetime.datetime) -> dict:
    return {
        **{name: getattr(call, name) for name in (
            "id", "slug", "title", "programme", "summary", "language", "currency", "is_rolling", "time_zone",
            "eligible_kinds", "is_published")},
        "url": call.get_absolute_url(),
        "funder": _organisation_ref(call.funder),
        "amount_min": int(call.amount_min) if call.amount_min is not None else None,
        "amount_max": int(call.amount_max) if call.amount_max is not None else None,
        "is_open": call.is_rolling or (call.next_deadline is not None and call.next_deadline >= now),
        "next_deadline": _local(call, call.next_deadline) if call.next_deadline and call.next_deadline >= now
        else None,
        "eligible_places": [_place_ref(place) for place in call.eligible_places.all()],
        "themes": list(call.themes.all()),
        "web_address": call.url,
    }


class CallPage:
    """One page of the list, built from the selector's prefetched rows."""

    def __init__(self, calls):
        self.calls, self.now = calls, timezone.now()

    def __getitem__(self, window: slice) -> list[dict]:
        return [_call(call, self.now) for call in self.calls[window]]

    def __len__(self) -> int:
        return self.calls.count()


class FundingCallFilters(Schema):
    theme: str = Field("", description="A theme's slug.")
    kind: str = one_of(OrganisationKind, "", description="A kind of organisation: calls it may apply to (calls "
                                                          "open to any kind included).")
    place: str = Field("", description="A place's slug: calls open there (a call for its region or country, or "
                                       "for anywhere, included).")
    currency: str = one_of(FundingCall.Currency, "")
    open: bool = Field(True, description="True: only calls still open (rolling, or a deadline ahead). False: "
                                         "closed calls too.")
    closing_within_days: int | None = Field(None, ge=0, le=MAX_CLOSING_WITHIN_DAYS,
                                            description="Only calls whose next deadline is within this many days.")


@funding_router.get("", response={200: list[FundingCallOut], 401: Message, 422: Message}, auth=OPEN,
                    openapi_extra=OPEN_SECURITY, summary="Funding calls",
                    description="Soonest next deadline first; rolling calls, then closed ones, last. Hidden calls "
                                "only to their funder's members and curators. An unknown filter value is a 422 "
                                "naming the filter.")
@paginate(LimitOffsetPagination)
def funding_call_list(request, filters: Query[FundingCallFilters]):
    kind = _choice_checked("kind", filters.kind, OrganisationKind)
    currency = _choice_checked("currency", filters.currency, FundingCall.Currency)
    calls = selectors_funding.funding_call_list(
        viewer=request.auth, theme=_theme_checked(filters.theme), kind=kind, place=_place_checked(filters.place),
        currency=currency, include_closed=not filters.open)
    if filters.closing_within_days is not None:
        now = timezone.now()
        calls = calls.filter(next_deadline__gte=now,
                             next_deadline__lte=now + datetime.timedelta(days=filters.closing_within_days))
    return CallPage(calls)


@funding_router.get("/{call_id}", response={200: FundingCallDetailOut, 401: Message, 404: Message}, auth=OPEN,
                    openapi_extra=OPEN_SECURITY, summary="A funding call",
                    description="With every deadline in the call's time zone, eligibility, co-financing and contact.")
def funding_call_detail(request, call_id: int):
    slug = selectors_funding.visible_calls(request.auth).filter(pk=call_id).values_list("slug", flat=True).first()
    if slug is None:
        raise Http404
    call = selectors_funding.funding_call_get(slug=slug, viewer=request.auth)
    now = timezone.now()
    return {
        **_call(call, now),
        **{name: getattr(call, name) for name in (
            "eligibility", "co_financing", "contact_name", "contact_email", "link_status", "created_at",
            "updated_at")},
        "deadlines": [{"id": deadline.pk, "label": deadline.label, "due": _local(call, deadline.due),
                       "passed": deadline.due < now} for deadline in call.deadlines.all()],
    }


# Resources ---------------------------------------------------------------------------------------

# The API's names for the fields the page's form and the services call otherwise.
API_NAMES = {"url": "web_address", "author": "author_organisation"}
LINE_LISTS = ("materials", "steps")


def _api_errors(error: ValidationError) -> ValidationError:
    """The same errors, keyed by the API's field names."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({API_NAMES.get(name, name): messages for name, messages in error.error_dict.items()})


def _resource_or_404(request, resource_id: int) -> Resource:
    resource = selectors.visible_resources(request.auth).filter(pk=resource_id).select_related(
        "author_person", "author_organisation").first()
    if resource is None:
        raise Http404
    return resource


def _author(request, resource: Resource) -> dict:
    return {
        "name": resource.author_label,
        "person": _person_ref(request, resource.author_person) if resource.author_person_id else None,
        "organisation": _organisation_ref(resource.author_organisation) if resource.author_organisation_id else None,
    }


def _ref(resource: Resource) -> dict:
    return {"id": resource.pk, "url": resource.get_absolute_url(), "title": resource.title,
            "language": resource.language}


def _resource(request, resource: Resource, *, themes, places) -> dict:
    return {
        **{name: getattr(resource, name) for name in (
            "id", "slug", "kind", "is_method_card", "title", "summary", "language", "audiences", "published_on",
            "link_status", "is_published", "updated_at")},
        "url": resource.get_absolute_url(),
        "web_address": resource.url,
        "file_url": reverse("knowledge:resource_file", args=[resource.slug]) if resource.file else None,
        "themes": list(themes),
        "places": [_place_ref(place) for place in places],
        "author": _author(request, resource),
    }


class ResourcePage:
    """One page of the list, built from the selector's prefetched rows."""

    def __init__(self, request, queryset):
        self.request, self.queryset = request, queryset

    def __getitem__(self, window: slice) -> list[dict]:
        return [_resource(self.request, resource, themes=resource.themes.all(), places=resource.places.all())
                for resource in self.queryset[window]]

    def __len__(self) -> int:
        return self.queryset.count()


class ResourceFilters(Schema):
    kind: str = one_of(ResourceKind, "", description="A kind of resource (method cards are `method`).")
    theme: str = Field("", description="A theme's slug.")
    language: str = one_of(ContentLanguage, "", description="The language the resource is written in.")
    audience: str = one_of(Audience, "", description="Who it is for.")
    place: str = Field("", description="A place's slug: resources there and in the places within it.")
    q: str = Field("", max_length=100, description="Part of the title. (For a search of the full text in every "
                                                   "Scandinavian language, use /api/v1/search?kind=resource.)")
    sort: str = Field("newest", json_schema_extra={"enum": ["newest", "title"]})


@resources_router.get("", response={200: list[ResourceOut], 401: Message, 422: Message}, auth=OPEN,
                      openapi_extra=OPEN_SECURITY, summary="Resources",
                      description="Methods, tools, guides, reports, case stories, templates, links and videos, with "
                                  "the filters of the knowledge page; newest first. Hidden resources only to their "
                                  "authors and curators. An unknown filter value is a 422 naming the filter.")
@paginate(KnowledgePagination)
def resource_list(request, filters: Query[ResourceFilters]):
    data = filters.dict()
    q = " ".join(data.pop("q").split())
    form = ResourceFilterForm({name: value for name, value in data.items() if value},
                              themes=selectors.filter_themes())
    cleaned = {name: value for name, value in _checked(form).items() if value}
    resources = selectors.resource_list(viewer=request.auth, **cleaned)
    if q:
        resources = resources.filter(title__icontains=q)
    return ResourcePage(request, resources.prefetch_related("places"))


def _resource_answer(request, resource_id: int) -> dict:
    slug = selectors.visible_resources(request.auth).filter(pk=resource_id).values_list("slug", flat=True).first()
    if slug is None:
        raise Http404
    page = selectors.resource_detail(slug=slug, viewer=request.auth)
    resource = page.resource
    return {
        **_resource(request, resource, themes=page.themes, places=page.places),
        **{name: getattr(resource, name) for name in (
            "body", "purpose", "when_to_use", "group_size_min", "group_size_max", "duration_minutes",
            "facilitator_tips", "link_checked_at", "link_final_url", "created_at")},
        "body_html": str(render_markdown(resource.body)),
        "materials": resource.material_list,
        "steps": resource.step_list,
        "related_methods": [_ref(method) for method in page.related_methods],
        "versions": [_ref(version) for version in page.versions],
    }


@resources_router.get("/{resource_id}", response={200: ResourceDetailOut, 401: Message, 404: Message}, auth=OPEN,
                      openapi_extra=OPEN_SECURITY, summary="A resource",
                      description="With its text as Markdown and as sanitised HTML, the method card's fields, its "
                                  "versions in other languages and what the link checker found.")
def resource_detail(request, resource_id: int):
    return _resource_answer(request, resource_id)


class ResourceApiForm(ResourceForm):
    """The page's form, fed from JSON: themes and places by slug, the author's organisation by slug, lists for
    audiences, materials and steps. For a change, the fields not sent keep their saved values, so the whole
    resource is checked as on the page."""

    def __init__(self, payload: dict[str, Any], *, instance: Resource, user):
        super().__init__({}, instance=instance, user=user)
        for name in ("themes", "places"):
            self.fields[name].to_field_name = "slug"
        data: dict[str, Any] = self._saved_data() if instance.pk else {
            "author": "me", "published_on": timezone.localdate().isoformat()}
        for name, value in payload.items():
            if name == "web_address":
                data["url"] = value or ""
            elif name in LINE_LISTS:
                data[name] = "\n".join(value or [])
            elif name == "published_on":
                if value is not None:
                    data[name] = value.isoformat()
            elif name == "author_organisation":
                if value:
                    data["author"] = self._organisation_choice(value)
                elif data.get("author", "").startswith("organisation-"):
                    data["author"] = "me"
            elif name == "author_name":
                if value and not self.curator:
                    raise ValidationError({"author_name": _(
                        "Only facilitators and hub admins add resources for people outside the directory.")})
                if value:
                    data["author"], data["author_name"] = "name", value
            elif name in ("themes", "places", "audiences", "related_methods"):
                data[name] = list(value or [])
            else:
                data[name] = "" if value is None else value
        self.data = data

    def _organisation_choice(self, slug: str) -> str:
        for pk, organisation in self.organisations.items():
            if organisation.slug == slug:
                return f"organisation-{pk}"
        raise ValidationError({"author_organisation": _(
            "You can add resources only for organisations you are an active member of.")})

    def _saved_data(self) -> dict[str, Any]:
        resource = self.instance
        data: dict[str, Any] = {name: getattr(resource, name) for name in (
            "kind", "title", "summary", "language", "body", "url", "audiences", "purpose", "when_to_use",
            "materials", "steps", "facilitator_tips")}
        for name in ("group_size_min", "group_size_max", "duration_minutes"):
            value = getattr(resource, name)
            data[name] = "" if value is None else value
        data["published_on"] = resource.published_on.isoformat()
        data["themes"] = list(resource.themes.values_list("slug", flat=True))
        data["places"] = list(resource.places.values_list("slug", flat=True))
        data["related_methods"] = list(resource.related_methods.values_list("pk", flat=True))
        # The page's author choice for what is saved (the form sets it only when unbound).
        if resource.author_organisation_id:
            data["author"] = f"organisation-{resource.author_organisation_id}"
        elif resource.author_person_id and resource.author_person_id != self.user.pk:
            data["author"] = f"person-{resource.author_person_id}"
        elif resource.author_name:
            data["author"], data["author_name"] = "name", resource.author_name
        else:
            data["author"] = "me"
        return data


def _form_checked(form: ResourceApiForm) -> dict[str, Any]:
    if not form.is_valid():
        raise _api_errors(ValidationError(form.errors.as_data()))
    return form.service_fields()


def _published_checked(request, wanted: bool | None, current: bool) -> bool | None:
    """Whether to hide or show the resource after writing it; only curators may (checked before any write)."""
    if wanted is None or wanted == current:
        return None
    if not request.auth.has_perm("knowledge.curate"):
        raise PermissionDenied
    return wanted


@resources_router.post("", response={201: ResourceDetailOut, **ERRORS}, summary="Add a resource",
                       description="Any member may, as its author or for an organisation they belong to; curators "
                                   "also for someone outside the directory (`author_name`). A resource needs a text, "
                                   "a web address or (on the page) a file. Curators may add it hidden.")
def resource_create(request, payload: ResourceIn):
    if not request.auth.has_perm("knowledge.add_resource"):
        raise PermissionDenied
    data = payload.dict()
    published = _published_checked(request, data.pop("is_published"), True)
    form = ResourceApiForm(data, instance=Resource(), user=request.auth)
    fields = _form_checked(form)
    try:
        with transaction.atomic():
            resource = services.resource_create(by=request.auth, **fields)
            if published is not None:
                services.resource_set_published(resource=resource, by=request.auth, published=published)
    except ValidationError as error:
        raise _api_errors(error) from None
    return Status(201, _resource_answer(request, resource.pk))


@resources_router.patch("/{resource_id}", response={200: ResourceDetailOut, **ERRORS}, summary="Change a resource",
                        description="Its authors (and members of its organisation) and curators may; only curators "
                                    "hide or show it (`is_published`). Only the fields sent change.")
def resource_update(request, resource_id: int, payload: ResourcePatch):
    resource = _resource_or_404(request, resource_id)
    if not request.auth.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied
    data = payload.dict(exclude_unset=True)
    published = _published_checked(request, data.pop("is_published", None), resource.is_published)
    form = ResourceApiForm(data, instance=resource, user=request.auth)
    fields = _form_checked(form)
    try:
        with transaction.atomic():
            services.resource_update(resource=resource, by=request.auth, **fields)
            if published is not None:
                services.resource_set_published(resource=resource, by=request.auth, published=published)
    except ValidationError as error:
        raise _api_errors(error) from None
    return _resource_answer(request, resource.pk)


@resources_router.delete("/{resource_id}", response={204: None, **ERRORS}, summary="Delete a resource",
                         description="Its authors and curators may. Its versions in other languages stay.")
def resource_delete(request, resource_id: int):
    resource = _resource_or_404(request, resource_id)
    services.resource_delete(resource=resource, by=request.auth)
    return Status(204, None)
