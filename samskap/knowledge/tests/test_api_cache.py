"""Visitors' answers from /api/v1/resources and /api/v1/funding-calls are cached, and follow every write."""

from samskap.knowledge.services import resource_set_published
from samskap.knowledge.services_funding import funding_call_set_published
from samskap.knowledge.tests.factories import FundingCallFactory, ResourceFactory


def _titles(client, path):
    return [item["title"] for item in client.get(path).json()["items"]]


def test_a_visitors_resource_list_is_cached_until_the_knowledge_base_changes(client, hub_admin,
                                                                             django_assert_num_queries):
    guide = ResourceFactory(title="Guide one")
    assert _titles(client, "/api/v1/resources") == ["Guide one"]
    with django_assert_num_queries(0):  # the cached answer: not even a session look-up
        assert _titles(client, "/api/v1/resources") == ["Guide one"]

    resource_set_published(resource=guide, by=hub_admin, published=False)
    assert _titles(client, "/api/v1/resources") == []


def test_a_visitors_funding_list_follows_hiding_a_call(client, hub_admin):
    call = FundingCallFactory(title="Pool")
    assert _titles(client, "/api/v1/funding-calls") == ["Pool"]
    funding_call_set_published(call=call, by=hub_admin, is_published=False)
    assert _titles(client, "/api/v1/funding-calls") == []


def test_members_are_never_served_a_visitors_copy(client, hub_admin):
    hidden = ResourceFactory(title="Hidden guide", is_published=False)
    assert _titles(client, "/api/v1/resources") == []
    client.force_login(hub_admin)
    assert _titles(client, "/api/v1/resources") == [hidden.title]
