"""An organisation's page lists its resources and its open funding calls, for members and visitors (cached)."""

from samskap.actors.tests.factories import OrganisationFactory
from samskap.knowledge.services import resource_set_published
from samskap.knowledge.tests.factories import FundingCallFactory, ResourceFactory

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_the_page_lists_the_organisations_resources_and_open_calls(client, hub_admin):
    organisation = OrganisationFactory(kind="funder")
    guide = ResourceFactory(title="Guide to neighbourhood incubators", author_organisation=organisation)
    ResourceFactory(title="Someone else's guide")
    open_call = FundingCallFactory(title="Pool for loneliness work", funder=organisation)
    FundingCallFactory(title="Closed pool", funder=organisation, deadline=False,
                       next_deadline=None, is_rolling=False)
    FundingCallFactory(title="Hidden pool", funder=organisation, is_published=False)

    page = client.get(organisation.get_absolute_url(), **EN).content.decode()

    assert guide.get_absolute_url() in page and "Someone else" not in page
    assert open_call.get_absolute_url() in page
    assert "Closed pool" not in page and "Hidden pool" not in page

    # The visitor's cached copy follows the knowledge base: hiding the guide takes it off the page.
    resource_set_published(resource=guide, by=hub_admin, published=False)
    assert "Guide to neighbourhood incubators" not in client.get(organisation.get_absolute_url(), **EN).content.decode()


def test_an_organisation_without_knowledge_shows_no_empty_sections(client, db):
    organisation = OrganisationFactory()
    page = client.get(organisation.get_absolute_url(), **EN).content.decode()
    assert "Open funding calls" not in page and 'id="organisation-resources-heading"' not in page


def test_a_resource_in_several_languages_is_listed_once_in_the_readers_language(client, db):
    import uuid

    group = uuid.uuid4()
    swedish = ResourceFactory(title="Problemträdet", language="sv", translation_group=group)
    danish = ResourceFactory(title="Problemtræet", language="da", translation_group=group)
    norwegian_only = ResourceFactory(title="Kun på norsk", language="nb")
    other_group = uuid.uuid4()
    first = ResourceFactory(title="Först tillagd", language="sv", translation_group=other_group)
    ResourceFactory(title="Tilføjet senere", language="da", translation_group=other_group)

    danish_page = client.get("/knowledge/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert danish.get_absolute_url() in danish_page and swedish.get_absolute_url() not in danish_page
    assert norwegian_only.get_absolute_url() in danish_page

    english_page = client.get("/knowledge/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # No English version: the first one added stands for the set.
    assert swedish.get_absolute_url() in english_page and danish.get_absolute_url() not in english_page
    assert first.get_absolute_url() in english_page and "Tilføjet senere" not in english_page

    # Asking for a language shows every resource in it.
    assert danish.get_absolute_url() not in client.get("/knowledge/?language=sv", **EN).content.decode()
    assert swedish.get_absolute_url() in client.get("/knowledge/?language=sv", **EN).content.decode()


def test_a_members_view_of_a_busy_organisation_page_stays_within_ten_queries(client, member,
                                                                              django_assert_max_num_queries):
    from samskap.actors.models import Partnership

    organisation = OrganisationFactory(kind="funder")
    ResourceFactory(author_organisation=organisation)
    FundingCallFactory(funder=organisation)
    Partnership.objects.create(organisation_a=organisation, organisation_b=OrganisationFactory())
    client.force_login(member)
    client.get(organisation.get_absolute_url())  # fills the per-minute caches (themes, the knowledge section)
    with django_assert_max_num_queries(10):
        assert client.get(organisation.get_absolute_url()).status_code == 200
