"""Role x action matrix for resources and collections, for a published and a hidden one, checked twice: with
has_perm, and with the answer each page gives.

Besides the hub-wide roles: "author" is the member who added the resource, "organisation_member" an active
member of the organisation the resource is by (neither is a curator).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory

from .factories import CollectionFactory, ResourceFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "author", "organisation_member", "facilitator", "hub_admin"]
MEMBERS = set(ROLES) - {"anonymous"}
CURATORS = {"facilitator", "hub_admin"}
AUTHORS = {"author", "organisation_member"} | CURATORS
EXPECTED = {
    # action: {state: roles allowed}
    "knowledge.view_resource": {"published": set(ROLES), "hidden": AUTHORS},
    "knowledge.add_resource": {"published": MEMBERS, "hidden": MEMBERS},
    "knowledge.change_resource": {"published": AUTHORS, "hidden": AUTHORS},
    "knowledge.delete_resource": {"published": AUTHORS, "hidden": AUTHORS},
    "knowledge.curate": {"published": CURATORS, "hidden": CURATORS},
    "knowledge.view_collection": {"published": set(ROLES), "hidden": CURATORS},
    "knowledge.add_collection": {"published": CURATORS, "hidden": CURATORS},
    "knowledge.change_collection": {"published": CURATORS, "hidden": CURATORS},
}
NO_OBJECT = {"knowledge.add_resource", "knowledge.curate", "knowledge.add_collection"}


def user_for(role: str, organisation):
    if role == "anonymous":
        return AnonymousUser()
    user = UserFactory(is_facilitator=role == "facilitator", is_superuser=role == "hub_admin",
                       is_staff=role == "hub_admin")
    if role == "organisation_member":
        MembershipFactory(organisation=organisation, user=user)
    return user


@pytest.fixture
def world(db):
    def make(role: str, state: str):
        organisation = OrganisationFactory()
        author = UserFactory()
        published = state == "published"
        resource = ResourceFactory(is_published=published, created_by=author, author_organisation=organisation)
        collection = CollectionFactory(is_published=published, resources=[resource])
        user = author if role == "author" else user_for(role, organisation)
        return user, resource, collection
    return make


def test_the_matrix_covers_every_resource_and_collection_permission():
    import rules

    registered = {name for name in rules.permissions.permissions if name.startswith("knowledge.")
                  and "fundingcall" not in name}
    assert registered == set(EXPECTED)


@pytest.mark.parametrize("state", ["published", "hidden"])
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_each_role_may_do_what_the_matrix_says(world, action, state):
    allowed = set()
    for role in ROLES:
        user, resource, collection = world(role, state)
        target = None if action in NO_OBJECT else collection if "collection" in action else resource
        if user.has_perm(action, target):
            allowed.add(role)
    assert allowed == EXPECTED[action][state]


# The same matrix through the pages ---------------------------------------------------------------

def page_answers(client: Client, action: str, resource, collection):
    """The request that does `action` on the page, and the answer it gets."""
    if action == "knowledge.view_resource":
        return client.get(resource.get_absolute_url())
    if action == "knowledge.add_resource":
        return client.get(reverse("knowledge:resource_new"))
    if action == "knowledge.change_resource":
        return client.get(reverse("knowledge:resource_edit", args=[resource.slug]))
    if action == "knowledge.delete_resource":
        return client.get(reverse("knowledge:resource_delete", args=[resource.slug]))
    if action == "knowledge.curate":  # hide or show: posts the state it already has, so nothing changes
        return client.post(reverse("knowledge:resource_publish", args=[resource.slug]),
                           {"published": "1" if resource.is_published else "0"})
    if action == "knowledge.view_collection":
        return client.get(collection.get_absolute_url())
    if action == "knowledge.add_collection":
        return client.get(reverse("knowledge:collection_new"))
    if action == "knowledge.change_collection":
        return client.get(reverse("knowledge:collection_edit", args=[collection.slug]))
    raise AssertionError(action)


def was_allowed(response, resource) -> bool:
    if response.status_code == 200:
        return True
    if response.status_code == 302:  # done and back on the resource page, or sent to log in
        return response["Location"] == resource.get_absolute_url()
    assert response.status_code in (403, 404), response.status_code
    return False


@pytest.mark.parametrize("state", ["published", "hidden"])
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_each_page_answers_each_role_as_the_matrix_says(world, action, state):
    allowed = set()
    for role in ROLES:
        user, resource, collection = world(role, state)
        client = Client()
        if role != "anonymous":
            client.force_login(user)
        if was_allowed(page_answers(client, action, resource, collection), resource):
            allowed.add(role)
    assert allowed == EXPECTED[action][state]


def test_anonymous_visitors_are_sent_to_log_in_for_the_pages_that_need_an_account(client):
    resource = ResourceFactory()
    collection = CollectionFactory()
    for url in (reverse("knowledge:resource_new"), reverse("knowledge:resource_edit", args=[resource.slug]),
                reverse("knowledge:resource_versions", args=[resource.slug]),
                reverse("knowledge:collection_new"), reverse("knowledge:collection_edit", args=[collection.slug])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url


def test_a_member_who_left_the_organisation_no_longer_changes_its_resources():
    organisation = OrganisationFactory()
    user = UserFactory()
    membership = MembershipFactory(organisation=organisation, user=user)
    resource = ResourceFactory(author_organisation=organisation)
    assert user.has_perm("knowledge.change_resource", resource)
    membership.delete()
    fresh = type(resource).objects.get(pk=resource.pk)  # memberships are remembered per loaded object
    assert not user.has_perm("knowledge.change_resource", fresh)
