"""/api/v1/organisations, /people, /groups, /places and /themes: the directory for scripts.

Thin, like the pages: the pages' forms check the input (so a wrong value is the same field error in
the caller's language), the services write and check rights, the selectors read. Things are named by
slug, as in the pages' addresses; people, who have no slug, by id.
"""

from typing import Any

import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from samskap.accounts import selectors as accounts_selectors
from samskap.accounts.models import User
from samskap.actors import selectors as actors_selectors
from samskap.actors import selectors_groups, selectors_people, services, services_groups
from samskap.actors.forms import OrganisationFilterForm, OrganisationForm
from samskap.actors.forms_groups import LocalGroupForm
from samskap.actors.forms_people import PeopleFilterForm
from samskap.actors.models import LocalGroup, Organisation, OrganisationKind, Sector
from samskap.core import selectors as core_selectors
from samskap.core import services as core_services
from samskap.core.models import Country, Place, Theme

from .auth import ApiTokenAuth, MemberSessionAuth
from .directory_schemas import (
    GroupDetailOut,
    GroupIn,
    GroupOut,
    GroupPatch,
    OrganisationDetailOut,
    OrganisationIn,
    OrganisationOut,
    OrganisationPatch,
    PersonOut,
    PlaceOut,
    ThemeLabelsIn,
    ThemeOut,
    one_of,
)
from .schemas import DirectoryPagination, Message


class Visitor:
    """Lets a request without credentials in as the anonymous visitor, for what everyone may read.

    A request that sends a token must send a valid one: a script with an expired token learns so
    (401) instead of silently seeing less.
    """

    def __call__(self, request):
        if request.headers.get("Authorization"):
            return None
        return AnonymousUser()


# Members see more of some things (contact details by visibility, profile links): the caller is
# recognised when they authenticate, and anyone may read without.
OPEN = [ApiTokenAuth(), MemberSessionAuth(), Visitor()]
# Ninja lists the token and the session; the empty requirement says they are optional (OpenAPI 3).
OPEN_SECURITY = {"security": [{}]}
ERRORS = {401: Message, 403: Message, 404: Message, 422: Message}

organisations_router = Router(tags=["organisations"])
people_router = Router(tags=["people"])
groups_router = Router(tags=["groups"])
places_router = Router(tags=["places"])
themes_router = Router(tags=["themes"])


def _checked(form) -> Any:
    """The form's cleaned data; its field errors become a 422 with `errors` per field."""
    if not form.is_valid():
        raise DjangoValidationError(form.errors.as_data())
    return form.cleaned_data


def _choice_checked(filters: dict, name: str, choices) -> None:
    """A filter without a form of its own: an unknown value is a 422 naming the filter and its values."""
    value = filters.get(name)
    if value and value not in choices.values:
        raise DjangoValidationError({name: _("“%(value)s” is not one of: %(choices)s.") % {
            "value": value[:60], "choices": ", ".join(choices.values)}})


def _or_404(get, **kwargs):
    try:
        return get(**kwargs)
    except (Organisation.DoesNotExist, LocalGroup.DoesNotExist, User.DoesNotExist, Place.DoesNotExist,
            Theme.DoesNotExist):
        raise Http404 from None


def _person_ref(request, user) -> dict:
    # The rule itself, as on the pages: a hub admin's superuser status does not override consent.
    may_open = rules.has_perm("accounts.view_profile", request.auth, user)
    return {"id": user.pk, "display_name": user.display_name,
            "url": reverse("accounts:person", args=[user.pk]) if may_open else None}


# Places ------------------------------------------------------------------------------------------


class PlaceFilters(Schema):
    q: str = Field("", max_length=100, description="Part of the name, local or English.")
    country: str = one_of(Country, "")
    level: str = one_of(Place.Level, "")
    parent: str = Field("", description="A place's slug: only the places directly within it.")


