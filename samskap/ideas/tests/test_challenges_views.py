"""The challenge pages: the list with its filters, a challenge with its tree and ideas, the form, the tree editor."""

import datetime
import re

import pytest
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.ideas.models import Challenge, ProblemTreeNode
from samskap.ideas.tests.factories import ChallengeFactory, IdeaFactory, ProblemTreeNodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def page(client, url, params=None) -> str:
    response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(html: str) -> list[str]:
    return re.findall(r'id="challenge-\d+-title"><a [^>]*>([^<]+)</a>', html)


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


# The list ------------------------------------------------------------------------------------------------------


def test_the_list_shows_visible_challenges_newest_first_and_by_last_day_on_request(client):
    old = ChallengeFactory(title="Old", open_until=days(3), created_at=timezone.now() - datetime.timedelta(days=5))
    new = ChallengeFactory(title="New", open_until=days(30))
    ChallengeFactory(title="No last day", created_at=timezone.now() - datetime.timedelta(days=9))
    ChallengeFactory(title="Hidden", hidden_at=timezone.now())
    assert titles(page(client, "/challenges/")) == ["New", "Old", "No last day"]
    assert titles(page(client, "/challenges/", {"sort": "open_until"})) == ["Old", "New", "No last day"]
    assert old.pk and new.pk


def test_the_list_filters_by_status_theme_place_with_the_places_below_and_owner(client):
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    rosengard = make_place("Rosengård", level="neighbourhood", parent=malmo)
    lund = make_place("Lund", parent=skane)
    housing = make_theme("Housing")
    organisation = OrganisationFactory(name="Malmö stad", slug="malmo-stad")
    ChallengeFactory(title="In Rosengård", places=[rosengard], themes=[housing], organisation=organisation)
    ChallengeFactory(title="In Lund", places=[lund], status="selecting")
    ChallengeFactory(title="Closed one", status="closed")
    assert titles(page(client, "/challenges/", {"place": malmo.slug})) == ["In Rosengård"]
    assert titles(page(client, "/challenges/", {"place": skane.slug})) == ["In Lund", "In Rosengård"]
    assert titles(page(client, "/challenges/", {"theme": housing.slug})) == ["In Rosengård"]
    assert titles(page(client, "/challenges/", {"status": "selecting"})) == ["In Lund"]
    assert titles(page(client, "/challenges/", {"owner": "malmo-stad"})) == ["In Rosengård"]
    assert titles(page(client, "/challenges/", {"owner": "hub"})) == ["Closed one", "In Lund"]
    assert titles(page(client, "/challenges/", {"q": "lund"})) == ["In Lund"]


def test_an_unknown_filter_value_is_left_out_and_the_page_says_so(client):
    ChallengeFactory(title="One")
    html = page(client, "/challenges/", {"status": "flying", "page": "99"})
    assert titles(html) == ["One"]
    assert "has no value “flying”" in html and "There is no page 99" in html


def test_the_list_is_paged_twenty_at_a_time(client):
    for n in range(21):
        ChallengeFactory(title=f"C{n:02}")
    assert len(titles(page(client, "/challenges/"))) == 20
    assert titles(page(client, "/challenges/", {"page": 2})) == ["C00"]


def test_the_list_counts_the_ideas_each_viewer_may_see(client):
    challenge = ChallengeFactory(title="Counted")
    IdeaFactory(challenge=challenge)
    IdeaFactory(challenge=challenge, visibility="members")
    IdeaFactory(challenge=challenge, published_at=None)
    IdeaFactory(challenge=challenge, hidden_at=timezone.now())
    assert "1 idea answers it" in page(client, "/challenges/")
    client.force_login(UserFactory())
    assert "2 ideas answer it" in page(client, "/challenges/")


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches every page shares (hub settings, themes, places)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_the_list_runs_the_same_few_queries_for_5_and_30_challenges(client, viewer, django_assert_max_num_queries):
    if viewer == "member":
        client.force_login(UserFactory())

    def challenges(n):
        themes = [make_theme(f"Theme {Challenge.objects.count()}-{i}") for i in range(2)]
        places = [make_place(f"Place {Challenge.objects.count()}-{i}") for i in range(2)]
        for i in range(n):
            challenge = ChallengeFactory(themes=themes, places=places,
                                         organisation=OrganisationFactory() if i % 2 else None)
            IdeaFactory(challenge=challenge)

    challenges(5)
    with_five = count_queries(client, "/challenges/?sort=open_until&five=1", django_assert_max_num_queries)
    challenges(25)
    with_thirty = count_queries(client, "/challenges/?sort=open_until&thirty=1", django_assert_max_num_queries)
    assert with_five == with_thirty


