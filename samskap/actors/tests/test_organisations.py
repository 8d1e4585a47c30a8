"""Organisation pages and services: create, edit, the list with its filters, the detail page, verify."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samskap.accounts.tests.factories import UserFactory
from samskap.actors import services
from samskap.actors.models import Membership, Organisation

from .factories import LocalGroupFactory, MembershipFactory, OrganisationFactory, make_place, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    """Read the pages in English (the hub's default language is Swedish)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

CREATE_URL = "/organisations/new/"


def form_data(**overrides) -> dict:
    data = {
        "name": "Grannskapsverket", "kind": "social_enterprise", "sector": "civil", "country": "SE",
        "legal_form": "se-ekonomisk-forening", "org_number": "", "description": "Vi driver en grannskapsinkubator.",
        "description_language": "sv", "email_visibility": "public", "phone_visibility": "public",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def png(size=(1600, 1200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


# Creating and editing -----------------------------------------------------------------------------

def test_a_member_adds_an_organisation_and_becomes_its_admin(client, member):
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(org_number="5560360793"))
    organisation = Organisation.objects.get(name="Grannskapsverket")
    assert response.status_code == 302 and response["Location"] == f"/organisations/{organisation.slug}/"
    assert organisation.org_number == "556036-0793"
    assert organisation.created_by == member
    membership = Membership.objects.get(organisation=organisation, user=member)
    assert (membership.role, membership.status) == ("admin", "active")


def test_a_visitor_is_sent_to_log_in_before_adding_an_organisation(client):
    response = client.get(CREATE_URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_invalid_swedish_number_is_refused_with_a_clear_message(client, member):
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(org_number="556036-0794"))
    assert response.status_code == 200
    assert "This is not a valid Swedish organisation number." in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_number_is_checked_by_the_rules_of_the_chosen_country(client, member):
    client.force_login(member)
    # A valid Norwegian number is not a Swedish one.
    response = client.post(CREATE_URL, form_data(org_number="988077917"))
    assert "This is not a valid Swedish organisation number." in response.content.decode()
    response = client.post(CREATE_URL, form_data(country="NO", legal_form="no-samvirke", org_number="988077917"))
    assert response.status_code == 302
    assert Organisation.objects.get().org_number == "988 077 917"


def test_a_number_already_in_the_directory_is_refused_naming_and_linking_the_other_organisation(client, member):
    other = OrganisationFactory(name="Volvo Social", country="SE", org_number="556036-0793")
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(org_number="5560360793"))
    html = response.content.decode()
    assert "Another organisation in the directory already has this number: Volvo Social" in html
    assert f'href="/organisations/{other.slug}/"' in html
    assert Organisation.objects.count() == 1


def test_the_same_number_may_exist_in_another_country(client, member):
    OrganisationFactory(country="NO", org_number="13585628")
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(country="DK", legal_form="dk-forening", org_number="13585628"))
    assert response.status_code == 302


def test_a_legal_form_of_another_country_is_refused(client, member):
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(country="SE", legal_form="no-ideelt-as"))
    assert "Choose a legal form of Sweden." in response.content.decode()
    assert not Organisation.objects.exists()


def test_the_legal_form_select_groups_the_forms_by_country(client, member):
    client.force_login(member)
    html = client.get(CREATE_URL).content.decode()
    select = re.search(r'<select name="legal_form".*?</select>', html, re.S).group(0)
    assert '<optgroup label="Sweden">' in select and '<optgroup label="Denmark">' in select
    sweden = re.search(r'<optgroup label="Sweden">(.*?)</optgroup>', select, re.S).group(1)
    assert "Aktiebolag med särskild vinstutdelningsbegränsning (SVB)" in sweden and "ApS" not in sweden


def test_the_social_enterprise_mark_needs_a_link_to_the_register(client, member):
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(is_registered_social_enterprise="on"))
    assert "Give a link to the register entry, so others can check the mark." in response.content.decode()
    response = client.post(CREATE_URL, form_data(is_registered_social_enterprise="on",
                                                 registration_evidence_url="https://example.org/register/1"))
    assert response.status_code == 302
    assert Organisation.objects.get().registration_evidence_url == "https://example.org/register/1"


