"""Moving an idea's stage with a reason, its checklist, the hub's stage admin, and who may move stages and tick
the checklist (role × stage × draft, via the rules and via HTTP)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.urls import reverse

from samskap.accounts.models import Notification
from samskap.accounts.tests.factories import UserFactory
from samskap.ideas import services_team
from samskap.ideas.models import ChecklistItem, ChecklistTick, Follow, Idea, Stage, StageChange
from samskap.ideas.tests.factories import B2_ROLES, IdeaFactory, TeamMemberFactory, people_around, stage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def render_section(name: str, idea, user) -> str:
    return Template("{% include '" + name + "' %}").render(Context({"idea": idea, "user": user}))


# Moving -------------------------------------------------------------------------------------------------------------

def test_moving_with_a_reason_records_it_and_tells_followers(client, django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    follower = UserFactory(preferred_language="en")
    Follow.objects.create(idea=idea, user=follower)
    client.force_login(idea.author)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("ideas:idea_stage", args=[idea.pk]),
                               {"stage-stage": stage("testing").pk, "stage-reason": "Första testdagen gick bra."})
    assert response.status_code == 302 and response.url.endswith("#stage")
    idea.refresh_from_db()
    assert idea.stage.slug == "testing"
    change = StageChange.objects.filter(idea=idea).first()
    assert (change.from_stage.slug, change.to_stage.slug, change.by, change.reason) == (
        "idea", "testing", idea.author, "Första testdagen gick bra.")
    assert Notification.objects.filter(user=follower, kind="idea_stage").exists()
    assert not Notification.objects.filter(user=idea.author, kind="idea_stage").exists()


def test_moving_to_an_unknown_stage_says_so_and_changes_nothing(client):
    idea = IdeaFactory()
    client.force_login(idea.author)
    response = client.post(reverse("ideas:idea_stage", args=[idea.pk]),
                           {"stage-stage": "99999", "stage-reason": "Vi testar"})
    content = response.content.decode()
    assert response.status_code == 400
    assert "There is no such stage" in content and "Vi testar" in content
    idea.refresh_from_db()
    assert idea.stage.slug == "idea" and StageChange.objects.filter(idea=idea, from_stage__isnull=False).count() == 0


def test_a_too_long_reason_is_refused():
    idea = IdeaFactory()
    client_reason = "x" * 501
    from samskap.ideas.services import idea_move_to_stage

    with pytest.raises(ValidationError, match="500 characters"):
        idea_move_to_stage(idea=idea, stage="testing", by=idea.author, reason=client_reason)


def test_the_stage_section_shows_the_phase_the_checklist_and_the_move_form_to_the_team():
    idea = IdeaFactory(stage=stage("testing"))
    html = render_section("ideas/partials/idea_stage.html", idea, idea.author)
    assert "Testing" in html and "pro-ject" in html and "A test plan" in html and "Checklist: 0 of 3 done" in html
    assert reverse("ideas:idea_stage", args=[idea.pk]) in html
    outsider = render_section("ideas/partials/idea_stage.html", Idea.objects.get(pk=idea.pk), UserFactory())
    assert "A test plan" in outsider and reverse("ideas:idea_stage", args=[idea.pk]) not in outsider
    assert reverse("ideas:checklist_tick", args=[idea.pk, ChecklistItem.objects.filter(stage__slug="testing")
                                                 .first().pk]) not in outsider


# Checklist ----------------------------------------------------------------------------------------------------------

def test_the_team_ticks_and_unticks_an_item_of_the_current_stage(client):
    idea = IdeaFactory(stage=stage("testing"))
    item = ChecklistItem.objects.filter(stage__slug="testing").first()
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    client.force_login(volunteer)
    url = reverse("ideas:checklist_tick", args=[idea.pk, item.pk])
    assert client.post(url, {"done": "1"}).status_code == 302
    assert ChecklistTick.objects.get(idea=idea, item=item).done_by == volunteer
    html = client.post(url, {"done": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Checklist: 1 of 3 done" in html and 'aria-pressed="true"' in html
    client.post(url, {"done": "0"})
    assert not ChecklistTick.objects.filter(idea=idea, item=item).exists()


def test_an_item_of_another_stage_cannot_be_ticked():
    idea = IdeaFactory(stage=stage("idea"))
    item = ChecklistItem.objects.filter(stage__slug="testing").first()
    with pytest.raises(ValidationError, match="current stage"):
        services_team.checklist_tick(idea=idea, item=item, by=idea.author, done=True)
    assert not ChecklistTick.objects.exists()


# Who may move stages and tick ---------------------------------------------------------------------------------------

MAY_MOVE = {"core_team", "incubator_facilitator", "hub_admin"}
MAY_TICK = {"team_volunteer", "core_team", "hub_admin"}


@pytest.mark.parametrize("stage_slug", ["idea", "testing", "paused"])
@pytest.mark.parametrize("role", B2_ROLES)
def test_who_may_move_the_stage(client, role, stage_slug):
    idea = IdeaFactory(stage=stage(stage_slug))
    user = people_around(idea)[role]
    assert user.has_perm("ideas.move_stage", idea) == (role in MAY_MOVE)
    if role != "anonymous":
        client.force_login(user)
    response = client.post(reverse("ideas:idea_stage", args=[idea.pk]), {"stage-stage": stage("established").pk})
    idea.refresh_from_db()
    if role in MAY_MOVE:
        assert response.status_code == 302 and idea.stage.slug == "established"
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert idea.stage.slug == stage_slug


@pytest.mark.parametrize("role", B2_ROLES)
def test_nobody_but_hub_admins_moves_a_draft_and_the_team_still_ticks_it(role):
    idea = IdeaFactory(published_at=None, stage=stage("testing"))
    user = people_around(idea)[role]
    assert user.has_perm("ideas.move_stage", idea) == (role == "hub_admin")
    assert user.has_perm("ideas.tick_checklist", idea) == (role in MAY_TICK)


@pytest.mark.parametrize("stage_slug", ["exploring", "testing"])
@pytest.mark.parametrize("role", B2_ROLES)
def test_who_may_tick_the_checklist(client, role, stage_slug):
    idea = IdeaFactory(stage=stage(stage_slug))
    item = ChecklistItem.objects.filter(stage__slug=stage_slug).first()
    user = people_around(idea)[role]
    assert user.has_perm("ideas.tick_checklist", idea) == (role in MAY_TICK)
    if role != "anonymous":
        client.force_login(user)
    response = client.post(reverse("ideas:checklist_tick", args=[idea.pk, item.pk]), {"done": "1"})
    ticked = ChecklistTick.objects.filter(idea=idea, item=item).exists()
    assert ticked == (role in MAY_TICK)
    if role not in MAY_TICK:
        assert response.status_code == (302 if role == "anonymous" else 403)
        with pytest.raises(PermissionDenied):
            services_team.checklist_tick(idea=idea, item=item, by=user, done=True)


# The hub's stages ---------------------------------------------------------------------------------------------------

def test_a_hub_admin_renames_a_stage_in_four_languages(client, hub_admin):
    client.force_login(hub_admin)
    testing = stage("testing")
    response = client.post(reverse("ideas:stage_edit", args=[testing.pk]), {
        "label_en": "Pilot", "label_sv": "Pilot", "label_nb": "Pilot", "label_da": "Pilotprojekt",
        "phase": "pro_ject", "is_active": "on"})
    assert response.status_code == 302
    testing.refresh_from_db()
    assert testing.labels == {"en": "Pilot", "sv": "Pilot", "nb": "Pilot", "da": "Pilotprojekt"}


def test_a_stage_needs_a_name_in_some_language(client, hub_admin):
    client.force_login(hub_admin)
    testing = stage("testing")
    response = client.post(reverse("ideas:stage_edit", args=[testing.pk]), {"phase": "pro_ject"})
    assert response.status_code == 400 and "Give a name in at least one language" in response.content.decode()
    testing.refresh_from_db()
    assert testing.labels["en"] == "Testing"


def test_a_hub_admin_adds_a_stage_at_the_end_and_a_taken_short_name_is_refused(client, hub_admin):
    client.force_login(hub_admin)
    response = client.post(reverse("ideas:stage_new"), {
        "slug": "scaling", "label_en": "Scaling", "label_sv": "Skalas upp", "phase": "post_ject", "is_active": "on"})
    assert response.status_code == 302
    added = Stage.objects.get(slug="scaling")
    assert added == list(Stage.objects.all())[-1] and added.phase == "post_ject" and added.is_active
    response = client.post(reverse("ideas:stage_new"), {"slug": "testing", "label_en": "Again"})
    assert response.status_code == 400 and "exists already" in response.content.decode()
    assert 'value="Again"' in response.content.decode()


def test_stages_move_up_and_down(hub_admin):
    testing = stage("testing")
    services_team.stage_reorder(stage=testing, by=hub_admin, direction="up")
    assert list(Stage.objects.values_list("slug", flat=True)[:3]) == ["idea", "testing", "exploring"]
    services_team.stage_reorder(stage=testing, by=hub_admin, direction="down")
    assert list(Stage.objects.values_list("slug", flat=True)[:3]) == ["idea", "exploring", "testing"]


def test_a_stage_in_use_cannot_be_deleted_but_an_unused_one_can(client, hub_admin):
    IdeaFactory(stage=stage("testing"))
    client.force_login(hub_admin)
    response = client.post(reverse("ideas:stage_delete", args=[stage("testing").pk]), follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Stage.objects.filter(slug="testing").exists()
    unused = services_team.stage_create(by=hub_admin, slug="spare", labels={"en": "Spare"})
    client.post(reverse("ideas:stage_delete", args=[unused.pk]))
    assert not Stage.objects.filter(slug="spare").exists()


def test_a_stage_only_on_a_timeline_is_in_use_too(hub_admin):
    idea = IdeaFactory(stage=stage("exploring"))
    from samskap.ideas.services import idea_move_to_stage

    idea_move_to_stage(idea=idea, stage="testing", by=idea.author)
    with pytest.raises(ValidationError, match="cannot be deleted"):
        services_team.stage_delete(stage=stage("exploring"), by=hub_admin)


def test_a_hub_admin_keeps_a_stages_checklist(client, hub_admin):
    client.force_login(hub_admin)
    testing = stage("testing")
    client.post(reverse("ideas:checklist_item_new", args=[testing.pk]),
                {"new-label_en": "A partner", "new-label_sv": "En partner"})
    items = list(ChecklistItem.objects.filter(stage=testing))
    assert items[-1].labels == {"en": "A partner", "sv": "En partner"}
    client.post(reverse("ideas:checklist_item_reorder", args=[items[-1].pk]), {"direction": "up"})
    labels = [item.labels["en"] for item in ChecklistItem.objects.filter(stage=testing)]
    assert labels == ["A test plan", "The first users", "A partner", "A budget"]
    first = ChecklistItem.objects.filter(stage=testing).first()
    client.post(reverse("ideas:checklist_item_edit", args=[first.pk]),
                {f"item-{first.pk}-label_en": "A plan for the test"})
    first.refresh_from_db()
    assert first.labels == {"en": "A plan for the test"}
    response = client.post(reverse("ideas:checklist_item_new", args=[testing.pk]), {"new-label_en": ""})
    assert response.status_code == 400 and "Give a name" in response.content.decode()
    client.post(reverse("ideas:checklist_item_delete", args=[first.pk]))
    assert ChecklistItem.objects.filter(stage=testing).count() == 3


@pytest.mark.parametrize("role", B2_ROLES)
def test_only_hub_admins_open_the_stage_admin(client, role):
    idea = IdeaFactory()
    user = people_around(idea)[role]
    if role != "anonymous":
        client.force_login(user)
    for url in (reverse("ideas:stages"), reverse("ideas:stage_edit", args=[stage("testing").pk])):
        response = client.get(url)
        assert response.status_code == {"hub_admin": 200, "anonymous": 302}.get(role, 403)
    if role != "hub_admin" and role != "anonymous":
        with pytest.raises(PermissionDenied):
            services_team.stage_create(by=user, slug="x", labels={"en": "X"})


def test_the_stage_admin_runs_the_same_queries_for_few_and_many_stages(client, hub_admin,
                                                                       django_assert_max_num_queries):
    client.force_login(hub_admin)
    client.get(reverse("ideas:stages"))
    counts = []
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for extra in (0, 25):
        for number in range(extra):
            new = services_team.stage_create(by=hub_admin, slug=f"s{number}", labels={"en": f"S{number}"})
            services_team.checklist_item_add(stage=new, by=hub_admin, labels={"en": "Do it"})
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("ideas:stages")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