# A challenge ---------------------------------------------------------------------------------------------------


def test_a_challenge_page_draws_effects_above_the_core_problem_and_causes_below(client):
    challenge = ChallengeFactory(title="Unga utanför", core_problem="Unga står utanför", why_it_matters="Viktigt",
                                 target_groups="Unga 16–29", open_until=days(10))
    ProblemTreeNodeFactory(challenge=challenge, kind="cause", text="Second cause", position=2)
    ProblemTreeNodeFactory(challenge=challenge, kind="cause", text="First cause", position=1)
    ProblemTreeNodeFactory(challenge=challenge, kind="effect", text="An effect", position=0)
    html = page(client, challenge.get_absolute_url())
    tree = html[html.index('class="ptree"'):]
    assert tree.index("An effect") < tree.index("Unga står utanför") < tree.index("First cause") < tree.index(
        "Second cause")
    assert "Viktigt" in html and "Unga 16–29" in html and "The hub" in html and "Open" in html


def test_a_challenge_page_lists_the_ideas_a_viewer_may_see_most_supported_first(client):
    challenge = ChallengeFactory()
    IdeaFactory(challenge=challenge, title="Few", support_count=2)
    IdeaFactory(challenge=challenge, title="Many", support_count=12)
    IdeaFactory(challenge=challenge, title="For members", visibility="members", support_count=5)
    IdeaFactory(challenge=challenge, title="Team only", visibility="team", support_count=50)
    IdeaFactory(challenge=challenge, title="Draft", published_at=None)
    IdeaFactory(challenge=challenge, title="Hidden", hidden_at=timezone.now())
    IdeaFactory(title="Other challenge")

    def idea_titles(html):
        return re.findall(r'<h3 class="ds-heading" data-size="2xs"[^>]*>(?:<a [^>]*>)?([^<]+)<', html)

    html = page(client, challenge.get_absolute_url())
    assert idea_titles(html) == ["Many", "Few"] and "12 supporters" in html and "2 ideas answer" in html
    client.force_login(UserFactory())
    assert idea_titles(page(client, challenge.get_absolute_url())) == ["Many", "For members", "Few"]


def test_a_hidden_challenge_is_not_found_by_visitors(client):
    challenge = ChallengeFactory(hidden_at=timezone.now())
    assert client.get(challenge.get_absolute_url()).status_code == 404
    assert client.get("/challenges/999999/").status_code == 404


def test_a_challenge_page_runs_the_same_few_queries_for_5_and_30_ideas(client, django_assert_max_num_queries):
    challenge = ChallengeFactory(themes=[make_theme("A")], places=[make_place("B")])
    ProblemTreeNodeFactory.create_batch(3, challenge=challenge)
    client.force_login(challenge.created_by)
    for _n in range(5):
        IdeaFactory(challenge=challenge)
    with_five = count_queries(client, challenge.get_absolute_url() + "?five=1", django_assert_max_num_queries)
    for _n in range(25):
        IdeaFactory(challenge=challenge)
    with_thirty = count_queries(client, challenge.get_absolute_url() + "?thirty=1", django_assert_max_num_queries)
    assert with_five == with_thirty


# The form ------------------------------------------------------------------------------------------------------


def form_data(**changes) -> dict:
    data = {"title": "Bostäder för unga", "owner": "hub", "description": "Få bostäder.", "why_it_matters": "",
            "core_problem": "Unga hittar inget boende", "target_groups": "Unga", "open_until": days(30).isoformat(),
            "status": "open", "language": "sv"}
    data.update(changes)
    return data


def test_a_facilitator_posts_a_challenge_and_goes_on_to_its_tree(client):
    client.force_login(UserFactory(is_facilitator=True))
    theme = make_theme("Housing")
    response = client.post("/challenges/new/", form_data(themes=[theme.pk]))
    challenge = Challenge.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/challenges/{challenge.pk}/tree/"
    assert challenge.organisation is None and list(challenge.themes.all()) == [theme]


def test_a_member_posts_for_their_organisation_only(client):
    member = UserFactory()
    organisation = OrganisationFactory(name="Föreningen")
    MembershipFactory(organisation=organisation, user=member)
    other = OrganisationFactory(name="Not mine")
    client.force_login(member)
    html = page(client, "/challenges/new/")
    assert "Föreningen" in html and "Not mine" not in html and 'value="hub"' not in html
    for owner in ("hub", str(other.pk)):
        response = client.post("/challenges/new/", form_data(owner=owner))
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert client.post("/challenges/new/", form_data(owner=str(organisation.pk))).status_code == 302
    assert Challenge.objects.get().organisation == organisation


