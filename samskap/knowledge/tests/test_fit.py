"""Which funding calls fit which organisations: both SQL directions and the reasons agree, case by case."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samskap.actors.models import Organisation
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.core.models import Place
from samskap.knowledge.fit import calls_fitting_q, fit_reasons, organisations_fitting_q
from samskap.knowledge.models import FundingCall
from samskap.knowledge.tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Two countries' places: Sweden → Skåne → Malmö → Rosengård, Sweden → Stockholm region → Stockholm,
    Norway → Oslo; and three themes."""
    sweden = Place.objects.get(level=Place.Level.COUNTRY, country="SE")
    norway = Place.objects.get(level=Place.Level.COUNTRY, country="NO")
    skane = make_place("Skåne T", level="region", parent=sweden)
    malmo = make_place("Malmö T", level="municipality", parent=skane)
    rosengard = make_place("Rosengård T", level="neighbourhood", parent=malmo)
    stockholm_region = make_place("Stockholms län T", level="region", parent=sweden)
    stockholm = make_place("Stockholm T", level="municipality", parent=stockholm_region)
    oslo = make_place("Oslo T", level="municipality", parent=norway, country="NO")
    return {
        "sweden": sweden, "norway": norway, "skane": skane, "malmo": malmo, "rosengard": rosengard,
        "stockholm": stockholm, "oslo": oslo,
        "loneliness": make_theme("Loneliness T"), "housing": make_theme("Housing T"),
        "climate": make_theme("Climate T"),
    }


# (case, call: kinds / places / themes, organisation: kind / country / head office / areas served / themes, fits)
CASES = [
    ("no rules fit anyone", {}, {}, True),
    ("kind listed", {"kinds": ["association"]}, {"kind": "association"}, True),
    ("one of several kinds", {"kinds": ["association", "cooperative"]}, {"kind": "cooperative"}, True),
    ("kind not listed", {"kinds": ["association"]}, {"kind": "company"}, False),
    ("own country", {"places": ["sweden"]}, {"country": "SE"}, True),
    ("own country without any place given", {"places": ["sweden"]}, {"country": "SE", "head_office": None}, True),
    ("other country", {"places": ["norway"]}, {"country": "SE"}, False),
    ("region above the head office's neighbourhood", {"places": ["skane"]}, {"head_office": "rosengard"}, True),
    ("the head office itself", {"places": ["malmo"]}, {"head_office": "malmo"}, True),
    ("region above an area served", {"places": ["skane"]},
     {"head_office": "stockholm", "areas": ["malmo"]}, True),
    ("neighbourhood served exactly", {"places": ["rosengard"]}, {"head_office": None, "areas": ["rosengard"]}, True),
    ("region elsewhere", {"places": ["skane"]}, {"head_office": "stockholm"}, False),
    ("a place below the organisation's does not count", {"places": ["malmo"]}, {"head_office": "skane"}, False),
    ("any of several places", {"places": ["oslo", "skane"]}, {"head_office": "malmo"}, True),
    ("no place at all and a place rule", {"places": ["skane"]}, {"country": "NO", "head_office": None}, False),
    ("shared theme", {"themes": ["loneliness"]}, {"themes": ["loneliness", "housing"]}, True),
    ("one shared theme of several", {"themes": ["climate", "housing"]}, {"themes": ["housing"]}, True),
    ("no shared theme", {"themes": ["climate"]}, {"themes": ["loneliness"]}, False),
    ("organisation without themes and a theme rule", {"themes": ["climate"]}, {"themes": []}, False),
    ("every rule met", {"kinds": ["association"], "places": ["skane"], "themes": ["loneliness"]},
     {"kind": "association", "head_office": "rosengard", "themes": ["loneliness"]}, True),
    ("every rule but the theme met", {"kinds": ["association"], "places": ["skane"], "themes": ["climate"]},
     {"kind": "association", "head_office": "rosengard", "themes": ["loneliness"]}, False),
    ("every rule but the place met", {"kinds": ["association"], "places": ["oslo"], "themes": ["loneliness"]},
     {"kind": "association", "head_office": "rosengard", "themes": ["loneliness"]}, False),
]


