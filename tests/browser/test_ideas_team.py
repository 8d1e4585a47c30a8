"""Part B2 in a real browser: the team page, the stage admin, the stage and logbook forms and the idea page's team,
stage and timeline sections are axe-clean in four languages; the core team moves the idea to another stage with a
reason and ticks a checklist item using the keyboard alone."""

import pytest
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas import services_team
from samskap.ideas.models import ChecklistItem, ChecklistTick, StageChange
from samskap.ideas.services import idea_move_to_stage
from samskap.ideas.tests.factories import IdeaFactory, TeamMemberFactory, stage

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

STRUCTURE = """() => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
    if (levels.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
    levels.forEach((level, i) => { if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`); });
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`id "${id}" used twice`));
    return problems;
}"""


def test_team_stage_and_logbook_pages_are_accessible_in_four_languages(context, live_server):
    admin = UserFactory(name="Hedda Hubadmin", is_superuser=True, is_staff=True)
    idea = IdeaFactory(title="Terapihundar", author=admin, stage=stage("exploring"))
    TeamMemberFactory(idea=idea, role="volunteer")
    services_team.team_invite(idea=idea, by=admin, email="ny@example.org", role="co_founder")
    invitation = services_team.team_invite(idea=idea, by=admin, email="hedda2@example.org")
    idea_move_to_stage(idea=idea, stage="testing", by=admin, reason="Första testdagen är bokad.")
    services_team.checklist_tick(idea=idea, item=ChecklistItem.objects.filter(stage__slug="testing").first(),
                                 by=admin, done=True)
    services_team.log_entry_post(idea=idea, by=admin, body="Vi träffade tio hundägare.")
    log_in(context, live_server, admin)
    page = context.new_page()
    paths = [reverse("ideas:idea", args=[idea.pk]), reverse("ideas:idea_team", args=[idea.pk]),
             reverse("ideas:stages"), reverse("ideas:stage_edit", args=[stage("testing").pk]),
             reverse("ideas:stage_new"), reverse("ideas:idea_stage", args=[idea.pk]),
             reverse("ideas:idea_log", args=[idea.pk]), reverse("ideas:idea_timeline", args=[idea.pk]),
             reverse("ideas:team_invitation", args=[invitation.token])]
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        for path in paths:
            response = page.goto(path)
            assert response.status == 200, f"{language} {path}: {response.status}"
            assert page.evaluate("document.documentElement.lang") == language
            violations = axe_violations(page)
            if violations:
                problems.append(f"{language} {path}:\n{format_violations(violations)}")
            problems.extend(f"{language} {path}: {problem}" for problem in page.evaluate(STRUCTURE))
    assert not problems, "\n".join(problems)


def test_the_core_team_moves_the_stage_and_ticks_the_checklist_by_keyboard(page, context, live_server):
    idea = IdeaFactory(title="Grannskapscafé", stage=stage("exploring"))
    log_in(context, live_server, idea.author)
    set_language(context, live_server, "en")
    page.goto(reverse("ideas:idea", args=[idea.pk]))
    tab_to(page, "SELECT:id_stage-stage")
    # The next stage in progress is offered first; ArrowDown goes on to "Established", ArrowUp back.
    assert page.evaluate("document.activeElement.selectedOptions[0].textContent") == "Testing"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.selectedOptions[0].textContent") == "Established"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.selectedOptions[0].textContent") == "Testing"
    page.keyboard.press("Tab")
    assert focused(page) == "TEXTAREA:id_stage-reason"
    page.keyboard.type("We have found a place to test.")
    tab_to(page, "BUTTON:Move the idea", limit=5)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    change = StageChange.objects.filter(idea=idea, from_stage__isnull=False).get()
    assert (change.to_stage.slug, change.reason) == ("testing", "We have found a place to test.")
    assert "Testing" in page.locator("#stage").inner_text()

    item = ChecklistItem.objects.filter(stage__slug="testing").first()
    page.goto(reverse("ideas:idea", args=[idea.pk]))
    tab_to(page, f"BUTTON:tick-{item.pk}")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#tick-{item.pk}[aria-pressed='true']")
    assert ChecklistTick.objects.filter(idea=idea, item=item).exists()
    assert "1 of 3 done" in page.locator("#checklist-heading").inner_text()
