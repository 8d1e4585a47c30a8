import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from samskap.accounts.tests.factories import make_user_for_role
from samskap.core.models import Country, Place
from samskap.core.places_data import PLACES, place_slug
from samskap.core.selectors import place_choices, places_for_country
from samskap.core.services import places_import

pytestmark = pytest.mark.django_db

data_migration = importlib.import_module("samskap.core.migrations.0003_places_and_themes_data")

HEADER = "country,level,code,name,name_en,parent,latitude,longitude,slug"


def csv_file(tmp_path, *lines: str, header: str = HEADER, name: str = "places.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def run_import(path, *args):
    """Run the command as an operator would; return (stdout, stderr)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    call_command("import_places", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def all_places():
    return sorted(Place.objects.values_list("slug", "level", "country", "code", "name", "name_en", "parent__slug",
                                            "latitude", "longitude"))


# What ships ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("country", "count"), [("SE", 21), ("NO", 15), ("DK", 5), ("FI", 19), ("IS", 8)])
def test_every_region_of_each_country_ships(country, count):
    regions = Place.objects.filter(country=country, level=Place.Level.REGION)
    assert regions.count() == count
    assert {region.parent.slug for region in regions.select_related("parent")} == {country.lower()}


def test_every_region_has_a_local_and_an_english_name_and_a_unique_slug():
    regions = list(Place.objects.filter(level=Place.Level.REGION))
    assert all(region.name.strip() and region.name_en.strip() for region in regions)
    assert all(region.code for region in regions)
    assert len({region.slug for region in regions}) == len(regions)
    assert len({place.slug for place in PLACES}) == len(PLACES)


def test_regions_carry_their_official_codes():
    codes = dict(Place.objects.filter(level=Place.Level.REGION).values_list("slug", "code"))
    assert codes["se-skane"] == "12"
    assert codes["se-stockholms-lan"] == "01"
    assert codes["se-norrbotten"] == "25"
    assert codes["no-vestland"] == "46"
    assert codes["no-finnmark"] == "56"
    assert codes["dk-nordjylland"] == "1081"
    assert codes["dk-sjaelland"] == "1085"
    assert codes["fi-uusimaa"] == "01"
    assert codes["fi-aland"] == "21"
    assert codes["is-vestfirdir"] == "4"
    skane = Place.objects.get(slug="se-skane")
    assert (skane.name, skane.name_en) == ("Skåne län", "Skåne County")
    assert Place.objects.get(slug="dk-midtjylland").name == "Region Midtjylland"


def test_the_demo_municipalities_sit_in_their_regions_with_codes_and_coordinates():
    expected = {
        "se-malmo": ("1280", "se-skane"), "se-goteborg": ("1480", "se-vastra-gotaland"),
        "se-stockholm": ("0180", "se-stockholms-lan"), "no-oslo": ("0301", "no-oslo-fylke"),
        "no-tromso": ("5501", "no-troms"), "no-bergen": ("4601", "no-vestland"),
        "dk-aarhus": ("751", "dk-midtjylland"), "dk-kobenhavn": ("101", "dk-hovedstaden"),
        "fi-helsinki": ("091", "fi-uusimaa"), "is-reykjavik": ("0000", "is-hofudborgarsvaedid"),
    }
    municipalities = Place.objects.filter(slug__in=expected).select_related("parent")
    assert {m.slug: (m.code, m.parent.slug) for m in municipalities} == expected
    assert all(m.level == Place.Level.MUNICIPALITY and m.latitude and m.longitude for m in municipalities)
    assert Place.objects.get(slug="se-goteborg").name_en == "Gothenburg"


def test_the_demo_neighbourhoods_belong_to_their_municipalities():
    neighbourhoods = Place.objects.filter(level=Place.Level.NEIGHBOURHOOD).select_related("parent")
    assert {(n.slug, n.name, n.parent.slug) for n in neighbourhoods} >= {
        ("se-malmo-rosengard", "Rosengård", "se-malmo"), ("no-oslo-toyen", "Tøyen", "no-oslo"),
        ("no-oslo-gronland", "Grønland", "no-oslo"), ("dk-aarhus-gellerup", "Gellerup", "dk-aarhus"),
        ("dk-kobenhavn-norrebro", "Nørrebro", "dk-kobenhavn"),
    }


def test_slugs_fold_nordic_letters_instead_of_dropping_them():
    assert place_slug("SE", "Malmö") == "se-malmo"
    assert place_slug("NO", "Tromsø") == "no-tromso"
    assert place_slug("DK", "Region Sjælland") == "dk-region-sjaelland"
    assert place_slug("IS", "Höfuðborgarsvæðið") == "is-hofudborgarsvaedid"
    assert place_slug("IS", "Þingeyjarsveit") == "is-thingeyjarsveit"


def test_the_data_migration_can_run_again_without_duplicating_anything():
    before = all_places()
    data_migration.places_and_themes_load(apps, None)
    assert all_places() == before


def test_the_data_migration_restores_a_changed_shipped_place():
    Place.objects.filter(slug="se-skane").update(name="Skåne", name_en="")
    data_migration.places_and_themes_load(apps, None)
    assert Place.objects.filter(slug="se-skane").values_list("name", "name_en").get() == ("Skåne län", "Skåne County")


def test_reversing_the_data_migration_removes_what_it_created_and_keeps_the_rest():
    own = Place.objects.create(level="neighbourhood", country="SE", name="Möllevången", slug="hub-mollevangen")
    data_migration.places_and_themes_remove(apps, None)
    assert list(Place.objects.values_list("slug", flat=True)) == [own.slug]


# Import -----------------------------------------------------------------------------------------

def test_import_creates_municipalities_and_neighbourhoods_with_parents_by_slug_or_code(tmp_path):
    path = csv_file(
        tmp_path,
        "SE,municipality,1282,Landskrona,,se-skane,55.8708,12.8302,",
        "NO,municipality,1804,Bodø,Bodo,18,67.2804,14.4049,",
        "SE,neighbourhood,,Möllevången,,1280,55.5925,13.0110,",
        "SE,neighbourhood,,Centrum,Town centre,se-landskrona,,,",
    )
    out, _err = run_import(path)
    assert "4 created, 0 updated, 0 unchanged" in out
    landskrona = Place.objects.get(slug="se-landskrona")
    assert (landskrona.level, landskrona.code, landskrona.parent.slug) == ("municipality", "1282", "se-skane")
    assert (landskrona.latitude, landskrona.longitude) == (Decimal("55.87080"), Decimal("12.83020"))
    bodo = Place.objects.get(slug="no-bodo")
    assert (bodo.name, bodo.name_en, bodo.parent.slug) == ("Bodø", "Bodo", "no-nordland")
    assert Place.objects.get(slug="se-malmo-mollevangen").parent.slug == "se-malmo"
    centrum = Place.objects.get(slug="se-landskrona-centrum")
    assert (centrum.parent, centrum.name_en, centrum.latitude) == (landskrona, "Town centre", None)


def test_running_the_same_import_twice_gives_the_same_rows(tmp_path):
    path = csv_file(
        tmp_path,
        "SE,municipality,1282,Landskrona,,se-skane,55.8708,12.8302,",
        "SE,neighbourhood,,Möllevången,,se-malmo,55.5925,13.0110,",
    )
    run_import(path)
    after_first = all_places()
    out, _err = run_import(path)
    assert all_places() == after_first
    assert "0 created, 0 updated, 2 unchanged" in out


def test_import_updates_a_municipality_found_by_its_code(tmp_path):
    path = csv_file(tmp_path, "SE,municipality,1280,Malmö stad,City of Malmö,12,,,")
    out, _err = run_import(path)
    malmo = Place.objects.get(code="1280", country="SE")
    assert (malmo.slug, malmo.name, malmo.name_en) == ("se-malmo", "Malmö stad", "City of Malmö")
    assert malmo.latitude == Decimal("55.60500"), "an empty cell keeps the shipped coordinates"
    assert "0 created, 1 updated" in out


def test_a_neighbourhood_row_without_a_code_updates_the_neighbourhood_that_has_one(tmp_path):
    Place.objects.filter(slug="se-malmo-rosengard").update(code="RG")
    out, _err = run_import(csv_file(tmp_path, "SE,neighbourhood,,Rosengård,Rosengard,se-malmo,,,"))
    assert "0 created, 1 updated" in out
    assert Place.objects.filter(slug="se-malmo-rosengard").values_list("code", "name_en").get() == ("RG", "Rosengard")


def test_import_puts_back_leading_zeros_a_spreadsheet_dropped(tmp_path):
    path = csv_file(tmp_path, "SE,municipality,180,Stockholm,Stockholm,1,,,", "NO,municipality,301,Oslo,,3,,,")
    out, _err = run_import(path)
    assert "0 created, 0 updated, 2 unchanged" in out
    assert Place.objects.filter(country="SE", level="municipality", name="Stockholm").count() == 1


def test_import_reads_semicolons_and_decimal_commas_from_nordic_spreadsheets(tmp_path):
    path = csv_file(tmp_path, "SE;municipality;1282;Landskrona;;se-skane;55,8708;12,8302;",
                    header=HEADER.replace(",", ";"))
    run_import(path)
    assert Place.objects.get(slug="se-landskrona").latitude == Decimal("55.87080")


def test_a_dry_run_reports_what_would_change_and_writes_nothing(tmp_path):
    before = all_places()
    path = csv_file(
        tmp_path,
        "SE,municipality,1282,Landskrona,,se-skane,,,",
        "SE,neighbourhood,,Centrum,,se-landskrona,,,",
        "SE,municipality,1280,Malmö stad,,12,,,",
    )
    out, _err = run_import(path, "--dry-run")
    assert "Dry run, nothing written" in out
    assert "2 created, 1 updated, 0 unchanged" in out
    assert all_places() == before


def test_a_broken_row_makes_the_whole_import_write_nothing_and_names_the_row(tmp_path):
    before = all_places()
    path = csv_file(
        tmp_path,
        "SE,municipality,1282,Landskrona,,se-skane,,,",
        "",
        "SE,neighbourhood,,Holma,,se-atlantis,,,",
        "SE,municipality,1280,Malmö stad,,12,,,",
        "XX,municipality,1,Atlantis,,se-skane,,,",
        "SE,municipality,1283,Helsingborg,,12,56.0x,12.69,",
    )
    with pytest.raises(CommandError, match="Nothing was imported: 3 of 6 rows have errors"):
        run_import(path)
    assert all_places() == before


def test_the_error_report_lists_every_failing_row_with_its_number(tmp_path):
    rows = [
        {"country": "SE", "level": "municipality", "code": "1282", "name": "Landskrona", "parent": "se-skane"},
        {"country": "SE", "level": "neighbourhood", "name": "Holma", "parent": "se-atlantis"},
        {"country": "SE", "level": "region", "name": "Skåne", "parent": "se"},
        {"country": "SE", "level": "municipality", "name": "Lomma", "parent": "se-skane"},
        {"country": "SE", "level": "municipality", "code": "1262", "name": "Lomma", "parent": "no-vestland"},
        {"country": "SE", "level": "neighbourhood", "name": "Holma", "parent": "se-skane"},
        {"country": "SE", "level": "neighbourhood", "name": "Holma", "parent": "se-malmo", "latitude": "55.58"},
        {"country": "SE", "level": "neighbourhood", "name": "Holma", "parent": "se-malmo", "slug": "se-lund"},
        {"country": "SE", "level": "neighbourhood", "name": "Holma", "parent": "se-malmo", "slug": "Holma Malmö"},
        {"country": "SE", "level": "municipality", "code": "1283", "name": "Helsingborg", "parent": "se-skane",
         "latitude": "156", "longitude": "12"},
    ]
    report = places_import(rows=rows, dry_run=False)
    assert [str(error) for error in report.errors] == [
        "row 3: unknown parent 'se-atlantis' (give the slug or official code of a municipality in SE)",
        "row 4: level must be 'municipality' or 'neighbourhood', not 'region'",
        "row 5: municipality 'Lomma' needs its official code",
        "row 6: parent 'no-vestland' is in NO, not in SE",
        "row 7: parent 'se-skane' is a region; a neighbourhood's parent must be a municipality",
        "row 8: give both latitude and longitude, or neither",
        "row 9: slug 'se-lund' is already used by Lund (SE municipality 1281, slug 'se-lund')",
        "row 10: slug 'Holma Malmö' may only contain lower-case letters a-z, digits and hyphens",
        "row 11: latitude '156' must be between -90 and 90",
    ]
    assert not report.written
    assert not Place.objects.filter(slug="se-landskrona").exists()


def test_a_taken_slug_asks_for_a_slug_of_its_own_and_a_slug_column_resolves_it(tmp_path):
    first = csv_file(tmp_path, "NO,municipality,1818,Herøy,,18,,,", name="first.csv")
    run_import(first)
    clash = csv_file(tmp_path, "NO,municipality,1515,Herøy,,15,,,", name="clash.csv")
    with pytest.raises(CommandError):
        run_import(clash)
    report = places_import(rows=[{"country": "NO", "level": "municipality", "code": "1515", "name": "Herøy",
                                  "parent": "15"}], dry_run=True)
    assert str(report.errors[0]) == ("row 2: slug 'no-heroy' is already used by Herøy (NO municipality 1818, "
                                     "slug 'no-heroy'); give this row a slug of its own")
    resolved = csv_file(tmp_path, "NO,municipality,1515,Herøy,,15,,,no-heroy-more-og-romsdal", name="resolved.csv")
    run_import(resolved)
    assert set(Place.objects.filter(name="Herøy").values_list("slug", "parent__code")) == {
        ("no-heroy", "18"), ("no-heroy-more-og-romsdal", "15")}


def test_the_command_refuses_a_file_with_missing_or_misspelt_columns(tmp_path):
    path = csv_file(tmp_path, "SE,municipality,1282,Landskrona,se-skane,55.87",
                    header="country,level,code,name,parent,lat")
    with pytest.raises(CommandError, match="unknown column\\(s\\): 'lat'"):
        run_import(path)
    path = csv_file(tmp_path, "SE,1282,Landskrona", header="country,code,name")
    with pytest.raises(CommandError, match="missing column\\(s\\): level, parent"):
        run_import(path)


def test_a_comma_inside_an_unquoted_name_is_reported(tmp_path):
    path = csv_file(tmp_path, "SE,neighbourhood,,Holma, Kroksbäck,,se-malmo,,,")
    with pytest.raises(CommandError):
        run_import(path)
    path = csv_file(tmp_path, 'SE,neighbourhood,,"Holma, Kroksbäck",,se-malmo,,,')
    run_import(path)
    assert Place.objects.get(slug="se-malmo-holma-kroksback").name == "Holma, Kroksbäck"


def test_the_command_shows_progress_and_the_failing_rows_on_stderr(tmp_path):
    import io

    path = csv_file(tmp_path, "SE,municipality,1282,Landskrona,,se-skane,,,", "SE,neighbourhood,,Holma,,se-atlantis,,,")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_places", str(path), stdout=io.StringIO(), stderr=err)
    assert "Importing places [" in err.getvalue() and "2/2 (100 %)" in err.getvalue()
    assert "row 3: unknown parent 'se-atlantis'" in err.getvalue()


# Selectors --------------------------------------------------------------------------------------

def test_place_choices_group_by_country_with_regions_then_their_municipalities():
    with translation.override("en"):
        choices = dict(place_choices(value="slug"))
    assert list(choices) == ["Sweden", "Norway", "Denmark", "Finland", "Iceland"]
    sweden = choices["Sweden"]
    assert sweden[0] == ("se", "Sweden")
    labels = [label for _slug, label in sweden]
    skane = labels.index("Skåne län")
    assert labels[skane + 1:skane + 5] == ["Helsingborg (Skåne län)", "Lund (Skåne län)", "Malmö (Skåne län)",
                                           "Rosengård (Malmö)"]
    assert ("no-oslo-toyen", "Tøyen (Oslo)") in choices["Norway"]
    assert len(sweden) == 1 + 21 + 6 + 1


def test_place_choices_use_primary_keys_by_default_and_name_countries_in_the_active_language():
    malmo = Place.objects.get(slug="se-malmo")
    with translation.override("sv"):
        choices = dict(place_choices())
        sweden = str(Country.SWEDEN.label)  # the translation, once locale/ has it
    assert (malmo.pk, "Malmö (Skåne län)") in choices[sweden]
    assert choices[sweden][0] == (Place.objects.get(slug="se").pk, sweden)


def test_place_choices_are_cached_until_an_import_changes_places(tmp_path, django_assert_num_queries):
    with translation.override("en"):
        place_choices()
        with django_assert_num_queries(0):
            place_choices()
        run_import(csv_file(tmp_path, "SE,municipality,1282,Landskrona,,se-skane,,,"))
        assert ("se-landskrona", "Landskrona (Skåne län)") in dict(place_choices(value="slug"))["Sweden"]
        assert any(label == "Landskrona (Skåne län)" for _pk, label in dict(place_choices())["Sweden"])


def test_a_dry_run_leaves_the_cached_choices_alone(tmp_path, django_assert_num_queries):
    with translation.override("en"):
        place_choices()
        run_import(csv_file(tmp_path, "SE,municipality,1282,Landskrona,,se-skane,,,"), "--dry-run")
        with django_assert_num_queries(0):
            assert "Landskrona (Skåne län)" not in [label for _pk, label in dict(place_choices())["Sweden"]]


def test_places_for_country_returns_only_the_asked_levels_with_their_parents(django_assert_num_queries):
    with django_assert_num_queries(1):
        places = list(places_for_country(country="SE", levels=["municipality"]))
        parents = {place.parent.slug for place in places}
    assert [place.name for place in places] == ["Göteborg", "Helsingborg", "Lund", "Malmö", "Stockholm", "Uppsala"]
    assert parents == {"se-skane", "se-stockholms-lan", "se-vastra-gotaland", "se-uppsala-lan"}
    assert places_for_country(country="DK").count() == 1 + 5 + 5 + 2


# Admin ------------------------------------------------------------------------------------------

def test_hub_admin_filters_and_searches_places_in_the_admin(client, hub_admin):
    client.force_login(hub_admin)
    url = reverse("admin:core_place_changelist")
    assert client.get(url).status_code == 200
    html = client.get(url, {"level__exact": "region", "country__exact": "DK"}).content.decode()
    assert "Region Midtjylland" in html and "Malmö" not in html
    html = client.get(url, {"q": "tromso"}).content.decode()
    assert "Tromsø" in html and "Bergen" not in html


def test_hub_admin_renames_a_place_and_the_cached_choices_follow(client, hub_admin):
    client.force_login(hub_admin)
    with translation.override("en"):
        place_choices()
    lund = Place.objects.get(slug="se-lund")
    response = client.post(reverse("admin:core_place_change", args=[lund.pk]), {
        "level": "municipality", "country": "SE", "parent": lund.parent_id, "name": "Lunds kommun",
        "name_en": "Lund", "code": "1281", "slug": "se-lund", "latitude": "55.7047", "longitude": "13.191",
    })
    assert response.status_code == 302
    with translation.override("en"):
        assert "Lunds kommun (Skåne län)" in [label for _pk, label in dict(place_choices())["Sweden"]]


@pytest.mark.parametrize("role", ["member", "mentor", "facilitator"])
def test_only_hub_admins_reach_the_place_admin(client, role):
    client.force_login(make_user_for_role(role))
    response = client.get(reverse("admin:core_place_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]
