"""Visitors' copies of an idea page: rendered once, read without a query for the content, renewed by any change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.services_community import comment_create
from samskap.ideas.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main"):html.index("</main>")]


def test_a_visitor_reads_a_public_idea_page_from_the_cache_until_a_comment_changes_it(client):
    idea = IdeaFactory(title="Grannskapscafé i Tøyen")
    first = client.get(idea.get_absolute_url())
    assert first.status_code == 200 and "Grannskapscafé i Tøyen" in first.content.decode()

    with CaptureQueriesContext(connection) as queries:
        again = client.get(idea.get_absolute_url())
    assert main(again) == main(first)
    assert len(queries) <= 2  # the visibility check (and the hub settings at most)

    comment_create(idea=idea, by=UserFactory(), body="Vi kommer gärna och hjälper till!")
    assert "Vi kommer gärna och hjälper till!" in client.get(idea.get_absolute_url()).content.decode()


@pytest.mark.parametrize("change", [{"visibility": "members"}, {"visibility": "team"}, {"published_at": None}])
def test_a_visitor_gets_404_for_an_idea_that_is_not_public_even_after_a_cached_copy(client, change):
    idea = IdeaFactory()
    assert client.get(idea.get_absolute_url()).status_code == 200
    for name, value in change.items():
        setattr(idea, name, value)
    idea.save()
    assert client.get(idea.get_absolute_url()).status_code == 404


def test_members_get_their_own_page_with_their_buttons(client):
    idea = IdeaFactory()
    client.get(idea.get_absolute_url())  # a visitor's copy is cached
    client.force_login(idea.author)
    assert "Edit the idea" in client.get(idea.get_absolute_url()).content.decode()