@pytest.mark.parametrize("year", ["1799", "2999"])
def test_a_founding_year_outside_1800_to_this_year_is_refused(client, member, year):
    client.force_login(member)
    response = client.post(CREATE_URL, form_data(founded_year=year))
    assert "Enter a year between 1800 and" in response.content.decode()


def test_social_media_links_are_one_per_line_and_at_most_five(client, member):
    client.force_login(member)
    six = "\n".join(f"https://example.org/{n}" for n in range(6))
    assert "Give at most 5 addresses." in client.post(CREATE_URL, form_data(social_links=six)).content.decode()
    response = client.post(CREATE_URL, form_data(social_links="not a link"))
    assert "is not a web address" in response.content.decode()
    client.post(CREATE_URL, form_data(social_links="https://www.facebook.com/grannskap\n\nhttps://www.linkedin.com/g"))
    assert Organisation.objects.get().social_links == ["https://www.facebook.com/grannskap",
                                                       "https://www.linkedin.com/g"]


def test_an_oversized_logo_is_refused_and_nothing_is_saved(client, member, settings):
    settings.AVATAR_MAX_BYTES = 1000
    client.force_login(member)
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    response = client.post(CREATE_URL, {**form_data(), "logo": logo})
    assert "the largest allowed is 1000" in response.content.decode()
    assert not Organisation.objects.exists() and not Membership.objects.exists()


def test_a_logo_is_re_encoded_to_at_most_800_pixels(client, member):
    client.force_login(member)
    client.post(CREATE_URL, {**form_data(), "logo": SimpleUploadedFile("logo.png", png(), content_type="image/png")})
    organisation = Organisation.objects.get()
    with Image.open(organisation.logo.path) as image:
        assert max(image.size) == 800
    assert organisation.logo.name != "organisations/logo.png"


def test_a_service_error_leaves_nothing_half_saved(member):
    with pytest.raises(ValidationError):
        services.organisation_create(by=member, name="Ok", kind="company", sector="private", country="SE",
                                     legal_form="se-aktiebolag", description_language="xx")
    assert not Organisation.objects.exists() and not Membership.objects.exists()


def test_an_organisation_gets_a_free_slug_never_a_page_name(member):
    first = services.organisation_create(by=member, name="New", kind="other", sector="civil", country="SE")
    second = services.organisation_create(by=member, name="New", kind="other", sector="civil", country="SE")
    assert first.slug == "new-2" and second.slug == "new-3"


def test_admins_of_the_organisation_edit_it_and_others_may_not(client, member):
    organisation = OrganisationFactory(name="Tøyen Unlimited", country="NO", admins=[member])
    slug = organisation.slug
    url = f"/organisations/{slug}/edit/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(member)
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(name="Tøyen Unlimited AS", country="NO", legal_form="no-ideelt-as",
                                          description_language="nb"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.legal_form) == ("Tøyen Unlimited AS", "no-ideelt-as")
    assert organisation.slug == slug  # the address stays


