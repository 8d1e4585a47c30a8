"""The demo ecosystem: realistic, valid by the directory's own rules, and loaded only once."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from samskap.accounts.models import User
from samskap.actors import demo_data
from samskap.actors.forms import OrganisationForm
from samskap.actors.legal_forms import LEGAL_FORM_COUNTRY, org_number_normalised
from samskap.actors.models import GroupMembership, LocalGroup, Membership, Organisation
from samskap.core.models import Place, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shipped_places_and_themes(db):
    """The shipped places and themes, also after a transactional (browser) test flushed the database."""
    from samskap.core.models import Place

    if not Place.objects.filter(slug="se-malmo").exists():
        importlib.import_module("samskap.core.migrations.0003_places_and_themes_data").places_and_themes_load(
            django_apps, None)


def counts() -> dict[str, int]:
    return {"people": User.objects.count(), "organisations": Organisation.objects.count(),
            "memberships": Membership.objects.count(), "groups": LocalGroup.objects.count(),
            "group memberships": GroupMembership.objects.count()}


def test_loading_the_demo_twice_gives_the_same_counts_and_says_nothing_changed(capsys):
    call_command("load_demo")
    first = counts()
    capsys.readouterr()
    call_command("load_demo")

    assert counts() == first
    assert "Demo data already present; nothing changed." in capsys.readouterr().out
    assert 30 <= first["organisations"] <= 45
    assert 4 <= first["groups"] <= 6


def test_the_demo_has_networks_municipalities_universities_social_enterprises_job_centres_and_funders_in_three_countries():
    call_command("load_demo", verbosity=0)

    organisations = Organisation.objects.all()
    assert {o.country for o in organisations} == {"SE", "NO", "DK"}
    assert {"network", "municipality", "university", "social_enterprise", "work_integrating", "job_centre",
            "funder"} <= {o.kind for o in organisations}
    assert {o.description_language for o in organisations} == {"sv", "nb", "da", "en"}


def test_every_demo_organisation_passes_the_organisation_form():
    call_command("load_demo", verbosity=0)

    for organisation in Organisation.objects.all():
        data = {name: getattr(organisation, name) for name in OrganisationForm.Meta.fields
                if name not in ("head_office", "areas_served", "themes", "offer_themes", "seek_themes",
                                "social_links", "founded_year")}
        data["head_office"] = organisation.head_office_id or ""
        data["themes"] = [theme.pk for theme in organisation.themes.all()]
        data["areas_served"] = [place.pk for place in organisation.areas_served.all()]
        data["founded_year"] = organisation.founded_year or ""
        form = OrganisationForm(data=data, instance=organisation)
        assert form.is_valid(), (organisation.name, form.errors)


def test_demo_organisation_numbers_are_valid_and_only_the_fictional_organisations_have_one():
    for data in demo_data.ORGANISATIONS:
        if data.org_number:
            assert data.fictional, data.name
            assert org_number_normalised(data.country, data.org_number) == data.org_number
        if data.legal_form:
            assert LEGAL_FORM_COUNTRY[data.legal_form] == data.country, data.name


def test_every_place_and_theme_the_demo_names_is_shipped():
    places = set(Place.objects.values_list("slug", flat=True))
    themes = set(Theme.objects.values_list("slug", flat=True))
    for data in demo_data.ORGANISATIONS:
        assert {data.head_office, *data.areas_served} - {""} <= places, data.slug
        assert set(data.themes) <= themes, data.slug
    for person in demo_data.PEOPLE:
        assert person.place in places and set(person.themes) <= themes, person.email
    for group in demo_data.GROUPS:
        assert {group.place} - {""} <= places and {group.theme} - {""} <= themes, group.slug


def test_the_demo_member_administers_an_organisation_and_the_listed_people_have_profiles():
    call_command("load_demo", verbosity=0)

    member = User.objects.get(email="member@samskap.test")
    assert member.memberships.get(role=Membership.Role.ADMIN).organisation.slug == "reparera-och-motas-rosengard"
    listed = User.objects.filter(listed_in_directory=True)
    assert listed.count() >= 15
    assert all(person.skills and person.place_id for person in listed)
    assert not User.objects.get(email="admin@samskap.test").listed_in_directory


def test_local_groups_have_contact_persons_members_and_organisations():
    call_command("load_demo", verbosity=0)

    for group in LocalGroup.objects.all():
        roles = set(group.group_memberships.values_list("role", flat=True))
        assert GroupMembership.Role.CONTACT in roles, group.name
        assert group.organisations.exists(), group.name
    assert LocalGroup.objects.filter(name__startswith="Kreaprenör").count() >= 2


def test_a_place_the_hub_does_not_have_is_skipped_rather_than_failing():
    Place.objects.filter(slug="no-oslo-gronland").delete()

    call_command("load_demo", verbosity=0)

    assert Organisation.objects.get(slug="gronland-sykkelverksted").head_office is None


def test_a_demo_number_taken_by_other_data_is_left_out():
    Organisation.objects.create(name="Someone else", slug="someone-else", kind="association", sector="civil",
                                country="SE", org_number="802322-7724")

    call_command("load_demo", verbosity=0)

    assert Organisation.objects.get(slug="reparera-och-motas-rosengard").org_number == ""


def test_the_demo_is_in_the_search_index():
    from django.apps import apps

    call_command("load_demo", verbosity=0)

    SearchEntry = apps.get_model("core", "SearchEntry")
    assert SearchEntry.objects.filter(kind="organisation").count() == Organisation.objects.count()
    assert SearchEntry.objects.filter(kind="group").count() == LocalGroup.objects.count()