@places_router.get("", response={200: list[PlaceOut], 422: Message}, auth=None, summary="Places")
@paginate(DirectoryPagination)
def place_list(request, filters: Query[PlaceFilters]):
    data = filters.dict()
    _choice_checked(data, "country", Country)
    _choice_checked(data, "level", Place.Level)
    return core_selectors.places_list(**data)


@places_router.get("/{slug}", response={200: PlaceOut, 404: Message}, auth=None, summary="A place")
def place_detail(request, slug: str):
    return _or_404(core_selectors.place_get, slug=slug)


# Themes ------------------------------------------------------------------------------------------


class ThemeFilters(Schema):
    q: str = Field("", max_length=100, description="Part of the name, in any of the four languages.")
    kind: str = one_of(Theme.Kind, "")


@themes_router.get("", response={200: list[ThemeOut], 422: Message}, auth=None, summary="Themes",
                   description="The themes in use: focus areas, then SDGs, then societal challenges, "
                               "in the hub's order.")
@paginate(DirectoryPagination)
def theme_list(request, filters: Query[ThemeFilters]):
    data = filters.dict()
    _choice_checked(data, "kind", Theme.Kind)
    return core_selectors.themes_list(**data)


@themes_router.get("/{slug}", response={200: ThemeOut, 404: Message}, auth=None, summary="A theme")
def theme_detail(request, slug: str):
    return _or_404(core_selectors.theme_get, slug=slug)


@themes_router.patch("/{slug}", response={200: ThemeOut, **ERRORS}, summary="Rename a theme",
                     description="Hub admins change a theme's name in each language.")
def theme_update(request, slug: str, payload: ThemeLabelsIn):
    theme = _or_404(core_selectors.theme_get, slug=slug)
    return core_services.theme_labels_update(theme=theme, by=request.auth, labels=payload.dict(exclude_unset=True))


# Organisations -----------------------------------------------------------------------------------

SLUG_FIELDS = ("head_office", "areas_served", "themes", "offer_themes", "seek_themes")


class OrganisationApiForm(OrganisationForm):
    """The page's form, fed from JSON: places and themes by slug, social links as a list.

    For a change, the fields not sent keep their saved values, so the whole profile is checked as
    on the page (a new country must still match the legal form and the organisation number).
    """

    def __init__(self, payload: dict, *, instance: Organisation):
        super().__init__({}, instance=instance)
        for name in SLUG_FIELDS:
            self.fields[name].to_field_name = "slug"
        data = {} if instance.pk is None else self._saved_data()
        for name, value in payload.items():
            if name == "social_links":
                value = "\n".join(value or [])
            data[name] = "" if value is None else value
        self.data = data

    def _saved_data(self) -> dict:
        data = {}
        for name in self.Meta.fields:
            value = self.initial.get(name)
            if name == "head_office":
                value = self.instance.head_office.slug if self.instance.head_office_id else ""
            elif name == "social_links":
                value = "\n".join(self.instance.social_links or [])
            elif name in SLUG_FIELDS:
                value = [item.slug for item in value or []]
            data[name] = "" if value is None else value
        return data


def _organisation_detail(page: actors_selectors.OrganisationPage, request) -> dict:
    organisation = page.organisation
    return {
        **{name: getattr(organisation, name) for name in (
            "id", "slug", "name", "kind", "sector", "country", "legal_form", "org_number", "head_office",
            "description", "description_language", "offers", "seeks", "website", "founded_year", "social_links",
            "is_verified", "is_registered_social_enterprise", "registration_evidence_url", "created_at",
            "updated_at")},
        "url": organisation.get_absolute_url(),
        "logo_url": organisation.logo.url if organisation.logo else None,
        "themes": page.themes,
        "offer_themes": page.offer_themes,
        "seek_themes": page.seek_themes,
        "areas_served": page.areas_served,
        "email": page.contact.get("email"),
        "phone": page.contact.get("phone"),
        "people": [{**_person_ref(request, membership.user), "role": membership.role} for membership in page.people],
        "local_groups": [{"id": group.pk, "url": group.get_absolute_url(), "slug": group.slug, "name": group.name}
                         for group in page.local_groups],
    }


