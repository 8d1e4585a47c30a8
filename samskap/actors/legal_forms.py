"""Legal forms per country, in the country's own terms (they are legal names, not translated),
and organisation-number validation with python-stdnum."""

from stdnum.dk import cvr
from stdnum.fi import ytunnus
from stdnum.is_ import kennitala
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

LEGAL_FORMS: dict[str, list[tuple[str, str]]] = {
    "SE": [
        ("se-ideell-forening", "Ideell förening"),
        ("se-ekonomisk-forening", "Ekonomisk förening"),
        ("se-stiftelse", "Stiftelse"),
        ("se-aktiebolag", "Aktiebolag (AB)"),
        ("se-svb", "Aktiebolag med särskild vinstutdelningsbegränsning (SVB)"),
        ("se-enskild-firma", "Enskild firma"),
        ("se-handelsbolag", "Handelsbolag"),
        ("se-kommanditbolag", "Kommanditbolag"),
        ("se-trossamfund", "Registrerat trossamfund"),
        ("se-kommun", "Kommun"),
        ("se-region", "Region"),
        ("se-statlig-myndighet", "Statlig myndighet"),
    ],
    "NO": [
        ("no-forening", "Forening (FLI)"),
        ("no-samvirke", "Samvirkeforetak (SA)"),
        ("no-stiftelse", "Stiftelse"),
        ("no-as", "Aksjeselskap (AS)"),
        ("no-ideelt-as", "Ideelt aksjeselskap"),
        ("no-enk", "Enkeltpersonforetak (ENK)"),
        ("no-da", "Ansvarlig selskap (DA/ANS)"),
        ("no-kommune", "Kommune"),
        ("no-fylkeskommune", "Fylkeskommune"),
        ("no-statlig-virksomhet", "Statlig virksomhet"),
    ],
    "DK": [
        ("dk-forening", "Forening"),
        ("dk-andelsselskab", "Andelsselskab (A.m.b.a.)"),
        ("dk-fond", "Fond"),
        ("dk-selvejende-institution", "Selvejende institution"),
        ("dk-aps", "Anpartsselskab (ApS)"),
        ("dk-as", "Aktieselskab (A/S)"),
        ("dk-rsv", "Registreret socialøkonomisk virksomhed (RSV)"),
        ("dk-enkeltmandsvirksomhed", "Enkeltmandsvirksomhed"),
        ("dk-ivs", "Interessentskab (I/S)"),
        ("dk-kommune", "Kommune"),
        ("dk-region", "Region"),
        ("dk-statslig-institution", "Statslig institution"),
    ],
    "FI": [
        ("fi-yhdistys", "Yhdistys / Förening"),
        ("fi-osuuskunta", "Osuuskunta / Andelslag"),
        ("fi-saatio", "Säätiö / Stiftelse"),
        ("fi-osakeyhtio", "Osakeyhtiö (Oy) / Aktiebolag (Ab)"),
        ("fi-toiminimi", "Toiminimi / Enskild näringsidkare"),
        ("fi-kunta", "Kunta / Kommun"),
        ("fi-hyvinvointialue", "Hyvinvointialue / Välfärdsområde"),
    ],
    "IS": [
        ("is-felag", "Félag / Félagasamtök"),
        ("is-samvinnufelag", "Samvinnufélag"),
        ("is-sjalfseignarstofnun", "Sjálfseignarstofnun"),
        ("is-ehf", "Einkahlutafélag (ehf.)"),
        ("is-hf", "Hlutafélag (hf.)"),
        ("is-einkafyrirtaeki", "Einstaklingsfyrirtæki"),
        ("is-sveitarfelag", "Sveitarfélag"),
    ],
}
ALL_LEGAL_FORMS = [choice for forms in LEGAL_FORMS.values() for choice in forms]
LEGAL_FORM_COUNTRY = {code: country for country, forms in LEGAL_FORMS.items() for code, _label in forms}

ORG_NUMBER_VALIDATORS = {"SE": se_orgnr, "NO": no_orgnr, "DK": cvr, "FI": ytunnus, "IS": kennitala}


def org_number_normalised(country: str, number: str) -> str:
    """Return the number in its country's standard format, or raise stdnum's ValidationError."""
    module = ORG_NUMBER_VALIDATORS[country]
    return module.format(module.validate(number)) if hasattr(module, "format") else module.validate(number)
