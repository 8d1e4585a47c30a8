"""Ideas and challenges in search: a published public idea is found in the other Scandinavian languages, drafts,
members-only, team-only and hidden ideas are not; challenges are found by their problem tree. The index follows
the services after the commit."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.core.selectors import search
from samskap.ideas import services, services_challenges, services_moderation
from samskap.ideas.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def write(django_capture_on_commit_callbacks):
    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def found(query: str, kind: str = "idea") -> list[int]:
    return [result.id for result in search(query=query, kinds=[kind], limit=50)[0]]


def submit(write, **fields):
    return write(services.idea_create, author=UserFactory(), **{
        "summary": "Vi vill göra något ihop i stadsdelen.", "language": "sv", **fields})


def test_a_swedish_idea_is_found_by_its_danish_and_norwegian_words(write):
    idea = submit(write, title="Arbetsträning i kvarterets kafé", solution="Unga utan jobb får arbetsträning.")
    submit(write, title="Odling på taket", summary="Grönsaker till grannarna.")

    for query in ("arbetsträning", "arbejdstræning", "arbeidstrening"):
        assert found(query) == [idea.pk], query


def test_drafts_members_and_team_ideas_are_not_found_until_public(write):
    draft = submit(write, title="Terapihundar på äldreboendet", publish=False)
    members = submit(write, title="Terapihundar för skolbarn", visibility="members")
    team = submit(write, title="Terapihundar i vården", visibility="team")
    assert found("terapihundar") == []

    write(services.idea_publish, idea=draft, by=draft.author)
    write(services.idea_update, idea=members, by=members.author, visibility="public")
    assert sorted(found("terapihundar")) == sorted([draft.pk, members.pk])
    assert team.pk not in found("terapihundar")


def test_a_hidden_idea_leaves_search_and_comes_back_when_shown_again(write):
    idea = submit(write, title="Trädplantering för rent vatten")
    moderator = UserFactory(is_superuser=True)
    write(services_moderation.idea_hide, idea=idea, by=moderator, reason="Reklam")
    assert found("trädplantering") == []
    write(services_moderation.idea_unhide, idea=idea, by=moderator)
    assert found("trädplantering") == [idea.pk]


def test_a_challenge_is_found_by_a_cause_in_its_problem_tree(write):
    facilitator = UserFactory(is_facilitator=True)
    challenge = write(services_challenges.challenge_create, by=facilitator, organisation=None,
                      title="Unga utanför", description="Var femte ung står utanför.",
                      core_problem="Unga står utanför arbete och studier", language="sv")
    write(services_challenges.tree_node_add, challenge=challenge, by=facilitator, kind="cause",
          text="För få sommarjobb")
    assert found("sommarjobb", kind="challenge") == [challenge.pk]


def test_an_idea_in_search_links_to_its_page():
    idea = IdeaFactory(title="Grannskapscafé i Tøyen")
    from samskap.ideas.search import idea_index

    idea_index(idea.pk)
    results = search(query="grannskapscafé", kinds=["idea"], limit=5)[0]
    assert [r.url for r in results] == [idea.get_absolute_url()]
