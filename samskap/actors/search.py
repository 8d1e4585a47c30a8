"""The directory's kinds in search: organisations, people who consented, local groups.

Registered in ActorsConfig.ready. The services of this app (and accounts' profile_update) keep
the index current with search_index_update / search_index_delete.
"""

from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samskap.core.search import register_search_kind

from .models import LocalGroup, Organisation, OrganisationKind


@cache
def _kind_labels(kind: str) -> str:
    """An organisation kind in every UI language, so "förening", "forening" and "association" all find it."""
    labels = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.append(str(OrganisationKind(kind).label))
    return " ".join(dict.fromkeys(labels))


def _theme_labels(themes) -> str:
    return " ".join(" ".join(dict.fromkeys(str(label) for label in theme.labels.values())) for theme in themes)


def _place_name(place) -> str:
    if place is None:
        return ""
    return " ".join(dict.fromkeys(name for name in (place.name, place.name_en) if name))


def organisations_for_search():
    return Organisation.objects.listed().select_related("head_office").prefetch_related("themes")


def organisation_document(organisation: Organisation) -> dict | None:
    if organisation.merged_into_id is not None:
        return None
    return {
        "title": organisation.name,
        "body": "\n".join(text for text in (organisation.description, organisation.offers, organisation.seeks) if text),
        "keywords": " ".join((_kind_labels(organisation.kind) if organisation.kind else "",
                              _place_name(organisation.head_office), _theme_labels(organisation.themes.all()))),
        "url": organisation.get_absolute_url(),
        "language": organisation.description_language,
    }


def people_for_search():
    return (get_user_model().objects.filter(listed_in_directory=True, is_active=True)
            .select_related("place").prefetch_related("themes"))


def person_document(user) -> dict | None:
    if not (user.listed_in_directory and user.is_active):
        return None
    return {
        "title": user.display_name,
        "body": "\n".join(text for text in (user.bio, user.skills, user.interests, _place_name(user.place)) if text),
        "keywords": _theme_labels(user.themes.all()),
        "url": reverse("accounts:person", args=[user.pk]),
        "language": "",  # a profile does not say which language its bio is in
    }


def groups_for_search():
    return LocalGroup.objects.select_related("place", "theme")


def group_document(group: LocalGroup) -> dict | None:
    return {
        "title": group.name,
        "body": "\n".join(text for text in (group.description, _place_name(group.place)) if text),
        "keywords": _theme_labels([group.theme] if group.theme_id else []),
        "url": group.get_absolute_url(),
        "language": group.description_language,
    }


register_search_kind("organisation", label=_("Organisations"), queryset_fn=organisations_for_search,
                     document_fn=organisation_document)
register_search_kind("person", label=_("People"), queryset_fn=people_for_search, document_fn=person_document)
register_search_kind("group", label=_("Local groups"), queryset_fn=groups_for_search, document_fn=group_document)