def _organisation_answer(request, organisation: Organisation) -> dict:
    page = actors_selectors.organisation_page(organisation=organisation, viewer=request.auth)
    return _organisation_detail(page, request)


class OrganisationFilters(Schema):
    q: str = Field("", max_length=100, description="Part of the name.")
    kind: str = one_of(OrganisationKind, "")
    sector: str = one_of(Sector, "")
    legal_form: str = Field("", description="A legal form's code, e.g. se-ideell-forening.")
    country: str = one_of(Country, "")
    place: str = Field("", description="A place's slug: based there or working there, including the places within it.")
    theme: str = Field("", description="A theme's slug: in the organisation's themes, offers or seeks.")
    offers: bool = Field(False, description="Only organisations that offer something.")
    seeks: bool = Field(False, description="Only organisations that seek something.")
    sort: str = Field("name", json_schema_extra={"enum": ["name", "newest", "updated"]})


@organisations_router.get("", response={200: list[OrganisationOut], 401: Message, 422: Message}, auth=OPEN,
                          openapi_extra=OPEN_SECURITY, summary="Organisations",
                          description="The directory with the filters of its page. An unknown filter value is a 422 "
                                      "naming the filter.")
@paginate(DirectoryPagination)
def organisation_list(request, filters: Query[OrganisationFilters]):
    form = OrganisationFilterForm({k: v for k, v in filters.dict().items() if v not in ("", False)},
                                  themes=actors_selectors.filter_themes())
    cleaned = {name: value for name, value in _checked(form).items() if value not in ("", None, False)}
    return actors_selectors.organisation_list(filters=cleaned, sort=cleaned.get("sort", "name"))


@organisations_router.get("/{slug}", response={200: OrganisationDetailOut, 301: None, 401: Message, 404: Message},
                          auth=OPEN, openapi_extra=OPEN_SECURITY, summary="An organisation",
                          description="E-mail and phone only as the organisation shows them to you. An organisation "
                                      "merged into another answers 301 with the other's address.")
def organisation_detail(request, slug: str):
    organisation = _or_404(actors_selectors.organisation_get, slug=slug)
    if organisation.merged_into_id:
        return HttpResponsePermanentRedirect(reverse("api-1.0.0:organisation_detail",
                                                     args=[organisation.merged_into.slug]))
    return _organisation_answer(request, organisation)


@organisations_router.post("", response={201: OrganisationDetailOut, **ERRORS}, summary="Add an organisation",
                           description="Any member may; they become its admin.")
def organisation_create(request, payload: OrganisationIn):
    if not request.auth.has_perm("actors.add_organisation"):
        raise PermissionDenied
    form = OrganisationApiForm(payload.dict(), instance=Organisation())
    _checked(form)
    organisation = services.organisation_create(by=request.auth, **form.service_fields())
    return Status(201, _organisation_answer(request, organisation))


@organisations_router.patch("/{slug}", response={200: OrganisationDetailOut, **ERRORS},
                            summary="Change an organisation", description="Its admins and hub admins may. "
                            "Only the fields sent change.")
def organisation_update(request, slug: str, payload: OrganisationPatch):
    organisation = _or_404(actors_selectors.organisation_get, slug=slug)
    if organisation.merged_into_id:
        raise Http404
    if not request.auth.has_perm("actors.change_organisation", organisation):
        raise PermissionDenied
    form = OrganisationApiForm(payload.dict(exclude_unset=True), instance=organisation)
    _checked(form)
    services.organisation_update(organisation=organisation, by=request.auth, **form.service_fields())
    return _organisation_answer(request, organisation)


# People ------------------------------------------------------------------------------------------


