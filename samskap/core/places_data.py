"""The places Samskap ships: the five Nordic countries, every region, and the municipalities and
neighbourhoods the demo uses.

Plain data without model imports, so the data migration, the tests and `import_places` share one
source. Codes are the official statistical codes (SCB län and kommunkod, SSB fylkes- and
kommunenummer, Danmarks Statistik region and kommune codes, Statistics Finland maakunta and kunta
codes, Hagstofa Íslands landshluti and sveitarfélag numbers). Coordinates are approximate centres,
good enough to place a marker on a map overview, not boundaries.
"""

from decimal import Decimal
from typing import NamedTuple

from django.utils.text import slugify

# Letters that Django's slugify would drop (it keeps only what NFKD folds to ASCII).
NORDIC_FOLDING = str.maketrans({
    "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ä": "a", "Ä": "A", "ö": "o", "Ö": "O",
    "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
})


def place_slug(*parts: str) -> str:
    """Join the parts into one slug, folding Nordic letters first: ("SE", "Malmö") → "se-malmo"."""
    return "-".join(slugify(part.translate(NORDIC_FOLDING)) for part in parts if part)


class PlaceData(NamedTuple):
    level: str
    country: str
    code: str
    name: str
    name_en: str
    slug: str
    parent_slug: str | None
    latitude: Decimal | None
    longitude: Decimal | None