def test_a_hub_admin_edits_any_organisation(client, hub_admin):
    organisation = OrganisationFactory()
    client.force_login(hub_admin)
    response = client.post(f"/organisations/{organisation.slug}/edit/", form_data(name="Renamed"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Renamed"


def test_the_edit_form_keeps_the_organisations_own_number_without_calling_it_a_duplicate(client, member):
    organisation = OrganisationFactory(country="SE", org_number="556036-0793", admins=[member])
    client.force_login(member)
    response = client.post(f"/organisations/{organisation.slug}/edit/", form_data(org_number="556036-0793"))
    assert response.status_code == 302


def test_a_failed_edit_shows_the_saved_name_in_the_heading(client, member):
    organisation = OrganisationFactory(name="Sparks", admins=[member])
    client.force_login(member)
    response = client.post(f"/organisations/{organisation.slug}/edit/", form_data(name="Other", org_number="1"))
    assert "Edit Sparks" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Sparks"


def test_hub_admins_verify_an_organisation_and_its_page_shows_the_badge(client, hub_admin, member):
    organisation = OrganisationFactory(admins=[member])
    client.force_login(member)
    assert client.post(f"/organisations/{organisation.slug}/verify/").status_code == 403
    client.force_login(hub_admin)
    client.post(f"/organisations/{organisation.slug}/verify/", {"verified": "1"})
    organisation.refresh_from_db()
    assert organisation.is_verified and organisation.verified_at is not None
    assert "Verified by the hub" in client.get(organisation.get_absolute_url()).content.decode()


def test_verify_is_refused_by_the_service_for_an_organisation_admin(member):
    organisation = OrganisationFactory(admins=[member])
    with pytest.raises(PermissionDenied):
        services.organisation_verify(organisation=organisation, by=member)


# The list ---------------------------------------------------------------------------------------

def names_on(response) -> list[str]:
    return [organisation.name for organisation in response.context["page"].object_list]


def test_the_list_filters_by_kind_sector_and_legal_form(client):
    OrganisationFactory(name="Fika Kooperativ", kind="cooperative", sector="civil", legal_form="se-ekonomisk-forening")
    OrganisationFactory(name="Malmö stad", kind="municipality", sector="public", legal_form="se-kommun")
    assert names_on(client.get("/organisations/?kind=cooperative")) == ["Fika Kooperativ"]
    assert names_on(client.get("/organisations/?sector=public")) == ["Malmö stad"]
    assert names_on(client.get("/organisations/?legal_form=se-kommun")) == ["Malmö stad"]


def test_the_list_filters_by_region_including_municipalities_and_areas_served(client):
    skane = make_place("Skåne län", level="region")
    malmo = make_place("Malmö", parent=skane)
    rosengard = make_place("Rosengård", level="neighbourhood", parent=malmo)
    oslo = make_place("Oslo", level="region", country="NO")
    OrganisationFactory(name="In Malmö", head_office=malmo)
    OrganisationFactory(name="In Rosengård", head_office=rosengard)
    OrganisationFactory(name="Serves Skåne", head_office=oslo, country="NO", areas_served=[skane])
    OrganisationFactory(name="In Oslo", head_office=oslo, country="NO")
    assert names_on(client.get(f"/organisations/?place={skane.slug}")) == ["In Malmö", "In Rosengård", "Serves Skåne"]
    assert names_on(client.get(f"/organisations/?place={malmo.slug}")) == ["In Malmö", "In Rosengård"]
    assert names_on(client.get("/organisations/?country=NO")) == ["In Oslo", "Serves Skåne"]


def test_the_list_filters_by_theme_offers_seeks_and_name(client):
    loneliness = make_theme("Loneliness")
    OrganisationFactory(name="Ensamhetsnätverket", themes=[loneliness], offers="Samtalsgrupper")
    OrganisationFactory(name="Jobbverkstan", seeks="Lokaler i Malmö")
    OrganisationFactory(name="Quiet one")
    assert names_on(client.get(f"/organisations/?theme={loneliness.slug}")) == ["Ensamhetsnätverket"]
    assert names_on(client.get("/organisations/?offers=on")) == ["Ensamhetsnätverket"]
    assert names_on(client.get("/organisations/?seeks=on")) == ["Jobbverkstan"]
    assert names_on(client.get("/organisations/?q=JOBB")) == ["Jobbverkstan"]


def test_the_list_sorts_by_name_newest_and_recently_updated(client):
    first = OrganisationFactory(name="B first")
    OrganisationFactory(name="A second")
    first.description = "changed"
    first.save()
    assert names_on(client.get("/organisations/")) == ["A second", "B first"]
    assert names_on(client.get("/organisations/?sort=newest")) == ["A second", "B first"]
    assert names_on(client.get("/organisations/?sort=updated")) == ["B first", "A second"]


def test_an_unknown_filter_value_gives_a_message_and_the_rest_of_the_list(client):
    OrganisationFactory(name="Kept", kind="cooperative", sector="civil")
    OrganisationFactory(name="Filtered out", kind="cooperative", sector="public")
    response = client.get("/organisations/?kind=spaceship&sector=civil")
    assert response.status_code == 200
    html = response.content.decode()
    assert "The filter “Kind” has no value “spaceship”, so it was left out." in html
    assert names_on(response) == ["Kept"]


@pytest.mark.parametrize("page, message", [
    ("abc", "“abc” is not a page number, so the first page is shown."),
    ("0", "“0” is not a page number, so the first page is shown."),
    ("99", "There is no page 99, so the last page is shown."),
])
def test_a_bad_page_number_gives_a_message_not_an_error(client, page, message):
    OrganisationFactory.create_batch(3)
    response = client.get(f"/organisations/?page={page}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(names_on(response)) == 3


def test_the_list_shows_20_per_page_with_a_pagination_nav_that_keeps_the_filters(client):
    OrganisationFactory.create_batch(45, kind="cooperative")
    response = client.get("/organisations/?kind=cooperative&page=2")
    assert len(names_on(response)) == 20
    html = response.content.decode()
    assert '<nav class="ds-pagination" aria-label="Pages of results">' in html
    assert 'href="?kind=cooperative&amp;page=3"' in html
    assert 'aria-current="true"' in html


def test_merged_organisations_vanish_from_the_list(client):
    target = OrganisationFactory(name="Target")
    OrganisationFactory(name="Duplicate", merged_into=target)
    assert names_on(client.get("/organisations/")) == ["Target"]


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches that every page shares (hub settings, place choices)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    print(f"{url}: {len(captured)} queries")  # shown with pytest -s
    return len(captured)


def directory_rows(n: int, *, start: int = 0):
    region = make_place(f"Region {start}", level="region")
    municipality = make_place(f"Kommun {start}", parent=region)
    themes = [make_theme(f"Theme {start}-{i}") for i in range(2)]
    for i in range(start, start + n):
        OrganisationFactory(name=f"Org {i:03}", head_office=municipality, themes=themes, areas_served=[region])


@pytest.mark.parametrize("url", ["/organisations/", "/organisations/?kind=social_enterprise&sort=newest"])
def test_the_list_runs_the_same_few_queries_for_5_and_50_organisations(client, member, url,
                                                                        django_assert_max_num_queries):
    client.force_login(member)
    directory_rows(5)
    with_five = count_queries(client, url, django_assert_max_num_queries)
    directory_rows(45, start=5)
    with_fifty = count_queries(client, url, django_assert_max_num_queries)
    assert with_five == with_fifty


# The detail page ---------------------------------------------------------------------------------

def test_the_detail_page_shows_the_profile_with_the_description_in_its_language(client):
    malmo = make_place("Malmö", parent=make_place("Skåne län", level="region"))
    theme = make_theme("Youth unemployment")
    organisation = OrganisationFactory(
        name="Yalla Trappan", kind="work_integrating", legal_form="se-ekonomisk-forening", org_number="802481-1658",
        head_office=malmo, themes=[theme], description="Ett arbetsintegrerande socialt företag.",
        description_language="sv", offers="Catering", seeks="Uppdrag", founded_year=2010,
        is_registered_social_enterprise=True, registration_evidence_url="https://example.org/reg",
        social_links=["https://www.facebook.com/yallatrappan"], website="https://yallatrappan.se",
    )
    LocalGroupFactory(name="Kreaprenör Skåne", organisations=[organisation])
    html = client.get(organisation.get_absolute_url()).content.decode()
    for text in ("Yalla Trappan", "Ekonomisk förening", "802481-1658", "Malmö, Skåne län", "Youth unemployment",
                 "Catering", "Uppdrag", "2010", "https://example.org/reg", "https://www.facebook.com/yallatrappan",
                 "Kreaprenör Skåne", "https://yallatrappan.se"):
        assert text in html, text
    assert '<div class="ds-paragraph prose" lang="sv"><p>Ett arbetsintegrerande socialt företag.</p></div>' in html


@pytest.mark.parametrize("visibility, viewer, shown", [
    ("public", "anonymous", True),
    ("members", "anonymous", False),
    ("members", "member", True),
    ("only_me", "member", False),
    ("only_me", "hub_admin", False),
    ("only_me", "organisation_admin", True),
])
def test_contact_details_follow_their_visibility(client, visibility, viewer, shown):
    organisation = OrganisationFactory(email="hej@example.se", email_visibility=visibility,
                                       phone="+46 40 123", phone_visibility=visibility)
    if viewer == "organisation_admin":
        user = UserFactory()
        MembershipFactory(organisation=organisation, user=user, role="admin")
        client.force_login(user)
    elif viewer != "anonymous":
        client.force_login(UserFactory(is_superuser=viewer == "hub_admin", is_staff=viewer == "hub_admin"))
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert ("hej@example.se" in html) is shown
    assert ("+46 40 123" in html) is shown


def test_people_appear_only_with_consent_except_to_the_organisations_own_members(client):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=UserFactory(name="Listed Lisa", listed_in_directory=True),
                      role="contact")
    MembershipFactory(organisation=organisation, user=UserFactory(name="Private Per"))
    MembershipFactory(organisation=organisation, user=UserFactory(name="Asking Anna", listed_in_directory=True),
                      status="requested")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Listed Lisa" in html and "Private Per" not in html and "Asking Anna" not in html
    colleague = UserFactory()
    MembershipFactory(organisation=organisation, user=colleague)
    client.force_login(colleague)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Listed Lisa" in html and "Private Per" in html and "Asking Anna" not in html


def test_a_merged_organisations_address_redirects_permanently_to_the_one_it_was_merged_into(client):
    target = OrganisationFactory()
    source = OrganisationFactory(merged_into=target)
    response = client.get(source.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == target.get_absolute_url()


def test_an_unknown_organisation_is_not_found(client):
    assert client.get("/organisations/no-such-thing/").status_code == 404


def detail_rows(organisation, n: int, *, start: int = 0):
    region = make_place(f"Area {start}", level="region")
    for i in range(start, start + n):
        MembershipFactory(organisation=organisation, user=UserFactory(listed_in_directory=True),
                          role=["admin", "member", "contact"][i % 3])
        organisation.areas_served.add(make_place(f"Area {start} {i}", parent=region))
        theme = make_theme(f"Detail theme {i}")
        organisation.themes.add(theme)
        organisation.offer_themes.add(theme)
        organisation.seek_themes.add(theme)
        LocalGroupFactory(organisations=[organisation])


def test_the_detail_page_runs_the_same_few_queries_for_5_and_50_rows(client, django_assert_max_num_queries):
    viewer = UserFactory()
    organisation = OrganisationFactory(offers="Mentoring", seeks="Funding", admins=[viewer])
    client.force_login(viewer)
    detail_rows(organisation, 5)
    with_five = count_queries(client, organisation.get_absolute_url(), django_assert_max_num_queries)
    detail_rows(organisation, 45, start=5)
    with_fifty = count_queries(client, organisation.get_absolute_url(), django_assert_max_num_queries)
    assert with_five == with_fifty


def test_the_main_menu_links_to_the_organisations(client):
    html = client.get(reverse("core:home")).content.decode()
    assert 'href="/organisations/"' in html


def test_the_search_index_follows_creates_edits_and_merges(member, hub_admin, django_capture_on_commit_callbacks):
    from samskap.core.models import SearchEntry

    fields = {"kind": "association", "sector": "civil", "country": "SE"}
    with django_capture_on_commit_callbacks(execute=True):
        first = services.organisation_create(by=member, name="Ensamhetsnätverket", **fields)
        second = services.organisation_create(by=member, name="Ensamhetsnatverket dublett", **fields)
    assert set(SearchEntry.objects.filter(kind="organisation").values_list("object_id", flat=True)) == {
        first.pk, second.pk}
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(organisation=first, by=member, name="Ensamhetsnätverket Skåne", **fields)
    assert SearchEntry.objects.get(kind="organisation", object_id=first.pk).title == "Ensamhetsnätverket Skåne"
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_merge(source=second, target=first, by=hub_admin)
    assert list(SearchEntry.objects.filter(kind="organisation").values_list("object_id", flat=True)) == [first.pk]
