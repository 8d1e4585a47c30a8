"""Suggested matches: the right organisation and person rank first, with reasons; own, merged, unlisted, hidden
and closed things never show; the ad list's "best match for me" order; a constant number of queries."""

import pytest
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.models import Place
from samskap.marketplace.matching import ads_for_member, ads_for_organisation, ads_sorted_for, suggestions_for_ad
from samskap.marketplace.models import Ad
from samskap.marketplace.tests.factories import AdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def world():
    sweden = Place.objects.get(level=Place.Level.COUNTRY, country="SE")
    skane = make_place("Skåne T", level="region", parent=sweden)
    malmo = make_place("Malmö T", level="municipality", parent=skane)
    rosengard = make_place("Rosengård T", level="neighbourhood", parent=malmo)
    lund = make_place("Lund T", level="municipality", parent=skane)
    stockholm_region = make_place("Stockholms län T", level="region", parent=sweden)
    stockholm = make_place("Stockholm T", level="municipality", parent=stockholm_region)
    themes = {"work": make_theme("Work integration T"), "loneliness": make_theme("Loneliness T"),
              "climate": make_theme("Climate T")}
    owner = UserFactory(name="Ada Owner")
    coop = OrganisationFactory(name="Kooperativet Malmö", kind="cooperative", head_office=malmo,
                               themes=[themes["work"]], offers="Vi erbjuder bokföring")  # the owner's own
    MembershipFactory(organisation=coop, user=owner, role=Membership.Role.ADMIN)
    ad = AdFactory(owner=owner, organisation=coop, kind="seeking_competence",
                   title="Vi söker kompetens inom bokföring i Malmö",
                   description="Vårt kooperativ behöver hjälp med bokföring och budget.",
                   themes=[themes["work"]], places=[rosengard])
    right = OrganisationFactory(name="Ekonomihuset", kind="company", head_office=malmo, themes=[themes["work"]],
                                offers="Vi erbjuder bokföring och redovisning för sociala företag.")
    near = OrganisationFactory(name="Grannskapet", kind="association", head_office=malmo,
                               themes=[themes["loneliness"]], offers="Vi erbjuder praktikplatser.")
    far = OrganisationFactory(name="Räkneverket Stockholm", kind="social_enterprise", head_office=stockholm,
                              themes=[themes["climate"]], offers="Vi erbjuder bokföring.")
    merged = OrganisationFactory(name="Sammanslagen", kind="company", head_office=malmo, themes=[themes["work"]],
                                 offers="Vi erbjuder bokföring.", merged_into=right)
    person = UserFactory(name="Bea Bookkeeper", listed_in_directory=True, place=lund,
                         skills="bokföring, budget, arabiska")
    person.themes.set([themes["work"]])
    hidden_person = UserFactory(name="Unlisted Person", listed_in_directory=False, place=malmo, skills="bokföring")
    hidden_person.themes.set([themes["work"]])
    return {"places": {"malmo": malmo, "rosengard": rosengard, "lund": lund, "stockholm": stockholm,
                       "skane": skane},
            "themes": themes, "owner": owner, "coop": coop, "ad": ad, "right": right, "near": near, "far": far,
            "merged": merged, "person": person, "hidden_person": hidden_person}


def test_the_organisation_that_offers_what_the_ad_seeks_in_the_same_place_ranks_first(world):
    suggestions = suggestions_for_ad(world["ad"])

    names = [s.name for s in suggestions]
    assert names[0] == "Ekonomihuset"
    assert names.index("Bea Bookkeeper") < names.index("Grannskapet")
    first = suggestions[0]
    assert "both work on work integration T in Malmö T" in first.reasons
    assert "they offer what you seek: bokföring" in first.reasons
    assert "they are a company" in first.reasons
    assert first.url == world["right"].get_absolute_url()


def test_people_are_suggested_by_skills_theme_and_region(world):
    person = next(s for s in suggestions_for_ad(world["ad"]) if s.is_person)

    assert person.actor == world["person"]
    assert person.url == reverse("accounts:person", args=[world["person"].pk])
    assert "both work on work integration T in Skåne T" in person.reasons
    assert "they offer what you seek: bokföring and budget" in person.reasons


def test_own_merged_and_unlisted_actors_are_never_suggested(world):
    actors = {s.actor for s in suggestions_for_ad(world["ad"], limit=50)}

    assert world["coop"] not in actors and world["merged"] not in actors
    assert world["owner"] not in actors and world["hidden_person"] not in actors
    # Candidates come from shared themes and places; words alone (and the same country) do not make one.
    assert world["far"] not in actors