class PersonFilters(Schema):
    q: str = Field("", max_length=100, description="Part of the name, skills or interests.")
    skill: str = Field("", max_length=100, description="Part of a skill: “facilit” finds facilitation.")
    theme: str = Field("", description="A theme's slug.")
    place: str = Field("", description="A place's slug; a region includes its municipalities and neighbourhoods.")


def _person(request, person: User, memberships) -> dict:
    contact = accounts_selectors.profile_contact_for(profile=person, viewer=request.auth)
    return {
        "id": person.pk, "url": reverse("accounts:person", args=[person.pk]), "display_name": person.display_name,
        "bio": person.bio, "skills": person.skills, "interests": person.interests, "languages": person.languages,
        "avatar_url": person.avatar.url if person.avatar else None, "place": person.place,
        "themes": list(person.themes.all()),
        "organisations": [{"id": m.organisation.pk, "url": m.organisation.get_absolute_url(),
                           "slug": m.organisation.slug, "name": m.organisation.name, "role": m.role}
                          for m in memberships],
        "email": contact.get("email"), "phone": contact.get("phone"),
    }


class PeoplePage:
    """A page of people as the list shows them: contact details by each person's choice for the caller."""

    def __init__(self, request, people):
        self.request, self.people = request, people

    def __getitem__(self, window: slice) -> list[dict]:
        return [_person(self.request, person, person.active_memberships) for person in self.people[window]]

    def __len__(self) -> int:
        return self.people.count()


@people_router.get("", response={200: list[PersonOut], 401: Message, 403: Message, 422: Message},
                   summary="People", description="Members who agreed to be listed in the directory; for members.")
@paginate(DirectoryPagination)
def person_list(request, filters: Query[PersonFilters]):
    if not rules.has_perm("actors.search_people", request.auth):
        raise PermissionDenied
    data = filters.dict()
    q = data.pop("q").strip()
    form = PeopleFilterForm({k: v for k, v in data.items() if v}, themes=list(core_selectors.themes_active()))
    _checked(form)
    return PeoplePage(request, selectors_people.people_matching(q=q, **form.filters()))


@people_router.get("/{person_id}", response={200: PersonOut, 401: Message, 404: Message}, summary="A person",
                   description="Only people who agreed to be listed (and yourself).")
def person_detail(request, person_id: int):
    person = _or_404(accounts_selectors.public_profile_get, profile_id=person_id)
    # The rule itself, not user.has_perm: consent is not the hub admin's to override.
    if not rules.has_perm("accounts.view_directory_details", request.auth, person):
        raise Http404
    return _person(request, person, accounts_selectors.profile_memberships(profile=person))


# Local groups ------------------------------------------------------------------------------------


class GroupFilters(Schema):
    q: str = Field("", max_length=100, description="Part of the name or description.")
    place: str = Field("", description="A place's slug: groups there or within it.")
    theme: str = Field("", description="A theme's slug.")


class LocalGroupApiForm(LocalGroupForm):
    """The page's form, fed from JSON: place and theme by slug, organisations as a list of slugs.

    For a change, the fields not sent keep their saved values; `organisations`, when sent, replaces the links.
    """

    def __init__(self, payload: dict, *, instance: LocalGroup):
        super().__init__({}, instance=instance)
        for name in ("place", "theme"):
            self.fields[name].to_field_name = "slug"
        data: dict[str, Any] = {}
        if instance.pk is not None:
            data = {"name": instance.name, "description": instance.description,
                    "description_language": instance.description_language,
                    "place": instance.place.slug if instance.place_id else "",
                    "theme": instance.theme.slug if instance.theme_id else "",
                    "linked": [organisation.pk for organisation in self.initial.get("linked", [])]}
        for name, value in payload.items():
            if name == "organisations":
                data["linked"] = []
                data["add_organisations"] = "\n".join(value or [])
            else:
                data[name] = "" if value is None else value
        self.data = data


