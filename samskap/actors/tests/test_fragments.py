"""Visitors' directory pages come from the fragment cache, and never show what has since changed."""

import pytest
from django.core.management import call_command

from samskap.actors import services
from samskap.actors.models import Membership
from samskap.actors.tests.factories import OrganisationFactory
from samskap.core.models import Theme

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_a_visitors_second_look_at_an_organisation_runs_one_query(client, django_assert_num_queries):
    organisation = OrganisationFactory(name="Fixa Hus")
    client.get(organisation.get_absolute_url(), **EN)
    with django_assert_num_queries(1):  # the organisation itself: it may have moved or been merged
        response = client.get(organisation.get_absolute_url(), **EN)
    assert "Fixa Hus" in response.content.decode()


def test_a_visitors_second_look_at_the_list_runs_no_query(client, django_assert_num_queries):
    OrganisationFactory(name="Fixa Hus")
    client.get("/organisations/?kind=social_enterprise", **EN)
    with django_assert_num_queries(0):
        client.get("/organisations/?kind=social_enterprise", **EN)


def test_a_renamed_organisation_shows_its_new_name_to_visitors_at_once(client, member):
    organisation = OrganisationFactory(name="Fixa Hus")
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.ADMIN,
                              status=Membership.Status.ACTIVE)
    assert "Fixa Hus" in client.get("/organisations/", **EN).content.decode()
    assert "Fixa Hus" in client.get(organisation.get_absolute_url(), **EN).content.decode()

    fields = {name: getattr(organisation, name) for name in (
        "kind", "sector", "country", "legal_form", "org_number", "head_office", "description",
        "description_language", "offers", "seeks", "website", "email", "email_visibility", "phone",
        "phone_visibility", "founded_year", "social_links", "is_registered_social_enterprise",
        "registration_evidence_url")}
    services.organisation_update(organisation=organisation, by=member, name="Fixa Hem", areas_served=[], themes=[],
                                 offer_themes=[], seek_themes=[], **fields)

    assert "Fixa Hem" in client.get("/organisations/", **EN).content.decode()
    assert "Fixa Hem" in client.get(organisation.get_absolute_url(), **EN).content.decode()


def test_a_renamed_theme_shows_on_cached_organisation_pages(client):
    theme = Theme.objects.get(slug="loneliness")
    organisation = OrganisationFactory(themes=[theme])
    assert "Loneliness" in client.get(organisation.get_absolute_url(), **EN).content.decode()
    theme.labels = {**theme.labels, "en": "Being alone"}
    theme.save()
    assert "Being alone" in client.get(organisation.get_absolute_url(), **EN).content.decode()


def test_each_language_has_its_own_cached_page(client):
    organisation = OrganisationFactory(themes=[Theme.objects.get(slug="loneliness")])
    assert "Loneliness" in client.get(organisation.get_absolute_url(), **EN).content.decode()
    assert "Ensamhet" in client.get(organisation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()


def test_members_never_get_the_visitors_copy(client, member):
    client.get("/organisations/", **EN)
    client.force_login(member)
    assert "Add an organisation" in client.get("/organisations/", **EN).content.decode()


def test_organisations_imported_in_bulk_show_in_the_cached_list(client, tmp_path,
                                                                django_capture_on_commit_callbacks):
    assert "Nya Föreningen" not in client.get("/organisations/", **EN).content.decode()
    path = tmp_path / "organisations.csv"
    path.write_text("name,kind,sector,country\nNya Föreningen,association,civil,SE\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_organisations", str(path), verbosity=0)
    assert "Nya Föreningen" in client.get("/organisations/", **EN).content.decode()
