from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from .images import image_normalised
from .models import Country, HubSettings, Place
from .places_data import place_slug
from .selectors import HUB_SETTINGS_CACHE_KEY, hub_settings_get, place_choices_cache_keys
from .tasks import search_index_refresh_later

LOGO_SIZE = 800
HUB_SETTINGS_FIELDS = {"name", "logo", "logo_alt", "default_language", "time_zone", "contact_email"}


def hub_settings_update(*, by, **fields: Any) -> HubSettings:
    """Change the hub settings; only hub admins may."""
    if not by.has_perm("core.change_hubsettings"):
        raise PermissionDenied
    unknown = set(fields) - HUB_SETTINGS_FIELDS
    if unknown:
        raise TypeError(f"unknown hub settings: {sorted(unknown)}")
    logo = fields.pop("logo", None)
    new_logo = image_normalised(logo, max_size=LOGO_SIZE) if logo else None
    with transaction.atomic():
        hub = HubSettings.objects.select_for_update().get(pk=hub_settings_get().pk)
        old_logo = hub.logo.name if hub.logo else ""
        for name, value in fields.items():
            setattr(hub, name, value)
        if new_logo is not None:
            hub.logo.save(new_logo.name, new_logo, save=False)
        elif logo is False:  # "clear" ticked on the form
            hub.logo = ""
        hub.full_clean()
        hub.save()
        if old_logo and (new_logo is not None or logo is False):
            storage = hub.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
        # Now for this process, and again after commit so no request re-caches the old row meanwhile.
        cache.delete(HUB_SETTINGS_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(HUB_SETTINGS_CACHE_KEY))
    return hub


# Places ------------------------------------------------------------------------------------------

PLACES_IMPORT_COLUMNS = ("country", "level", "code", "name", "name_en", "parent", "latitude", "longitude", "slug")
PLACES_IMPORT_REQUIRED_COLUMNS = ("country", "level", "name", "parent")
# Spreadsheets drop leading zeros ("180" for Stockholm's 0180); digit-only codes are padded back to these widths.
MUNICIPALITY_CODE_WIDTH = {"SE": 4, "NO": 4, "DK": 3, "FI": 3, "IS": 4}
REGION_CODE_WIDTH = {"SE": 2, "NO": 2, "DK": 4, "FI": 2, "IS": 1}
COORDINATE_PLACES = Decimal("0.00001")