def test_a_member_of_no_organisation_is_told_how_to_post_one(client):
    client.force_login(UserFactory())
    html = page(client, "/challenges/new/")
    assert "become an active member of an organisation" in html and "<form method=\"post\" novalidate" not in html


def test_bad_input_redisplays_the_form_with_clear_messages_and_saves_nothing(client):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post("/challenges/new/", form_data(title="T" * 201, core_problem="  ",
                                                         open_until=days(-1).isoformat()))
    html = response.content.decode()
    assert response.status_code == 200 and not Challenge.objects.exists()
    assert "Please correct the following" in html
    assert "at most 200 characters" in html and "today or later" in html and "This field is required" in html
    assert 'value="' + "T" * 201 + '"' in html


def test_the_owner_side_edits_a_challenge(client):
    challenge = ChallengeFactory(title="Before")
    client.force_login(challenge.created_by)
    html = page(client, f"/challenges/{challenge.pk}/edit/")
    assert "Before" in html and 'name="core_problem"' not in html
    data = form_data(title="After", open_until="")
    del data["core_problem"]
    response = client.post(f"/challenges/{challenge.pk}/edit/", data)
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "After" and challenge.open_until is None


# The tree editor -----------------------------------------------------------------------------------------------


def test_the_tree_editor_adds_edits_moves_and_removes_causes_and_effects(client):
    challenge = ChallengeFactory()
    client.force_login(challenge.created_by)
    base = f"/challenges/{challenge.pk}/tree/"
    assert client.post(base + "add/cause/", {"cause-text": "Första"}).status_code == 302
    client.post(base + "add/cause/", {"cause-text": "Andra"})
    response = client.post(base + "add/effect/", {"effect-text": "Effekt"})
    assert response["Location"] == base + "?focus=add-effect"
    first, second = ProblemTreeNode.objects.filter(kind="cause").order_by("position")
    response = client.post(base + f"{second.pk}/move/", {"direction": "up"})
    assert response["Location"] == base + f"?focus=up-{second.pk}"
    html = page(client, response["Location"])
    assert f'id="down-{second.pk}"' in html and "autofocus" in html  # first now: its up button is gone
    client.post(base + f"{first.pk}/", {f"node{first.pk}-text": "Första, ändrad"})
    client.post(base, {"core-core_problem": "Ny kärna"})
    assert [n.text for n in ProblemTreeNode.objects.filter(kind="cause").order_by("position")] == [
        "Andra", "Första, ändrad"]
    assert Challenge.objects.get(pk=challenge.pk).core_problem == "Ny kärna"
    client.post(base + f"{second.pk}/delete/")
    assert list(ProblemTreeNode.objects.filter(kind="cause").values_list("text", "position")) == [
        ("Första, ändrad", 0)]


def test_the_tree_editor_refuses_empty_and_too_long_texts_with_a_message(client):
    challenge = ChallengeFactory(core_problem="Kärnan")
    node = ProblemTreeNodeFactory(challenge=challenge, text="Orsak")
    client.force_login(challenge.created_by)
    base = f"/challenges/{challenge.pk}/tree/"
    for url, data, message in (
            (base + "add/cause/", {"cause-text": "   "}, "This field is required"),
            (base + "add/effect/", {"effect-text": "x" * 301}, "at most 300 characters"),
            (base + f"{node.pk}/", {f"node{node.pk}-text": ""}, "This field is required"),
            (base, {"core-core_problem": ""}, "This field is required")):
        response = client.post(url, data)
        html = response.content.decode()
        assert response.status_code == 200 and message in html and "Please correct the following" in html, url
    assert list(ProblemTreeNode.objects.values_list("text", flat=True)) == ["Orsak"]
    assert Challenge.objects.get(pk=challenge.pk).core_problem == "Kärnan"


def test_a_node_of_another_challenge_is_not_found(client):
    challenge = ChallengeFactory()
    other = ProblemTreeNodeFactory()
    client.force_login(challenge.created_by)
    assert client.post(f"/challenges/{challenge.pk}/tree/{other.pk}/delete/").status_code == 404
    assert client.post(f"/challenges/{challenge.pk}/tree/add/root/", {"root-text": "x"}).status_code == 404
    assert ProblemTreeNode.objects.filter(pk=other.pk).exists()
