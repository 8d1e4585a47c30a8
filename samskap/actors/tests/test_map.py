"""The map of the directory: organisations at their head office, and the same organisations as a list."""

import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskap.actors.models import OrganisationKind
from samskap.core.models import Place

from .factories import OrganisationFactory
from .factories_people import PlaceFactory

pytestmark = pytest.mark.django_db

MAP = reverse("actors:organisation_map")


def located_place(**fields) -> Place:
    return PlaceFactory(latitude=Decimal("55.60587"), longitude=Decimal("13.00073"), **fields)


def map_data(html: str) -> dict:
    match = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no map data block"
    return json.loads(match.group(1))


def list_section(html: str) -> str:
    return html[html.index('id="map-list"'):]


def test_the_map_and_the_list_below_it_show_organisations_at_their_head_office(client):
    malmo = located_place(name="Malmö")
    OrganisationFactory(name="Yalla Trappan", head_office=malmo, kind=OrganisationKind.WORK_INTEGRATING)
    html = client.get(MAP, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    [point] = map_data(html)["organisations"]
    assert point["name"] == "Yalla Trappan"
    assert (point["lat"], point["lng"]) == (55.60587, 13.00073)
    assert point["url"] == reverse("actors:organisation", args=[point["url"].rstrip("/").rsplit("/", 1)[1]])
    assert point["place"] == "Malmö"
    assert "Yalla Trappan" in list_section(html)
    assert "1 organisation on the map" in html


def test_a_head_office_without_coordinates_is_placed_at_the_place_it_lies_in(client):
    municipality = located_place(name="Malmö")
    neighbourhood = PlaceFactory(level=Place.Level.NEIGHBOURHOOD, parent=municipality, name="Rosengård")
    OrganisationFactory(name="Grannskapsinkubatorn", head_office=neighbourhood)
    [point] = map_data(client.get(MAP).content.decode())["organisations"]
    assert (point["lat"], point["lng"], point["place"]) == (55.60587, 13.00073, "Rosengård")


def test_organisations_without_a_known_place_are_left_off_and_counted(client):
    OrganisationFactory(name="Nowhere Known")
    OrganisationFactory(name="Place Without Coordinates", head_office=PlaceFactory())
    OrganisationFactory(name="On The Map", head_office=located_place())
    html = client.get(MAP, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert [p["name"] for p in map_data(html)["organisations"]] == ["On The Map"]
    assert "Nowhere Known" not in html and "Place Without Coordinates" not in html
    assert "2 more organisations match but have no known place" in html


def test_the_map_filters_like_the_organisation_list(client):
    place = located_place()
    OrganisationFactory(name="A Cooperative", head_office=place, kind=OrganisationKind.COOPERATIVE)
    OrganisationFactory(name="A Municipality", head_office=place, kind=OrganisationKind.MUNICIPALITY)
    html = client.get(MAP, {"kind": OrganisationKind.COOPERATIVE}).content.decode()
    assert [p["name"] for p in map_data(html)["organisations"]] == ["A Cooperative"]
    assert "A Municipality" not in list_section(html)


def test_an_unknown_filter_value_is_left_out_with_a_message(client):
    OrganisationFactory(name="Still On The Map", head_office=located_place())
    response = client.get(MAP, {"kind": "spaceship"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "has no value “spaceship”, so it was left out" in html
    assert "Still On The Map" in list_section(html)


def test_merged_organisations_are_not_on_the_map(client):
    place = located_place()
    kept = OrganisationFactory(name="Kept", head_office=place)
    OrganisationFactory(name="Merged Duplicate", head_office=place, merged_into=kept)
    assert [p["name"] for p in map_data(client.get(MAP).content.decode())["organisations"]] == ["Kept"]


def test_the_map_page_carries_its_data_as_json_and_loads_only_script_files(client):
    OrganisationFactory(name="</script><script>alert(1)</script>", head_office=located_place())
    html = client.get(MAP).content.decode()
    assert map_data(html)["organisations"][0]["name"] == "</script><script>alert(1)</script>"
    for tag in re.findall(r"<script[^>]*>", html):
        assert 'src="' in tag or 'type="application/json"' in tag, tag
    assert "/static/vendor/leaflet/leaflet.js" in html and "/static/js/map.js" in html


def test_the_map_container_is_labelled_and_points_to_the_list(client):
    html = client.get(MAP, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    container = re.search(r'<div id="map"[^>]*>', html).group(0)
    assert 'aria-label="Map of the organisations listed below"' in container
    assert 'aria-describedby="map-note"' in container
    assert 'href="#map-list"' in html


def test_the_tile_address_comes_from_the_settings(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Example tiles"
    tiles = map_data(client.get(MAP).content.decode())["tiles"]
    assert tiles == {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "Example tiles"}


def test_the_content_security_policy_lets_images_come_from_the_tile_host_only(client):
    csp = client.get(MAP)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["img-src"].split() == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert "tile.openstreetmap.org" not in directives["script-src"] + directives["connect-src"]


@pytest.mark.parametrize(("url", "source"), [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
    ("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png", "https://*.tile.example.org:8443"),
    ("/tiles/{z}/{x}/{y}.png", ""),
])
def test_the_tile_host_is_taken_from_the_tile_address(url, source):
    from config.settings.base import tile_source

    assert tile_source(url) == source


def test_map_is_not_taken_for_an_organisation_slug(client):
    OrganisationFactory(name="Map", slug="map", head_office=located_place())
    response = client.get(MAP)
    assert response.status_code == 200
    assert "actors/map.html" in [t.name for t in response.templates]


def map_queries(client, count: int) -> int:
    place = located_place()
    for _ in range(count):
        OrganisationFactory(head_office=place)
        OrganisationFactory(head_office=PlaceFactory())  # without coordinates: counted, not shown
    client.get(MAP)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(MAP, {"kind": OrganisationKind.SOCIAL_ENTERPRISE}).status_code == 200
    return len(queries)


def test_the_map_runs_the_same_few_queries_for_5_and_50_organisations(client, member):
    client.force_login(member)
    few = map_queries(client, 5)
    many = map_queries(client, 45)
    assert few == many
    assert many <= 10
