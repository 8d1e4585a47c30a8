"""Schemas of the directory API: organisations, people, local groups, places and themes.

Places, themes and organisations are named by slug wherever the API takes or gives a reference,
as in the pages' addresses and filters; people, who have no slug, by id. `url` is always the path
of the thing's page on the site.
"""

from datetime import datetime
from typing import Any

from django.urls import reverse
from ninja import Field, Schema
from pydantic import ConfigDict

from samskap.accounts.models import Visibility
from samskap.actors.models import ContentLanguage, OrganisationKind, Sector
from samskap.core.models import Country, Place, Theme



def one_of(choices: type, default: Any = ..., **kwargs: Any) -> Any:
    """A field whose values are the choices' codes, listed in the OpenAPI document.

    The codes are documented, not checked here: the forms check them, so a wrong value is a field
    error in the caller's language like every other.
    """
    return Field(default, json_schema_extra={"enum": list(choices.values)}, **kwargs)


def directory_url(**filters: str) -> str:
    """The organisation directory filtered to a place or a theme: the page places and themes have."""
    return reverse("actors:organisations") + "?" + "&".join(f"{name}={value}" for name, value in filters.items())


class StrictIn(Schema):
    """Request bodies refuse unknown fields, so a misspelt field is an error rather than silently ignored.

    Lengths and choices are checked by the pages' forms and the services, not here, so that every
    field error reads the same as on the pages, in the caller's language.
    """

    model_config = ConfigDict(extra="forbid")


# Places and themes -------------------------------------------------------------------------------


class PlaceRef(Schema):
    id: int
    slug: str
    name: str
    level: str = one_of(Place.Level)


class PlaceOut(Schema):
    id: int
    url: str = Field(description="The organisation directory filtered to this place and the places within it.")
    slug: str
    level: str = one_of(Place.Level)
    country: str = one_of(Country)
    code: str = Field(description="The official code, e.g. the municipality number; empty for neighbourhoods.")
    name: str = Field(description="The local name, e.g. Malmö, Tromsø, Aarhus.")
    name_en: str
    parent: PlaceRef | None
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_url(place: Place) -> str:
        return directory_url(place=place.slug)

    @staticmethod
    def resolve_latitude(place: Place) -> float | None:
        return float(place.latitude) if place.latitude is not None else None

    @staticmethod
    def resolve_longitude(place: Place) -> float | None:
        return float(place.longitude) if place.longitude is not None else None


class ThemeRef(Schema):
    id: int
    slug: str
    kind: str = one_of(Theme.Kind)
    label: str = Field(description="The name in the language of the request.")


class ThemeOut(Schema):
    id: int
    url: str = Field(description="The organisation directory filtered to this theme.")
    slug: str
    kind: str = one_of(Theme.Kind)
    label: str = Field(description="The name in the language of the request.")
    labels: dict[str, str] = Field(description="The name in each language: en, sv, nb, da.")
    position: int
    is_active: bool

    @staticmethod
    def resolve_url(theme: Theme) -> str:
        return directory_url(theme=theme.slug)


class ThemeLabelsIn(StrictIn):
    """The theme's name per language. A language left out keeps its name; an empty one is removed
    (the English name is required, as every other language falls back to it)."""

    en: str | None = None
    sv: str | None = None
    nb: str | None = None
    da: str | None = None


# People ------------------------------------------------------------------------------------------


class PersonRef(Schema):
    id: int
    url: str | None = Field(description="The person's page, when you may open it.")
    display_name: str


class PersonOrganisationOut(Schema):
    id: int
    url: str
    slug: str
    name: str
    role: str


class PersonOut(Schema):
    id: int
    url: str
    display_name: str
    bio: str
    skills: str
    interests: str
    languages: list[str]
    avatar_url: str | None
    place: PlaceRef | None
    themes: list[ThemeRef]
    organisations: list[PersonOrganisationOut]
    email: str | None = Field(description="Only when the person shows it to you.")
    phone: str | None = Field(description="Only when the person shows it to you.")


# Local groups ------------------------------------------------------------------------------------


class GroupOut(Schema):
    id: int
    url: str
    slug: str
    name: str
    description: str
    description_language: str
    place: PlaceRef | None
    theme: ThemeRef | None
    member_count: int
    contacts: list[PersonRef] = Field(description="The group's contact persons.")


class GroupContactOut(PersonRef):
    email: str | None = Field(description="Only when the person shows it to you.")
    phone: str | None = Field(description="Only when the person shows it to you.")


class GroupDetailOut(Schema):
    id: int
    url: str
    slug: str
    name: str
    description: str
    description_language: str
    place: PlaceRef | None
    theme: ThemeRef | None
    member_count: int
    contacts: list[GroupContactOut]
    members: list[PersonRef] = Field(description="Members who agreed to be listed (contact persons are listed above).")
    unlisted_member_count: int
    organisations_url: str = Field(description="The API list of the group's organisations.")


