"""Regions of the five Nordic countries, the demo's municipalities and neighbourhoods, and the hub's
starting themes. The data lives in `places_data` and `themes_data`, shared with the tests."""

from django.db import migrations

from samskap.core.places_data import PLACES
from samskap.core.themes_data import THEMES

DEEPEST_FIRST = ["neighbourhood", "municipality", "region", "country"]


def places_and_themes_load(apps, schema_editor):
    Place = apps.get_model("core", "Place")
    Theme = apps.get_model("core", "Theme")
    by_slug = {}
    for place in PLACES:  # parents come first
        by_slug[place.slug], _ = Place.objects.update_or_create(
            slug=place.slug,
            defaults={
                "level": place.level, "country": place.country, "code": place.code, "name": place.name,
                "name_en": place.name_en, "parent": by_slug.get(place.parent_slug),
                "latitude": place.latitude, "longitude": place.longitude,
            },
        )
    for theme in THEMES:
        # is_active is left alone: a hub that retired a theme keeps it retired.
        Theme.objects.update_or_create(
            slug=theme.slug, defaults={"kind": theme.kind, "position": theme.position, "labels": theme.labels},
        )


def places_and_themes_remove(apps, schema_editor):
    Place = apps.get_model("core", "Place")
    Theme = apps.get_model("core", "Theme")
    Theme.objects.filter(slug__in=[theme.slug for theme in THEMES]).delete()
    for level in DEEPEST_FIRST:  # parents are protected while they have children
        Place.objects.filter(level=level, slug__in=[place.slug for place in PLACES if place.level == level]).delete()


class Migration(migrations.Migration):

    dependencies = [("core", "0002_theme_place")]
    operations = [migrations.RunPython(places_and_themes_load, places_and_themes_remove)]
