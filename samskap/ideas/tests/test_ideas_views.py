"""The idea pages as visitors, members and teams see them: the list with its filters, sorts and paging, an idea's
page, submitting (draft or published), editing with images, publishing, deleting, and my ideas."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import make_place, make_theme
from samskap.ideas.models import CohortMembership, Idea, IdeaImage, IdeaNeed
from samskap.ideas.services_images import idea_image_add
from samskap.ideas.tests.factories import (ChallengeFactory, IdeaFactory, IncubatorFactory, TeamMemberFactory,
                                           image_upload, stage)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    cache.clear()


def page(client, url, data=None) -> str:
    response = client.get(url, data or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def titles(html: str) -> list[str]:
    """The idea titles of a list, in order."""
    return re.findall(r'<a class="ds-link" href="/ideas/\d+/" lang="\w+">([^<]+)</a>', html)


def test_the_urls_are_named():
    assert reverse("ideas:ideas") == "/ideas/"
    assert reverse("ideas:idea_new") == "/ideas/new/"
    assert reverse("ideas:my_ideas") == "/ideas/mine/"
    assert reverse("ideas:idea", args=[3]) == "/ideas/3/"
    assert reverse("ideas:idea_edit", args=[3]) == "/ideas/3/edit/"
    assert reverse("ideas:idea_publish", args=[3]) == "/ideas/3/publish/"
    assert reverse("ideas:idea_delete", args=[3]) == "/ideas/3/delete/"


# The list ----------------------------------------------------------------------------------------

def test_the_list_shows_visitors_only_published_public_ideas_that_are_not_hidden(client):
    IdeaFactory(title="Public")
    IdeaFactory(title="For members", visibility="members")
    IdeaFactory(title="Team only", visibility="team")
    IdeaFactory(title="Draft", published_at=None)
    IdeaFactory(title="Hidden", hidden_at=timezone.now())
    assert titles(page(client, "/ideas/")) == ["Public"]
    client.force_login(UserFactory())
    assert sorted(titles(page(client, "/ideas/"))) == ["For members", "Public"]


def test_a_card_shows_stage_place_themes_summary_and_counts(client):
    malmo = make_place("Malmö")
    IdeaFactory(title="Terapihundar", summary="Hundar som besöker äldre.", place=malmo, support_count=3,
                comment_count=1, themes=[make_theme("Loneliness")], stage=stage("testing"))
    html = page(client, "/ideas/")
    for text in ("Terapihundar", "Hundar som besöker äldre.", "Malmö", "Loneliness", "3 supporters", "1 comment",
                 stage("testing").label):
        assert text in html


def test_the_list_filters_by_stage_theme_place_below_challenge_incubator_need_language_and_words(client):
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    rosengard = make_place("Rosengård", level="neighbourhood", parent=malmo)
    lund = make_place("Lund", parent=skane)
    theme = make_theme("Water")
    challenge = ChallengeFactory()
    incubator = IncubatorFactory()
    a = IdeaFactory(title="Trees", place=rosengard, themes=[theme], stage=stage("testing"), challenge=challenge,
                    language="en", solution="We plant trees by the river")
    IdeaNeed.objects.create(idea=a, kind="volunteers", text="Ten people")
    CohortMembership.objects.create(incubator=incubator, idea=a)
    IdeaFactory(title="Café", place=lund)
    assert titles(page(client, "/ideas/", {"stage": "testing"})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"theme": theme.slug})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"place": malmo.slug})) == ["Trees"]
    assert sorted(titles(page(client, "/ideas/", {"place": skane.slug}))) == ["Café", "Trees"]
    assert titles(page(client, "/ideas/", {"challenge": challenge.pk})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"incubator": incubator.slug})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"need": "volunteers"})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"language": "en"})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"q": "river plant"})) == ["Trees"]
    assert titles(page(client, "/ideas/", {"q": "river café"})) == []


def test_an_unknown_filter_value_is_left_out_with_a_note(client):
    IdeaFactory(title="One")
    html = page(client, "/ideas/", {"stage": "flying", "page": "x"})
    assert titles(html) == ["One"] and "has no value “flying”" in html and "is not a page number" in html


def test_the_list_sorts_by_newest_support_and_comments(client):
    IdeaFactory(title="Old popular", support_count=9, comment_count=0,
                published_at=timezone.now() - timezone.timedelta(days=3))
    IdeaFactory(title="Talked about", support_count=1, comment_count=7,
                published_at=timezone.now() - timezone.timedelta(days=2))
    IdeaFactory(title="New")
    assert titles(page(client, "/ideas/")) == ["New", "Talked about", "Old popular"]
    assert titles(page(client, "/ideas/", {"sort": "supported"})) == ["Old popular", "Talked about", "New"]
    assert titles(page(client, "/ideas/", {"sort": "commented"})) == ["Talked about", "New", "Old popular"]


def test_the_list_pages_by_twenty(client):
    for n in range(23):
        IdeaFactory(title=f"Idea {n}")
    assert len(titles(page(client, "/ideas/"))) == 20
    assert len(titles(page(client, "/ideas/", {"page": 2}))) == 3


def test_a_visitors_second_look_reads_the_cache_and_a_new_idea_shows_at_once(client, django_assert_max_num_queries):
    IdeaFactory(title="First")
    page(client, "/ideas/")
    with django_assert_max_num_queries(0):
        assert titles(page(client, "/ideas/")) == ["First"]
    IdeaFactory(title="Second")
    assert titles(page(client, "/ideas/")) == ["Second", "First"]


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches every page shares (hub settings, themes, places)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def ideas(n: int, member) -> None:
    themes = [make_theme(f"Theme {Idea.objects.count()}-{i}") for i in range(2)]
    place = make_place(f"Place {Idea.objects.count()}")
    for i in range(n):
        idea = IdeaFactory(themes=themes, place=place if i % 2 else None)
        TeamMemberFactory(idea=idea, user=member)


@pytest.mark.parametrize("url", ["/ideas/", "/ideas/?sort=supported&stage=idea&q=hund", "/ideas/mine/"])
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_the_list_pages_run_the_same_few_queries_for_5_and_30_ideas(client, url, viewer,
                                                                     django_assert_max_num_queries):
    if viewer == "visitor" and url == "/ideas/mine/":
        return
    member = UserFactory()
    if viewer == "member":
        client.force_login(member)
    ideas(5, member)
    with_five = count_queries(client, url + ("&" if "?" in url else "?") + "five=1", django_assert_max_num_queries)
    ideas(25, member)
    with_thirty = count_queries(client, url + ("&" if "?" in url else "?") + "thirty=1",
                                django_assert_max_num_queries)
    assert with_five == with_thirty


# An idea -----------------------------------------------------------------------------------------

def test_an_idea_page_shows_every_field_needs_images_and_the_challenge(client):
    challenge = ChallengeFactory(title="Unga utanför")
    idea = IdeaFactory(title="Hundar", problem="Ensamhet <b>bland</b> äldre", solution="Besök varje vecka",
                       target_group="Äldre", location="Rosengårdsskolan", place=make_place("Malmö"),
                       challenge=challenge, stage=stage("exploring"), themes=[make_theme("Health")])
    IdeaNeed.objects.create(idea=idea, kind="funding", text="20 000 kronor")
    idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="En hund i en rullstolsgång")
    html = page(client, idea.get_absolute_url())
    for text in ("<h1", "Hundar", "Ensamhet &lt;b&gt;bland&lt;/b&gt; äldre", "Besök varje vecka", "Äldre",
                 "Rosengårdsskolan", "Malmö", "Health", "20 000 kronor", "Funding",
                 'alt="En hund i en rullstolsgång"', challenge.get_absolute_url(), stage("exploring").label):
        assert text in html, text
    assert "Edit the idea" not in html


def test_the_team_sees_edit_and_delete_links_and_a_draft_can_be_published(client):
    idea = IdeaFactory(published_at=None)
    client.force_login(idea.author)
    html = page(client, idea.get_absolute_url())
    assert "This is a draft." in html and f"/ideas/{idea.pk}/edit/" in html and f"/ideas/{idea.pk}/delete/" in html
    response = client.post(f"/ideas/{idea.pk}/publish/")
    assert response.status_code == 302 and Idea.objects.get(pk=idea.pk).published_at is not None


def test_a_hidden_idea_shows_its_team_why_and_is_gone_for_others(client):
    idea = IdeaFactory(hidden_at=timezone.now(), hidden_reason="Personal data in the text")
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.force_login(idea.author)
    html = page(client, idea.get_absolute_url())
    assert "Hidden by a moderator:" in html and "Personal data in the text" in html


def test_an_unknown_idea_is_404(client):
    assert client.get("/ideas/99999/").status_code == 404


# Submitting and editing --------------------------------------------------------------------------

def form_data(**changes) -> dict:
    data = {"title": "Trädplantering", "summary": "Vi planterar träd för rent vatten.", "problem": "Grumligt vatten",
            "target_group": "Alla som bor vid ån", "solution": "Plantera längs ån", "location": "Vid ån",
            "language": "sv", "visibility": "public", "need_volunteers": "Tio personer en lördag",
            "need_funding": "", "action": "publish"}
    data.update(changes)
    return data


def test_a_member_submits_an_idea_with_needs_themes_place_and_an_image(client):
    member = UserFactory()
    client.force_login(member)
    theme, place = make_theme("Water"), make_place("Lund")
    response = client.post("/ideas/new/", form_data(themes=[theme.pk], place=place.pk, image_new_1=image_upload(),
                                                    alt_new_1="Ån en vårdag"))
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert idea.published_at is not None and idea.author == member and idea.place == place
    assert list(idea.themes.all()) == [theme]
    assert [(need.kind, need.text) for need in idea.needs.all()] == [("volunteers", "Tio personer en lördag")]
    assert IdeaImage.objects.get(idea=idea).alt_text == "Ån en vårdag"


def test_save_as_draft_keeps_the_idea_unpublished(client):
    client.force_login(UserFactory())
    client.post("/ideas/new/", form_data(action="draft"))
    assert Idea.objects.get().is_draft


def test_the_challenge_in_the_address_is_chosen_in_the_form(client):
    challenge = ChallengeFactory(title="Rent vatten")
    closed = ChallengeFactory(title="Stängd", status="closed")
    client.force_login(UserFactory())
    html = page(client, "/ideas/new/", {"challenge": challenge.pk})
    assert f'<option value="{challenge.pk}" selected>Rent vatten</option>' in html
    assert "Stängd" not in page(client, "/ideas/new/", {"challenge": closed.pk})
    client.post("/ideas/new/", form_data(challenge=challenge.pk))
    assert Idea.objects.get().challenge == challenge


def test_missing_fields_and_an_image_without_description_redisplay_the_form_and_save_nothing(client):
    client.force_login(UserFactory())
    response = client.post("/ideas/new/", form_data(title="", image_new_1=image_upload()))
    html = response.content.decode()
    assert response.status_code == 200 and "Please correct the following:" in html
    assert "Describe what the image shows" in html and "choose them again" in html
    assert "Vi planterar träd för rent vatten." in html  # what they typed
    assert not Idea.objects.exists() and not IdeaImage.objects.exists()


@override_settings(IDEAS_IMAGE_MAX_BYTES=100)
def test_an_oversized_image_gets_a_clear_message_and_nothing_is_saved(client):
    client.force_login(UserFactory())
    response = client.post("/ideas/new/", form_data(image_new_1=image_upload(size=(300, 300)), alt_new_1="Foto"))
    assert response.status_code == 200 and "the largest allowed is 100" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_file_that_is_not_an_image_gets_a_clear_message(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory())
    upload = SimpleUploadedFile("notes.png", b"just text", content_type="image/png")
    response = client.post("/ideas/new/", form_data(image_new_1=upload, alt_new_1="Foto"))
    assert "not an image we can read" in response.content.decode() and not Idea.objects.exists()


def test_editing_changes_fields_needs_and_images(client):
    idea = IdeaFactory(title="Gammalt")
    IdeaNeed.objects.create(idea=idea, kind="funding", text="Pengar")
    old = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Gammal bild")
    kept = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Kvar")
    client.force_login(idea.author)
    html = page(client, f"/ideas/{idea.pk}/edit/")
    assert "Gammalt" in html and "Pengar" in html and "Gammal bild" in html
    response = client.post(f"/ideas/{idea.pk}/edit/", form_data(
        title="Nytt", need_funding="", need_premises="Ett rum", **{f"remove_{old.pk}": "on", f"alt_{old.pk}": "",
                                                                  f"alt_{kept.pk}": "Kvar, beskriven"},
        image_new_1=image_upload(), alt_new_1="Ny bild", action="save"))
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Nytt"
    assert [(need.kind, need.text) for need in idea.needs.order_by("kind")] == [
        ("premises", "Ett rum"), ("volunteers", "Tio personer en lördag")]
    assert list(idea.images.order_by("position").values_list("alt_text", flat=True)) == ["Kvar, beskriven",
                                                                                         "Ny bild"]


def test_emptying_the_description_of_a_kept_image_is_refused(client):
    idea = IdeaFactory(title="Gammalt")
    image = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Bild")
    client.force_login(idea.author)
    response = client.post(f"/ideas/{idea.pk}/edit/", form_data(title="Nytt", action="save", **{f"alt_{image.pk}": ""}))
    assert response.status_code == 200 and "Describe what the image shows" in response.content.decode()
    assert Idea.objects.get().title == "Gammalt" and IdeaImage.objects.get().alt_text == "Bild"


def test_deleting_asks_first_then_deletes(client):
    idea = IdeaFactory(title="Att ta bort")
    client.force_login(idea.author)
    html = page(client, f"/ideas/{idea.pk}/delete/")
    assert "cannot be undone" in html and Idea.objects.filter(pk=idea.pk).exists()
    response = client.post(f"/ideas/{idea.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/ideas/mine/"
    assert not Idea.objects.filter(pk=idea.pk).exists()


# My ideas ----------------------------------------------------------------------------------------

def test_my_ideas_lists_the_teams_ideas_with_drafts_marked_and_not_others(client):
    member = UserFactory()
    IdeaFactory(title="Mine", author=member)
    IdeaFactory(title="My draft", author=member, published_at=None)
    TeamMemberFactory(user=member, idea=IdeaFactory(title="I volunteer"), role="volunteer")
    TeamMemberFactory(user=member, idea=IdeaFactory(title="Invited"), accepted_at=None)
    IdeaFactory(title="Someone else's")
    client.force_login(member)
    html = page(client, "/ideas/mine/")
    assert sorted(re.findall(r'href="/ideas/\d+/" lang="\w+">([^<]+)</a>', html)) == [
        "I volunteer", "Mine", "My draft"]
    assert html.count("<strong>Draft</strong>") == 1