def _make(world, call_spec, organisation_spec):
    call = FundingCallFactory(eligible_kinds=call_spec.get("kinds", []),
                              eligible_places=[world[name] for name in call_spec.get("places", [])],
                              themes=[world[name] for name in call_spec.get("themes", [])])
    head_office = organisation_spec.get("head_office", "malmo")
    organisation = OrganisationFactory(
        kind=organisation_spec.get("kind", "association"), country=organisation_spec.get("country", "SE"),
        head_office=world[head_office] if head_office else None,
        areas_served=[world[name] for name in organisation_spec.get("areas", [])],
        themes=[world[name] for name in organisation_spec.get("themes", [])])
    return call, organisation


@pytest.mark.parametrize("case, call_spec, organisation_spec, fits", CASES, ids=[case[0] for case in CASES])
def test_a_call_fits_an_organisation_by_kind_place_and_theme(world, case, call_spec, organisation_spec, fits):
    call, organisation = _make(world, call_spec, organisation_spec)
    # An organisation and a call that fit nothing, so the filters must pick and not just pass everything.
    FundingCallFactory(eligible_kinds=["municipality"])
    OrganisationFactory(kind="municipality", country="DK")

    calls = set(FundingCall.objects.filter(calls_fitting_q(organisation)))
    organisations = set(Organisation.objects.filter(organisations_fitting_q(call)))

    assert (call in calls) is fits
    assert (organisation in organisations) is fits
    assert bool(fit_reasons(call, organisation)) is fits


def test_the_reasons_name_the_kind_the_place_and_the_shared_theme(world):
    call, organisation = _make(world, {"kinds": ["association"], "places": ["skane"], "themes": ["loneliness"]},
                               {"kind": "association", "head_office": "rosengard",
                                "themes": ["loneliness", "housing"]})

    assert fit_reasons(call, organisation) == ["open to association / NGO", "in Skåne T", "theme: Loneliness T"]


def test_a_call_without_rules_gives_one_reason(world):
    call, organisation = _make(world, {}, {})

    assert fit_reasons(call, organisation) == ["open to every organisation"]


def test_a_country_rule_names_the_country(world):
    call, organisation = _make(world, {"places": ["sweden", "norway"]}, {"country": "SE", "head_office": None})

    assert fit_reasons(call, organisation) == [f"in {world['sweden'].name}"]


def test_the_filters_are_single_queries_whatever_the_number_of_rows(world):
    calls = [FundingCallFactory(eligible_kinds=["association"], eligible_places=[world["skane"]],
                                themes=[world["loneliness"]]) for _ in range(5)]
    organisations = [OrganisationFactory(kind="association", head_office=world["rosengard"],
                                         areas_served=[world["stockholm"]], themes=[world["loneliness"]])
                     for _ in range(5)]

    with CaptureQueriesContext(connection) as building:
        call_q, organisation_q = calls_fitting_q(organisations[0]), organisations_fitting_q(calls[0])
    with CaptureQueriesContext(connection) as filtering:
        fitting_calls = list(FundingCall.objects.filter(call_q))
        fitting_organisations = list(Organisation.objects.filter(organisation_q))

    assert len(building) == 0
    assert len(filtering) == 2
    assert set(fitting_calls) == set(calls)
    assert set(fitting_organisations) == set(organisations)


def test_many_matching_places_and_themes_return_each_row_once(world):
    """Several matching places or themes must not repeat an organisation (no joins that multiply rows)."""
    call = FundingCallFactory(eligible_places=[world["skane"], world["sweden"], world["malmo"]],
                              themes=[world["loneliness"], world["housing"]])
    organisation = OrganisationFactory(head_office=world["rosengard"], areas_served=[world["malmo"], world["skane"]],
                                       themes=[world["loneliness"], world["housing"]])

    assert list(Organisation.objects.filter(organisations_fitting_q(call))) == [organisation]
    assert list(FundingCall.objects.filter(calls_fitting_q(organisation))) == [call]