class GroupIn(StrictIn):
    name: str
    description: str = ""
    description_language: str = one_of(ContentLanguage, "sv")
    place: str | None = Field(None, description="A place's slug. A group needs a place, a theme or both.")
    theme: str | None = Field(None, description="A theme's slug.")
    organisations: list[str] = Field([], description="Slugs of the organisations linked to the group.")


class GroupPatch(StrictIn):
    name: str | None = None
    description: str | None = None
    description_language: str | None = one_of(ContentLanguage, None)
    place: str | None = Field(None, description="A place's slug; null removes the place.")
    theme: str | None = Field(None, description="A theme's slug; null removes the theme.")
    organisations: list[str] | None = Field(None, description="Slugs: replaces the linked organisations.")


# Organisations -----------------------------------------------------------------------------------


class OrganisationRef(Schema):
    id: int
    url: str
    slug: str
    name: str


class OrganisationOut(Schema):
    id: int
    url: str
    slug: str
    name: str
    kind: str = one_of(OrganisationKind)
    sector: str = one_of(Sector)
    country: str = one_of(Country)
    legal_form: str
    org_number: str
    head_office: PlaceRef | None
    themes: list[ThemeRef]
    description: str
    description_language: str
    offers: str
    seeks: str
    website: str
    logo_url: str | None
    is_verified: bool
    is_registered_social_enterprise: bool
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_url(organisation) -> str:
        return organisation.get_absolute_url()

    @staticmethod
    def resolve_themes(organisation) -> list:
        return list(organisation.themes.all())  # prefetched by the selector

    @staticmethod
    def resolve_logo_url(organisation) -> str | None:
        return organisation.logo.url if organisation.logo else None


class OrganisationPersonOut(PersonRef):
    role: str


class OrganisationDetailOut(Schema):
    id: int
    url: str
    slug: str
    name: str
    kind: str = one_of(OrganisationKind)
    sector: str = one_of(Sector)
    country: str = one_of(Country)
    legal_form: str
    org_number: str
    head_office: PlaceRef | None
    areas_served: list[PlaceRef]
    themes: list[ThemeRef]
    description: str
    description_language: str
    offers: str
    offer_themes: list[ThemeRef]
    seeks: str
    seek_themes: list[ThemeRef]
    website: str
    email: str | None = Field(description="Only when the organisation shows it to you.")
    phone: str | None = Field(description="Only when the organisation shows it to you.")
    logo_url: str | None
    founded_year: int | None
    social_links: list[str]
    is_verified: bool
    is_registered_social_enterprise: bool
    registration_evidence_url: str
    people: list[OrganisationPersonOut] = Field(description="Active members who agreed to be listed "
                                                            "(all of them, to the organisation's own members).")
    local_groups: list[OrganisationRef]
    created_at: datetime
    updated_at: datetime


class OrganisationIn(StrictIn):
    name: str
    kind: str = one_of(OrganisationKind)
    sector: str = one_of(Sector)
    country: str = one_of(Country)
    legal_form: str = Field("", description="A legal form of the organisation's country, e.g. se-ideell-forening.")
    org_number: str = Field("", description="Checked for the country: orgnr, organisasjonsnummer, CVR, Y-tunnus "
                                            "or kennitala; unique per country.")
    head_office: str | None = Field(None, description="A place's slug.")
    areas_served: list[str] = Field([], description="Places' slugs.")
    themes: list[str] = Field([], description="Themes' slugs.")
    description: str = ""
    description_language: str = one_of(ContentLanguage, "sv")
    offers: str = Field("", description="At most 1000 characters.")
    offer_themes: list[str] = Field([], description="Themes' slugs.")
    seeks: str = Field("", description="At most 1000 characters.")
    seek_themes: list[str] = Field([], description="Themes' slugs.")
    website: str = ""
    email: str = ""
    email_visibility: str = one_of(Visibility, "public")
    phone: str = ""
    phone_visibility: str = one_of(Visibility, "public")
    founded_year: int | None = None
    social_links: list[str] = []
    is_registered_social_enterprise: bool = False
    registration_evidence_url: str = ""


class OrganisationPatch(StrictIn):
    """Only the fields sent change."""

    name: str | None = None
    kind: str | None = one_of(OrganisationKind, None)
    sector: str | None = one_of(Sector, None)
    country: str | None = one_of(Country, None)
    legal_form: str | None = None
    org_number: str | None = None
    head_office: str | None = Field(None, description="A place's slug; null removes it.")
    areas_served: list[str] | None = None
    themes: list[str] | None = None
    description: str | None = None
    description_language: str | None = one_of(ContentLanguage, None)
    offers: str | None = None
    offer_themes: list[str] | None = None
    seeks: str | None = None
    seek_themes: list[str] | None = None
    website: str | None = None
    email: str | None = None
    email_visibility: str | None = one_of(Visibility, None)
    phone: str | None = None
    phone_visibility: str | None = one_of(Visibility, None)
    founded_year: int | None = None
    social_links: list[str] | None = None
    is_registered_social_enterprise: bool | None = None
    registration_evidence_url: str | None = None