def _group(request, group: LocalGroup) -> dict:
    return {
        **{name: getattr(group, name) for name in ("id", "slug", "name", "description", "description_language",
                                                    "place", "theme", "member_count")},
        "url": group.get_absolute_url(),
        "contacts": [_person_ref(request, membership.user) for membership in group.contacts],
    }


class GroupPage:
    def __init__(self, request, groups):
        self.request, self.groups = request, groups

    def __getitem__(self, window: slice) -> list[dict]:
        return [_group(self.request, group) for group in self.groups[window]]

    def __len__(self) -> int:
        return self.groups.count()


def _group_detail(request, group: LocalGroup) -> dict:
    people = selectors_groups.group_people(group=group, viewer=request.auth)
    contacts = []
    for membership in people.contacts:
        contact = accounts_selectors.profile_contact_for(profile=membership.user, viewer=request.auth)
        contacts.append({**_person_ref(request, membership.user), "email": contact.get("email"),
                         "phone": contact.get("phone")})
    return {
        **{name: getattr(group, name) for name in ("id", "slug", "name", "description", "description_language",
                                                    "place", "theme")},
        "url": group.get_absolute_url(),
        "member_count": people.member_count,
        "contacts": contacts,
        "members": [_person_ref(request, membership.user) for membership in people.listed_members],
        "unlisted_member_count": people.unlisted_count,
        "organisations_url": reverse("api-1.0.0:group_organisations", args=[group.slug]),
    }


@groups_router.get("", response={200: list[GroupOut], 401: Message, 422: Message}, auth=OPEN,
                   openapi_extra=OPEN_SECURITY, summary="Local groups")
@paginate(DirectoryPagination)
def group_list(request, filters: Query[GroupFilters]):
    return GroupPage(request, selectors_groups.groups_matching(**filters.dict()))


@groups_router.get("/{slug}", response={200: GroupDetailOut, 401: Message, 404: Message}, auth=OPEN,
                   openapi_extra=OPEN_SECURITY, summary="A local group",
                   description="Contact persons with the contact details they show you, and the members who agreed "
                               "to be listed.")
def group_detail(request, slug: str):
    return _group_detail(request, _or_404(selectors_groups.group_get, slug=slug))


@groups_router.get("/{slug}/organisations", response={200: list[OrganisationOut], 401: Message, 404: Message},
                   auth=OPEN, openapi_extra=OPEN_SECURITY, url_name="group_organisations",
                   summary="A local group's organisations",
                   description="Organisations linked to the group, and those at its place that work with its theme.")
@paginate(DirectoryPagination)
def group_organisation_list(request, slug: str):
    group = _or_404(selectors_groups.group_get, slug=slug)
    return selectors_groups.group_organisations(group=group)


@groups_router.post("", response={201: GroupDetailOut, **ERRORS}, summary="Create a local group",
                    description="Facilitators and hub admins may.")
def group_create(request, payload: GroupIn):
    if not request.auth.has_perm("actors.add_localgroup"):
        raise PermissionDenied
    form = LocalGroupApiForm(payload.dict(), instance=LocalGroup())
    _checked(form)
    group = services_groups.group_create(by=request.auth, **form.service_fields())
    return Status(201, _group_detail(request, selectors_groups.group_get(slug=group.slug)))


@groups_router.patch("/{slug}", response={200: GroupDetailOut, **ERRORS}, summary="Change a local group",
                     description="Facilitators and hub admins may. Only the fields sent change.")
def group_update(request, slug: str, payload: GroupPatch):
    group = _or_404(selectors_groups.group_get, slug=slug)
    if not request.auth.has_perm("actors.change_localgroup", group):
        raise PermissionDenied
    form = LocalGroupApiForm(payload.dict(exclude_unset=True), instance=selectors_groups.group_get(slug=slug))
    _checked(form)
    services_groups.group_update(group=group, by=request.auth, **form.service_fields())
    return _group_detail(request, selectors_groups.group_get(slug=slug))
