"""The logbook and the timeline: the team posts updates with images (re-encoded, described), followers are told,
the team deletes its updates, the timeline shows stage changes and updates newest first, page by page, with a
fixed number of queries; who may post (role × stage)."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas import selectors_team, services_team
from samskap.ideas.models import Follow, IdeaImage, LogEntry, StageChange
from samskap.ideas.services import idea_move_to_stage
from samskap.ideas.tests.factories import B2_ROLES, IdeaFactory, TeamMemberFactory, people_around, stage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, settings, tmp_path):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    settings.MEDIA_ROOT = tmp_path


def jpeg(name="bild.jpg", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format="JPEG", exif=Image.Exif())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_the_team_posts_an_update_with_described_images(client):
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    client.force_login(volunteer)
    response = client.post(reverse("ideas:idea_log", args=[idea.pk]), {
        "log-body": "Vi träffade tio hundägare.", "log-image_1": jpeg(), "log-alt_1": "Hundar i en park",
        "log-image_2": jpeg("b.jpg"), "log-alt_2": "Ett möte"})
    assert response.status_code == 302 and response.url.endswith("#timeline")
    entry = LogEntry.objects.get(idea=idea)
    assert entry.author == volunteer and entry.body == "Vi träffade tio hundägare."
    images = list(entry.images.all())
    assert [image.alt_text for image in images] == ["Hundar i en park", "Ett möte"]
    assert all(image.idea_id == idea.pk and image.image.name.endswith(".jpg") and image.width == 40
               for image in images)


def test_an_image_without_a_description_saves_nothing_and_keeps_the_text(client):
    idea = IdeaFactory()
    client.force_login(idea.author)
    response = client.post(reverse("ideas:idea_log", args=[idea.pk]), {
        "log-body": "Första testdagen.", "log-image_1": jpeg(), "log-alt_1": ""})
    content = response.content.decode()
    assert response.status_code == 400 and "Describe what image 1 shows" in content and "Första testdagen." in content
    assert not LogEntry.objects.exists() and not IdeaImage.objects.exists()


def test_an_oversized_or_unreadable_image_is_refused_clearly(client, settings):
    settings.IDEAS_IMAGE_MAX_BYTES = 100
    idea = IdeaFactory()
    with pytest.raises(ValidationError, match="the largest allowed is"):
        services_team.log_entry_post(idea=idea, by=idea.author, body="Text", images=[(jpeg(), "En bild")])
    settings.IDEAS_IMAGE_MAX_BYTES = 5 * 1024 * 1024
    fake = SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="not an image"):
        services_team.log_entry_post(idea=idea, by=idea.author, body="Text", images=[(fake, "En bild")])
    with pytest.raises(ValidationError, match="at most 4 images"):
        services_team.log_entry_post(idea=idea, by=idea.author, body="Text",
                                     images=[(jpeg(), "Bild")] * 5)
    with pytest.raises(ValidationError, match="Write what happened"):
        services_team.log_entry_post(idea=idea, by=idea.author, body="   ")
    assert not LogEntry.objects.exists() and not IdeaImage.objects.exists()


def test_followers_are_told_about_an_update_but_not_its_author(django_capture_on_commit_callbacks):
    idea = IdeaFactory(title="Trädplantering")
    follower = UserFactory(preferred_language="en")
    Follow.objects.create(idea=idea, user=follower)
    Follow.objects.create(idea=idea, user=idea.author)
    with django_capture_on_commit_callbacks(execute=True):
        services_team.log_entry_post(idea=idea, by=idea.author, body="Vi planterade 40 träd.")
    notification = Notification.objects.get(user=follower)
    assert notification.kind == "idea_log" and notification.title == "New update on “Trädplantering”"
    assert "40 träd" in notification.body and notification.url.endswith("#timeline")
    assert not Notification.objects.filter(user=idea.author).exists()


def test_the_author_the_core_team_and_hub_admins_delete_an_update(client, hub_admin):
    idea = IdeaFactory()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    other_volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    entry = services_team.log_entry_post(idea=idea, by=volunteer, body="Mitt inlägg", images=[(jpeg(), "Bild")])
    assert not other_volunteer.has_perm("ideas.delete_log_entry", entry)
    assert not UserFactory().has_perm("ideas.delete_log_entry", entry)
    assert volunteer.has_perm("ideas.delete_log_entry", entry)
    assert idea.author.has_perm("ideas.delete_log_entry", entry)
    assert hub_admin.has_perm("ideas.delete_log_entry", entry)
    client.force_login(other_volunteer)
    assert client.post(reverse("ideas:idea_log_delete", args=[idea.pk, entry.pk])).status_code == 403
    client.force_login(volunteer)
    assert client.post(reverse("ideas:idea_log_delete", args=[idea.pk, entry.pk])).status_code == 302
    assert not LogEntry.objects.exists() and not IdeaImage.objects.exists()


def test_the_timeline_mixes_stage_changes_and_updates_newest_first():
    idea = IdeaFactory()
    StageChange.objects.create(idea=idea, to_stage=stage("idea"), by=idea.author,
                               created_at=timezone.now() - datetime.timedelta(days=3))
    services_team.log_entry_post(idea=idea, by=idea.author, body="Första mötet")
    LogEntry.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    idea_move_to_stage(idea=idea, stage="exploring", by=idea.author, reason="Vi har pratat med kommunen")
    html = Template("{% include 'ideas/partials/idea_timeline.html' %}").render(
        Context({"idea": idea, "user": UserFactory()}))
    moved, posted, started = (html.index("Vi har pratat med kommunen"), html.index("Första mötet"),
                              html.index("Started in the stage"))
    assert moved < posted < started
    assert "Post an update" not in html


def test_the_timeline_comes_a_page_at_a_time():
    idea = IdeaFactory()
    now = timezone.now()
    LogEntry.objects.bulk_create([LogEntry(idea=idea, author=idea.author, body=f"Inlägg {n}",
                                           created_at=now - datetime.timedelta(hours=n)) for n in range(15)])
    first = selectors_team.timeline(idea=idea, user=idea.author, page=1)
    second = selectors_team.timeline(idea=idea, user=idea.author, page=2)
    assert [item.entry.body for item in first.items] == [f"Inlägg {n}" for n in range(10)]
    assert first.has_more and not second.has_more
    assert [item.entry.body for item in second.items] == [f"Inlägg {n}" for n in range(10, 15)]


def test_show_more_loads_the_next_page_in_place(client):
    idea = IdeaFactory()
    now = timezone.now()
    LogEntry.objects.bulk_create([LogEntry(idea=idea, author=idea.author, body=f"Inlägg {n}",
                                           created_at=now - datetime.timedelta(hours=n)) for n in range(12)])
    response = client.get(reverse("ideas:idea_timeline", args=[idea.pk]) + "?page=2", HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "Inlägg 11" in content and "Inlägg 2<" not in content and "<html" not in content
    assert client.get(reverse("ideas:idea_timeline", args=[idea.pk]) + "?page=abc").status_code == 200


def test_a_team_only_ideas_timeline_is_not_found_for_others(client):
    idea = IdeaFactory(visibility="team")
    client.force_login(UserFactory())
    assert client.get(reverse("ideas:idea_timeline", args=[idea.pk])).status_code == 404


def test_the_timeline_runs_the_same_queries_for_few_and_many_events(client, django_assert_max_num_queries):
    counts = []
    for size in (5, 30):
        idea = IdeaFactory()
        for number in range(size):
            entry = services_team.log_entry_post(idea=idea, by=idea.author, body=f"Inlägg {number}")
            IdeaImage.objects.bulk_create([IdeaImage(idea=idea, log_entry=entry, image="ideas/x.jpg", alt_text="Bild",
                                                     width=40, height=30)])
            StageChange.objects.create(idea=idea, to_stage=stage("idea"), by=UserFactory())
        client.force_login(idea.author)
        url = reverse("ideas:idea_timeline", args=[idea.pk])
        client.get(url)
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_three_sections_together_stay_within_ten_queries(django_assert_max_num_queries):
    idea = IdeaFactory(stage=stage("testing"))
    for number in range(12):
        TeamMemberFactory(idea=idea, role="volunteer")
        services_team.log_entry_post(idea=idea, by=idea.author, body=f"Inlägg {number}")
    template = Template("{% include 'ideas/partials/idea_stage.html' %}{% include 'ideas/partials/idea_team.html' %}"
                        "{% include 'ideas/partials/idea_timeline.html' %}")
    user = UserFactory()
    with django_assert_max_num_queries(10):
        template.render(Context({"idea": idea, "user": user}))


# Who may post -----------------------------------------------------------------------------------------------------

MAY_POST = {"team_volunteer", "core_team", "hub_admin"}


@pytest.mark.parametrize("stage_slug", ["idea", "testing", "ended"])
@pytest.mark.parametrize("role", B2_ROLES)
def test_who_may_post_to_the_logbook(client, role, stage_slug):
    idea = IdeaFactory(stage=stage(stage_slug))
    user = people_around(idea)[role]
    assert user.has_perm("ideas.post_log", idea) == (role in MAY_POST)
    if role != "anonymous":
        client.force_login(user)
    response = client.post(reverse("ideas:idea_log", args=[idea.pk]), {"log-body": "Hej"})
    assert LogEntry.objects.filter(idea=idea).exists() == (role in MAY_POST)
    if role not in MAY_POST:
        assert response.status_code == (302 if role == "anonymous" else 403)
        if role != "anonymous":
            with pytest.raises(PermissionDenied):
                services_team.log_entry_post(idea=idea, by=user, body="Hej")