def test_an_anywhere_ad_skips_the_place(world):
    ad = AdFactory(kind="seeking_competence", title="Bokföring sökes", description="Hjälp med bokföring.",
                   is_anywhere=True, themes=[world["themes"]["work"]], places=[world["places"]["malmo"]])

    suggestions = suggestions_for_ad(ad)

    assert all("Malmö" not in reason for s in suggestions for reason in s.reasons)
    assert "both work on work integration T" in suggestions[0].reasons


def test_suggestions_for_an_ad_take_a_constant_number_of_queries(world, django_assert_max_num_queries):
    for n in range(15):
        org = OrganisationFactory(head_office=world["places"]["malmo"], themes=[world["themes"]["work"]],
                                  offers=f"bokföring {n}")
        org.offer_themes.set([world["themes"]["work"]])
        org.areas_served.set([world["places"]["lund"]])
    ad = Ad.objects.get(pk=world["ad"].pk)
    with django_assert_max_num_queries(10):
        assert len(suggestions_for_ad(ad, limit=30)) > 15


def test_ads_for_an_organisation_explain_what_it_offers_and_skip_its_own_and_closed_or_hidden_ads(world):
    from django.utils import timezone

    right, themes, malmo = world["right"], world["themes"], world["places"]["malmo"]
    own = AdFactory(organisation=right, title="Vår egen bokföring", themes=[themes["work"]], places=[malmo])
    closed = AdFactory(title="Bokföring stängd", status=Ad.Status.CLOSED, themes=[themes["work"]], places=[malmo])
    hidden = AdFactory(title="Bokföring dold", hidden_at=timezone.now(), themes=[themes["work"]], places=[malmo])
    unrelated = AdFactory(title="Klimatcafé i Stockholm", description="Vi söker frivilliga.", kind="volunteers",
                          themes=[themes["climate"]], places=[world["places"]["stockholm"]])

    suggestions = ads_for_organisation(right)

    ads = [s.ad for s in suggestions]
    assert ads[0] == world["ad"]
    assert not {own, closed, hidden, unrelated} & set(ads)
    assert "you offer what they seek: bokföring" in suggestions[0].reasons
    assert "both work on work integration T in Malmö T" in suggestions[0].reasons
    assert "the ad suits a company" in suggestions[0].reasons


def test_ads_for_a_member_fit_them_as_a_person_and_skip_their_own_and_their_organisations(world):
    person = world["person"]
    theirs = AdFactory(owner=person, title="Bokföring för mig", themes=[world["themes"]["work"]])
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=person)
    for_their_organisation = AdFactory(organisation=organisation, title="Bokföring för föreningen",
                                       themes=[world["themes"]["work"]])

    suggestions = ads_for_member(person)

    ads = [s.ad for s in suggestions]
    assert world["ad"] in ads and theirs not in ads and for_their_organisation not in ads
    reasons = suggestions[ads.index(world["ad"])].reasons
    assert "you offer what they seek: bokföring and budget" in reasons


def test_the_best_match_sort_puts_fitting_ads_first_and_paginates(world):
    malmo, themes = world["places"]["malmo"], world["themes"]
    viewer = UserFactory(place=malmo)
    viewer.themes.set([themes["loneliness"]])
    Ad.objects.all().delete()
    both = AdFactory(title="both", themes=[themes["loneliness"]], places=[malmo])
    place_only = AdFactory(title="place", places=[world["places"]["rosengard"]])
    nothing = [AdFactory(title=f"nothing {n}", places=[world["places"]["stockholm"]]) for n in range(4)]
    newest_fit = AdFactory(title="theme", themes=[themes["loneliness"]])

    ordered = list(ads_sorted_for(viewer, Ad.objects.open()))

    assert ordered[:3] == [both, place_only, newest_fit]
    assert ordered[3:] == sorted(nothing, key=lambda ad: (ad.created_at, ad.pk), reverse=True)
    pages = Paginator(ads_sorted_for(viewer, Ad.objects.open()), 3)
    assert [ad for number in pages.page_range for ad in pages.page(number)] == ordered


def test_the_best_match_sort_falls_back_to_newest_for_visitors_and_members_without_a_profile(world):
    from django.contrib.auth.models import AnonymousUser

    newer = AdFactory(title="newer")
    expected = list(Ad.objects.open().order_by("-created_at", "-id"))

    assert list(ads_sorted_for(AnonymousUser(), Ad.objects.open())) == expected
    assert list(ads_sorted_for(UserFactory(), Ad.objects.open())) == expected
    assert expected[0] == newer


