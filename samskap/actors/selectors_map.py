"""Reads for the map of the directory: organisations placed at their head office."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import Organisation

ORGANISATIONS_PER_MAP = 200

# A head office without coordinates is placed at the place it lies in (a neighbourhood at its municipality …).
LOCATED = (
    Q(head_office__latitude__isnull=False, head_office__longitude__isnull=False)
    | Q(head_office__parent__latitude__isnull=False, head_office__parent__longitude__isnull=False)
)


@dataclass
class MapPoint:
    organisation: Organisation
    latitude: float
    longitude: float

    def as_json(self) -> dict:
        organisation = self.organisation
        return {
            "name": organisation.name,
            "url": organisation.get_absolute_url(),
            "kind": organisation.get_kind_display(),
            "place": organisation.head_office.name,
            "lat": self.latitude,
            "lng": self.longitude,
        }


def organisations_located(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """The organisations among `organisations` that can be put on the map, without the list's extra look-ups."""
    return organisations.filter(LOCATED).select_related("head_office__parent").prefetch_related(None)


def organisations_unlocated_count(organisations: QuerySet[Organisation]) -> int:
    return organisations.exclude(LOCATED).count()


def map_point(organisation: Organisation) -> MapPoint:
    place = organisation.head_office
    if place.latitude is None or place.longitude is None:
        place = place.parent
    return MapPoint(organisation=organisation, latitude=float(place.latitude), longitude=float(place.longitude))
