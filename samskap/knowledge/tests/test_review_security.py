"""Review: what a member must not learn or do through the versions page and the resource form."""

import pytest
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory

from .factories import MethodCardFactory, ResourceFactory

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def other():
    return UserFactory()


def test_the_versions_page_does_not_show_a_hidden_version_the_member_may_not_see(client, member, other):
    mine = ResourceFactory(title="My guide", created_by=member, author_person=member, language="nb")
    # A curator linked the member's resource with someone else's, then hid that one.
    ResourceFactory(title="Secret hidden guide", is_published=False, created_by=other, author_person=other,
                    language="da", translation_group=mine.translation_group)
    client.force_login(member)

    html = client.get(reverse("knowledge:resource_versions", args=[mine.slug]), **EN).content.decode()

    assert "Secret hidden guide" not in html
    # Its language is still taken: a search for versions offers no other Danish resource.
    ResourceFactory(title="My guide in Danish", language="da")
    html = client.get(reverse("knowledge:resource_versions", args=[mine.slug]), {"q": "My guide"}, **EN).content.decode()
    assert "My guide in Danish" not in html


def test_the_versions_page_shows_a_hidden_version_to_the_curator(client, member, other):
    curator = UserFactory(is_facilitator=True)
    mine = ResourceFactory(title="My guide", created_by=member, author_person=member, language="nb")
    ResourceFactory(title="Secret hidden guide", is_published=False, created_by=other, author_person=other,
                    language="da", translation_group=mine.translation_group)
    client.force_login(curator)

    html = client.get(reverse("knowledge:resource_versions", args=[mine.slug]), **EN).content.decode()

    assert "Secret hidden guide" in html


def test_the_resource_form_offers_no_hidden_method_card_and_refuses_one_posted(client, member, other):
    hidden = MethodCardFactory(title="Secret hidden method", is_published=False, created_by=other)
    shown = MethodCardFactory(title="Open method")
    client.force_login(member)

    html = client.get(reverse("knowledge:resource_new"), **EN).content.decode()
    assert "Secret hidden method" not in html and "Open method" in html

    response = client.post(reverse("knowledge:resource_new"), {
        "kind": "guide", "title": "Linking", "language": "sv", "body": "Text", "author": "me",
        "published_on": "2024-05-01", "related_methods": [str(hidden.pk)]}, **EN)
    assert response.status_code == 200
    assert "related_methods" in response.context["form"].errors
    from samskap.knowledge.models import Resource
    assert not Resource.objects.filter(title="Linking").exists()


def test_a_related_method_hidden_later_stays_when_its_resource_is_edited(client, member, other):
    hidden = MethodCardFactory(title="Method hidden later", created_by=other)
    mine = ResourceFactory(title="My guide", created_by=member, author_person=member)
    mine.related_methods.set([hidden])
    hidden.is_published = False
    hidden.save()
    client.force_login(member)

    form = client.get(reverse("knowledge:resource_edit", args=[mine.slug]), **EN).context["form"]

    assert hidden.pk in {pk for pk, _label in form.fields["related_methods"].choices}
    assert list(form.fields["related_methods"].queryset.filter(pk=hidden.pk)) == [hidden]