@dataclass
class PlacesImportRowError:
    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class PlacesImportReport:
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[PlacesImportRowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run


class _RowProblem(Exception):
    """What is wrong with one row, in words an operator can act on."""


def place_choices_forget() -> None:
    """Clear the cached place choices, now and again after commit so no request re-caches old rows meanwhile."""
    keys = place_choices_cache_keys()
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def places_import(
    *,
    rows: Sequence[Mapping[str | None, Any]],
    dry_run: bool,
    first_row_number: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> PlacesImportReport:
    """Create or update municipalities and neighbourhoods from rows keyed by PLACES_IMPORT_COLUMNS.

    All or nothing: every row is checked (later rows may name places created by earlier ones), and
    if any row fails, or on a dry run, everything is rolled back. Rows are numbered as in the file,
    from first_row_number (2: the header is row 1). An operator's command: a caller acting for a
    person must check that person's rights first.
    """
    report = PlacesImportReport(dry_run=dry_run)
    total = len(rows)
    with transaction.atomic():
        for index, row in enumerate(rows):
            if any(isinstance(value, str) and value.strip() for value in row.values()):  # else a blank line
                _places_import_row_reported(row=row, number=first_row_number + index, report=report)
            if progress is not None:
                progress(index + 1, total)
        if report.written:
            place_choices_forget()
        else:
            transaction.set_rollback(True)
    return report


def _places_import_row_reported(*, row: Mapping[str | None, Any], number: int, report: PlacesImportReport) -> None:
    try:
        with transaction.atomic():
            outcome = _place_import_row(row)
    except _RowProblem as problem:
        report.errors.append(PlacesImportRowError(number, str(problem)))
    except IntegrityError as error:  # a race with another writer; the row checks catch the rest
        report.errors.append(PlacesImportRowError(number, f"could not be saved: {error}"))
    else:
        setattr(report, outcome, getattr(report, outcome) + 1)


def _place_described(place: Place) -> str:
    return f"{place.name} ({place.country} {place.level}{' ' + place.code if place.code else ''}, slug {place.slug!r})"


def _code_padded(code: str, width: int) -> str:
    return code.zfill(width) if code.isdigit() else code


def _coordinate_parsed(text: str, name: str, limit: int) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise _RowProblem(f"{name} {text!r} is not a number") from None
    if not value.is_finite() or not -limit <= value <= limit:
        raise _RowProblem(f"{name} {text!r} must be between -{limit} and {limit}")
    return value.quantize(COORDINATE_PLACES)


def _place_parent_found(*, country: str, level: str, reference: str) -> Place:
    parent_level = Place.Level.REGION if level == Place.Level.MUNICIPALITY else Place.Level.MUNICIPALITY
    width = REGION_CODE_WIDTH if parent_level == Place.Level.REGION else MUNICIPALITY_CODE_WIDTH
    parent = (Place.objects.filter(slug=reference).first()
              or Place.objects.filter(country=country, level=parent_level,
                                      code=_code_padded(reference, width[country])).first())
    if parent is None:
        raise _RowProblem(f"unknown parent {reference!r} (give the slug or official code of a {parent_level} in {country})")
    if parent.level != parent_level:
        raise _RowProblem(f"parent {reference!r} is a {parent.level}; a {level}'s parent must be a {parent_level}")
    if parent.country != country:
        raise _RowProblem(f"parent {reference!r} is in {parent.country}, not in {country}")
    return parent


def _place_import_row(row: Mapping[str | None, Any]) -> str:
    """Create or update the place one row describes; return "created", "updated" or "unchanged"."""

    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    if row.get(None):  # csv.DictReader's key for cells beyond the header
        raise _RowProblem("more cells than columns; a comma or semicolon inside a name needs quotes around the name")

    country = cell("country").upper()
    if country not in Country.values:
        raise _RowProblem(f"unknown country {cell('country')!r} (use one of {', '.join(Country.values)})"
                          if country else "country is empty")
    level = cell("level").lower().replace("neighborhood", "neighbourhood")
    if level not in (Place.Level.MUNICIPALITY, Place.Level.NEIGHBOURHOOD):
        raise _RowProblem(f"level must be 'municipality' or 'neighbourhood', not {cell('level')!r}")
    name = cell("name")
    if not name:
        raise _RowProblem("name is empty")
    code = cell("code")
    if level == Place.Level.MUNICIPALITY:
        if not code:
            raise _RowProblem(f"municipality {name!r} needs its official code")
        code = _code_padded(code, MUNICIPALITY_CODE_WIDTH[country])
    reference = cell("parent")
    if not reference:
        raise _RowProblem("parent is empty (give the slug or official code of the region or municipality)")
    parent = _place_parent_found(country=country, level=level, reference=reference)
    latitude, longitude = cell("latitude"), cell("longitude")
    if bool(latitude) != bool(longitude):
        raise _RowProblem("give both latitude and longitude, or neither")
    coordinates = (_coordinate_parsed(latitude, "latitude", 90), _coordinate_parsed(longitude, "longitude", 180)) \
        if latitude else None
    slug = cell("slug")
    if slug and slug != slugify(slug):
        raise _RowProblem(f"slug {slug!r} may only contain lower-case letters a-z, digits and hyphens")

    by_slug = Place.objects.filter(slug=slug).first() if slug else None
    by_code = Place.objects.filter(country=country, level=level, code=code).first() if code else None
    if by_slug and by_code and by_slug != by_code:
        raise _RowProblem(f"slug {slug!r} is {_place_described(by_slug)} but code {code!r} is {_place_described(by_code)}")
    place = by_slug or by_code
    if place is None:
        computed = slug or (place_slug(country, name) if level == Place.Level.MUNICIPALITY
                            else f"{parent.slug}-{place_slug(name)}")
        existing = Place.objects.filter(slug=computed).first()
        if existing is not None:
            same_place = (existing.country, existing.level) == (country, level) and (
                not code or not existing.code or existing.code == code)
            if not same_place:
                raise _RowProblem(f"slug {computed!r} is already used by {_place_described(existing)}; "
                                  "give this row a slug of its own")
            place = existing
        else:
            place = Place(slug=computed)
    elif (place.country, place.level) != (country, level):
        raise _RowProblem(f"slug {slug!r} is already used by {_place_described(place)}")

    fields = ("level", "country", "code", "name", "name_en", "parent_id", "slug", "latitude", "longitude")
    before = {name_: getattr(place, name_) for name_ in fields} if place.pk else None
    place.level, place.country, place.name, place.parent = level, country, name, parent
    # Empty optional cells keep what the place already has (e.g. the coordinates Samskap ships).
    if code:
        place.code = code
    if cell("name_en"):
        place.name_en = cell("name_en")
    if slug:
        place.slug = slug
    if coordinates:
        place.latitude, place.longitude = coordinates
    try:
        place.full_clean()
    except ValidationError as error:
        raise _RowProblem("; ".join(f"{key}: {' '.join(messages)}" for key, messages in error.message_dict.items())) \
            from None
    after = {name_: getattr(place, name_) for name_ in fields}
    if before == after:
        return "unchanged"
    place.save()
    return "created" if before is None else "updated"


# --- Added by the API helper for PATCH /api/v1/themes/{slug} (issue 3); move or rename freely. ---

from django.utils.translation import gettext as _  # noqa: E402

from .models import Theme  # noqa: E402
from .themes_data import LABEL_LANGUAGES  # noqa: E402

THEME_LABEL_MAX_LENGTH = 120


def theme_labels_update(*, theme: Theme, by, labels: Mapping[str, str | None]) -> Theme:
    """Rename a theme in some languages; an empty name removes that language. The English name stays,
    because every other language falls back to it. Hub admins may."""
    if not by.has_perm("core.change_theme", theme):
        raise PermissionDenied
    unknown = set(labels) - set(LABEL_LANGUAGES)
    if unknown:
        raise TypeError(f"unknown label languages: {sorted(unknown)}")
    new_labels = dict(theme.labels or {})
    errors = {}
    for language, label in labels.items():
        label = (label or "").strip()
        if len(label) > THEME_LABEL_MAX_LENGTH:
            errors[language] = _("Use at most %(max)s characters.") % {"max": THEME_LABEL_MAX_LENGTH}
        elif label:
            new_labels[language] = label
        else:
            new_labels.pop(language, None)
    if not new_labels.get("en") and "en" not in errors:
        errors["en"] = _("Give the theme a name in English: the other languages fall back to it.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        renamed = new_labels != theme.labels
        theme.labels = new_labels
        theme.save(update_fields=["labels"])
        if renamed:
            search_index_refresh_later()  # organisations and people are found by their themes' names
    return theme

# --- end of the API helper's services ---