def test_the_best_match_sort_takes_a_constant_number_of_queries(world, django_assert_max_num_queries):
    viewer = world["person"]
    for n in range(10):
        AdFactory(themes=[world["themes"]["work"]], places=[world["places"]["malmo"]])
    with django_assert_max_num_queries(6):
        assert len(list(ads_sorted_for(viewer, Ad.objects.open())[:20])) == 11


# Pages ------------------------------------------------------------------------------------------


def test_ads_for_you_shows_ads_for_me_and_for_each_of_my_organisations_with_reasons(client, world):
    client.force_login(world["right"].memberships.create(user=UserFactory(), role="admin").user)

    response = client.get(reverse("marketplace:suggested"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    content = response.content.decode()
    # One group at a time: for you first, with a link to each organisation's.
    assert "Ads for you" in content and "For Ekonomihuset" in content and "For you" in content
    assert f'?for={world["right"].slug}' in content
    response = client.get(reverse("marketplace:suggested"), {"for": world["right"].slug}, HTTP_ACCEPT_LANGUAGE="en")
    content = response.content.decode()
    assert world["ad"].title in content
    assert "; you offer what they seek: bokföring" in content
    # Another organisation's suggestions are not for this member.
    assert client.get(reverse("marketplace:suggested"), {"for": "someone-else"}).status_code == 404


def test_ads_for_you_needs_a_log_in(client):
    response = client.get(reverse("marketplace:suggested"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_owner_sees_the_suggested_matches_and_others_do_not(client, world):
    url = reverse("marketplace:ad_suggestions", args=[world["ad"].pk])
    client.force_login(world["owner"])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    partial = client.get(url, HTTP_ACCEPT_LANGUAGE="en", HTTP_HX_REQUEST="true")

    assert page.status_code == 200 and "<h1" in page.content.decode()
    content = partial.content.decode()
    assert "<h1" not in content and "Suggested matches" in content
    assert "Ekonomihuset" in content and world["right"].get_absolute_url() in content
    assert "Both work on work integration T in Malmö T; they offer what you seek: bokföring" in content
    client.force_login(world["person"])
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_the_partial_on_the_ad_page_loads_the_suggestions_for_the_owner_only(rf, world):
    from django.template.loader import render_to_string

    ad = world["ad"]
    request = rf.get("/")
    html = render_to_string("marketplace/partials/ad_suggestions.html", {"ad": ad, "is_owner": True,
                                                                           "request": request})
    assert f'hx-get="{reverse("marketplace:ad_suggestions", args=[ad.pk])}"' in html
    assert render_to_string("marketplace/partials/ad_suggestions.html",
                            {"ad": ad, "is_owner": False, "request": request}).strip() == ""


def test_a_closed_ad_gets_no_suggestions(client, world):
    Ad.objects.filter(pk=world["ad"].pk).update(status=Ad.Status.CLOSED)
    client.force_login(world["owner"])

    response = client.get(reverse("marketplace:ad_suggestions", args=[world["ad"].pk]), HTTP_ACCEPT_LANGUAGE="en")

    assert "Suggestions are made for open ads only." in response.content.decode()
    assert "Ekonomihuset" not in response.content.decode()


def test_ads_for_you_takes_queries_constant_in_the_number_of_ads(client, world, django_assert_max_num_queries):
    member = UserFactory(place=world["places"]["malmo"])
    member.themes.set([world["themes"]["work"]])
    MembershipFactory(organisation=world["right"], user=member)
    client.force_login(member)
    for n in range(12):
        AdFactory(title=f"Bokföring {n}", themes=[world["themes"]["work"]], places=[world["places"]["malmo"]])
    client.get(reverse("marketplace:suggested"))  # the session, the place tree and themes in the cache

    # One group a page: at most ten queries, for you or for an organisation, however many ads there are.
    with django_assert_max_num_queries(10):
        response = client.get(reverse("marketplace:suggested"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.content.decode().count('class="ds-card ad-card"') == 10
    with django_assert_max_num_queries(10):
        response = client.get(reverse("marketplace:suggested"), {"for": world["right"].slug}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.content.decode().count('class="ds-card ad-card"') == 10


def test_the_ad_list_links_members_to_their_suggestions(client, world):
    client.force_login(world["person"])
    assert reverse("marketplace:suggested") in client.get(reverse("marketplace:ads")).content.decode()