def _coordinate(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


# code, local name, English name, approximate centre
COUNTRIES = [
    ("SE", "Sverige", "Sweden", "62.0", "15.0"),
    ("NO", "Norge", "Norway", "64.5", "12.0"),
    ("DK", "Danmark", "Denmark", "56.0", "10.0"),
    ("FI", "Suomi", "Finland", "64.0", "26.0"),
    ("IS", "Ísland", "Iceland", "64.9", "-18.6"),
]

# code, local name, English name, slug part (after the country), approximate centre.
# A region named like a municipality in it (Stockholms län and Stockholm, Oslo fylke and Oslo kommune)
# takes its full name as slug, so the municipality keeps the plain one: se-stockholm is the city.
REGIONS = {
    "SE": [
        ("01", "Stockholms län", "Stockholm County", "Stockholms län", "59.45", "18.15"),
        ("03", "Uppsala län", "Uppsala County", "Uppsala län", "60.05", "17.60"),
        ("04", "Södermanlands län", "Södermanland County", "Södermanland", "59.05", "16.65"),
        ("05", "Östergötlands län", "Östergötland County", "Östergötland", "58.35", "15.65"),
        ("06", "Jönköpings län", "Jönköping County", "Jönköpings län", "57.45", "14.45"),
        ("07", "Kronobergs län", "Kronoberg County", "Kronoberg", "56.75", "14.45"),
        ("08", "Kalmar län", "Kalmar County", "Kalmar län", "57.20", "16.20"),
        ("09", "Gotlands län", "Gotland County", "Gotlands län", "57.50", "18.55"),
        ("10", "Blekinge län", "Blekinge County", "Blekinge", "56.25", "15.30"),
        ("12", "Skåne län", "Skåne County", "Skåne", "55.85", "13.60"),
        ("13", "Hallands län", "Halland County", "Halland", "56.90", "12.70"),
        ("14", "Västra Götalands län", "Västra Götaland County", "Västra Götaland", "58.20", "12.60"),
        ("17", "Värmlands län", "Värmland County", "Värmland", "59.75", "13.20"),
        ("18", "Örebro län", "Örebro County", "Örebro län", "59.40", "15.00"),
        ("19", "Västmanlands län", "Västmanland County", "Västmanland", "59.70", "16.20"),
        ("20", "Dalarnas län", "Dalarna County", "Dalarna", "61.00", "14.50"),
        ("21", "Gävleborgs län", "Gävleborg County", "Gävleborg", "61.50", "16.30"),
        ("22", "Västernorrlands län", "Västernorrland County", "Västernorrland", "63.00", "17.30"),
        ("23", "Jämtlands län", "Jämtland County", "Jämtland", "63.00", "14.40"),
        ("24", "Västerbottens län", "Västerbotten County", "Västerbotten", "64.90", "17.70"),
        ("25", "Norrbottens län", "Norrbotten County", "Norrbotten", "66.80", "20.50"),
    ],
    # The fylker since 1 January 2024.
    "NO": [
        ("03", "Oslo", "Oslo", "Oslo fylke", "59.95", "10.75"),
        ("11", "Rogaland", "Rogaland", "Rogaland", "59.10", "6.20"),
        ("15", "Møre og Romsdal", "Møre og Romsdal", "Møre og Romsdal", "62.55", "7.50"),
        ("18", "Nordland", "Nordland", "Nordland", "66.80", "14.60"),
        ("31", "Østfold", "Østfold", "Østfold", "59.30", "11.20"),
        ("32", "Akershus", "Akershus", "Akershus", "60.00", "11.00"),
        ("33", "Buskerud", "Buskerud", "Buskerud", "60.20", "9.30"),
        ("34", "Innlandet", "Innlandet", "Innlandet", "61.30", "10.30"),
        ("39", "Vestfold", "Vestfold", "Vestfold", "59.25", "10.20"),
        ("40", "Telemark", "Telemark", "Telemark", "59.40", "8.50"),
        ("42", "Agder", "Agder", "Agder", "58.70", "7.80"),
        ("46", "Vestland", "Vestland", "Vestland", "60.90", "6.30"),
        ("50", "Trøndelag", "Trøndelag", "Trøndelag", "63.70", "11.00"),
        ("55", "Troms", "Troms", "Troms", "69.20", "19.00"),
        ("56", "Finnmark", "Finnmark", "Finnmark", "69.90", "25.00"),
    ],
    "DK": [
        ("1081", "Region Nordjylland", "North Denmark Region", "Nordjylland", "57.00", "9.90"),
        ("1082", "Region Midtjylland", "Central Denmark Region", "Midtjylland", "56.25", "9.30"),
        ("1083", "Region Syddanmark", "Region of Southern Denmark", "Syddanmark", "55.40", "9.30"),
        ("1084", "Region Hovedstaden", "Capital Region of Denmark", "Hovedstaden", "55.80", "12.40"),
        ("1085", "Region Sjælland", "Region Zealand", "Sjælland", "55.45", "11.65"),
    ],
    # Åland's only official language is Swedish, so its local name is Åland (Ahvenanmaa in Finnish).
    "FI": [
        ("01", "Uusimaa", "Uusimaa", "Uusimaa", "60.40", "24.90"),
        ("02", "Varsinais-Suomi", "Southwest Finland", "Varsinais-Suomi", "60.55", "22.40"),
        ("04", "Satakunta", "Satakunta", "Satakunta", "61.50", "22.00"),
        ("05", "Kanta-Häme", "Kanta-Häme", "Kanta-Häme", "60.90", "24.30"),
        ("06", "Pirkanmaa", "Pirkanmaa", "Pirkanmaa", "61.70", "23.70"),
        ("07", "Päijät-Häme", "Päijät-Häme", "Päijät-Häme", "61.10", "25.70"),
        ("08", "Kymenlaakso", "Kymenlaakso", "Kymenlaakso", "60.80", "26.80"),
        ("09", "Etelä-Karjala", "South Karelia", "Etelä-Karjala", "61.10", "28.20"),
        ("10", "Etelä-Savo", "South Savo", "Etelä-Savo", "61.80", "27.80"),
        ("11", "Pohjois-Savo", "North Savo", "Pohjois-Savo", "63.00", "27.30"),
        ("12", "Pohjois-Karjala", "North Karelia", "Pohjois-Karjala", "62.80", "30.00"),
        ("13", "Keski-Suomi", "Central Finland", "Keski-Suomi", "62.50", "25.50"),
        ("14", "Etelä-Pohjanmaa", "South Ostrobothnia", "Etelä-Pohjanmaa", "62.80", "23.00"),
        ("15", "Pohjanmaa", "Ostrobothnia", "Pohjanmaa", "63.00", "21.80"),
        ("16", "Keski-Pohjanmaa", "Central Ostrobothnia", "Keski-Pohjanmaa", "63.70", "24.00"),
        ("17", "Pohjois-Pohjanmaa", "North Ostrobothnia", "Pohjois-Pohjanmaa", "65.00", "26.00"),
        ("18", "Kainuu", "Kainuu", "Kainuu", "64.40", "28.50"),
        ("19", "Lappi", "Lapland", "Lappi", "67.50", "26.00"),
        ("21", "Åland", "Åland", "Åland", "60.20", "20.00"),
    ],
    "IS": [
        ("1", "Höfuðborgarsvæðið", "Capital Region", "Höfuðborgarsvæðið", "64.12", "-21.80"),
        ("2", "Suðurnes", "Southern Peninsula", "Suðurnes", "63.95", "-22.55"),
        ("3", "Vesturland", "Western Region", "Vesturland", "64.75", "-22.30"),
        ("4", "Vestfirðir", "Westfjords", "Vestfirðir", "65.80", "-22.80"),
        ("5", "Norðurland vestra", "Northwestern Region", "Norðurland vestra", "65.45", "-19.90"),
        ("6", "Norðurland eystra", "Northeastern Region", "Norðurland eystra", "65.70", "-17.00"),
        ("7", "Austurland", "Eastern Region", "Austurland", "65.00", "-14.80"),
        ("8", "Suðurland", "Southern Region", "Suðurland", "63.95", "-19.80"),
    ],
}

# country, code, local name, English name, region code, centre
MUNICIPALITIES = [
    ("SE", "1280", "Malmö", "Malmö", "12", "55.60500", "13.00380"),
    ("SE", "1281", "Lund", "Lund", "12", "55.70470", "13.19100"),
    ("SE", "1283", "Helsingborg", "Helsingborg", "12", "56.04650", "12.69450"),
    ("SE", "0180", "Stockholm", "Stockholm", "01", "59.32930", "18.06860"),
    ("SE", "1480", "Göteborg", "Gothenburg", "14", "57.70890", "11.97460"),
    ("SE", "0380", "Uppsala", "Uppsala", "03", "59.85860", "17.63890"),
    ("NO", "0301", "Oslo", "Oslo", "03", "59.91390", "10.75220"),
    ("NO", "1103", "Stavanger", "Stavanger", "11", "58.97000", "5.73310"),
    ("NO", "4601", "Bergen", "Bergen", "46", "60.39130", "5.32210"),
    ("NO", "5001", "Trondheim", "Trondheim", "50", "63.43050", "10.39510"),
    ("NO", "5501", "Tromsø", "Tromsø", "55", "69.64920", "18.95530"),
    ("DK", "751", "Aarhus", "Aarhus", "1082", "56.16290", "10.20390"),
    ("DK", "101", "København", "Copenhagen", "1084", "55.67610", "12.56830"),
    ("DK", "461", "Odense", "Odense", "1083", "55.40380", "10.40240"),
    ("DK", "851", "Aalborg", "Aalborg", "1081", "57.04880", "9.92170"),
    ("DK", "791", "Viborg", "Viborg", "1082", "56.45320", "9.40200"),
    ("FI", "091", "Helsinki", "Helsinki", "01", "60.16990", "24.93840"),
    ("IS", "0000", "Reykjavík", "Reykjavík", "1", "64.14660", "-21.94260"),
]

# municipality slug, local name, English name, centre
NEIGHBOURHOODS = [
    ("se-malmo", "Rosengård", "Rosengård", "55.58600", "13.04000"),
    ("no-oslo", "Tøyen", "Tøyen", "59.91550", "10.77300"),
    ("no-oslo", "Grønland", "Grønland", "59.91250", "10.76150"),
    ("dk-aarhus", "Gellerup", "Gellerup", "56.15350", "10.13850"),
    ("dk-kobenhavn", "Nørrebro", "Nørrebro", "55.69400", "12.54900"),
]


def _shipped_places() -> list[PlaceData]:
    places = []
    region_slugs = {}
    for code, name, name_en, lat, lon in COUNTRIES:
        places.append(PlaceData("country", code, code, name, name_en, place_slug(code), None,
                                _coordinate(lat), _coordinate(lon)))
    for country, regions in REGIONS.items():
        for code, name, name_en, slug_part, lat, lon in regions:
            slug = place_slug(country, slug_part)
            region_slugs[country, code] = slug
            places.append(PlaceData("region", country, code, name, name_en, slug, place_slug(country),
                                    _coordinate(lat), _coordinate(lon)))
    for country, code, name, name_en, region_code, lat, lon in MUNICIPALITIES:
        places.append(PlaceData("municipality", country, code, name, name_en, place_slug(country, name),
                                region_slugs[country, region_code], _coordinate(lat), _coordinate(lon)))
    for municipality_slug, name, name_en, lat, lon in NEIGHBOURHOODS:
        country = municipality_slug[:2].upper()
        places.append(PlaceData("neighbourhood", country, "", name, name_en, f"{municipality_slug}-{place_slug(name)}",
                                municipality_slug, _coordinate(lat), _coordinate(lon)))
    return places


# Parents always come before their children.
PLACES: list[PlaceData] = _shipped_places()
