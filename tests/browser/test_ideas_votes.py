"""Dot votes in a real browser: the vote page (open and closed), the list and the new-vote form are axe-clean in
four languages; placing dots works with the keyboard only; two participants vote and see the results once the
facilitator closes the vote."""

import pytest
from playwright.sync_api import expect
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.services_votes import dots_place
from samskap.ideas.tests.factories import ChallengeFactory, DotVoteFactory, IdeaFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def a_vote(**kwargs):
    challenge = ChallengeFactory(title="Unga utanför arbete")
    ideas = [IdeaFactory(title=title, challenge=challenge) for title in
             ("Terapihundar på äldreboendet", "Trädplantering för rent vatten", "Grannskapscafé")]
    facilitator = UserFactory(is_facilitator=True, name="Fia Facilitator")
    vote = DotVoteFactory(ideas=ideas, opened_by=facilitator, challenge=challenge, **kwargs)
    return vote, ideas, facilitator


def test_the_vote_pages_have_no_accessibility_violations_in_four_languages(context, page, live_server):
    vote, ideas, facilitator = a_vote(show_live=True, closes_at=timezone.now() + timezone.timedelta(days=1))
    closed, _ideas, _f = a_vote(title="Stängd röstning")
    member = UserFactory()
    dots_place(vote=vote, idea=ideas[0], by=member, count=2)
    dots_place(vote=closed, idea=closed.ideas.first(), by=member, count=1)
    closed.closed_at = timezone.now()
    closed.save()
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        for user, paths in ((member, [vote.get_absolute_url(), closed.get_absolute_url(), "/votes/"]),
                            (facilitator, [vote.get_absolute_url(), "/votes/new/",
                                           f"/votes/new/?challenge={vote.challenge_id}"])):
            log_in(context, live_server, user)
            for path in paths:
                response = page.goto(path)
                assert response.status == 200, f"{path}: {response.status}"
                if violations := axe_violations(page):
                    problems.append(f"{language} {path}:\n{format_violations(violations)}")
        # The new-vote form with its errors.
        page.goto("/votes/new/")
        page.get_by_role("button", name=page.locator("form.stack button[type=submit]").inner_text()).click()
        assert page.locator("[data-error-summary]").is_visible()
        if violations := axe_violations(page):
            problems.append(f"{language} new vote with errors:\n{format_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_a_participant_places_and_removes_dots_with_the_keyboard_only(context, page, live_server):
    vote, ideas, _facilitator = a_vote()
    member = UserFactory()
    set_language(context, live_server, "en")
    log_in(context, live_server, member)
    page.goto(vote.get_absolute_url())
    counter = page.locator("#dots-left")
    assert counter.inner_text().strip() == "You have 3 of 3 dots left."
    first = min(idea.pk for idea in ideas)

    tab_to(page, f"BUTTON:dot-add-{first}")
    add = page.locator(f"#dot-add-{first}")
    for left in ("2 of 3", "1 of 3", "0 of 3"):
        page.keyboard.press("Enter")
        expect(counter).to_contain_text(left)
        # htmx gives the focus back to the button after its swap; wait for the swap to settle (and, should
        # the focus have gone, take it back as a keyboard user would) before the next key.
        expect(page.locator("#dot-vote-live.htmx-settling")).to_have_count(0)
        if focused(page) != f"BUTTON:dot-add-{first}":
            add.focus()
    page.keyboard.press("Enter")
    page.locator("#dot-vote-error").wait_for()
    assert "no dots left" in page.locator("#dot-vote-error").inner_text()
    assert page.locator(f"#my-dots-{first}").inner_text().strip().endswith("3")

    page.locator(f"#dot-remove-{first}").focus()
    page.keyboard.press("Enter")
    expect(counter).to_contain_text("1 of 3")
    assert vote.dots.get(user=member).count == 2


def test_two_participants_vote_and_both_see_the_results_once_the_facilitator_closes(browser, live_server):
    vote, ideas, facilitator = a_vote()
    first, second = sorted(ideas, key=lambda idea: idea.pk)[:2]
    pages = []
    contexts = []
    try:
        for name in ("Anna", "Bo", "Fia"):
            context = browser.new_context(base_url=live_server.url)
            context.set_default_timeout(15_000)
            contexts.append(context)
            set_language(context, live_server, "en")
            log_in(context, live_server, facilitator if name == "Fia" else UserFactory(name=name))
            pages.append(context.new_page())
        anna, bo, fia = pages
        for participant, idea, clicks in ((anna, first, 2), (bo, second, 1), (bo, first, 1)):
            participant.goto(vote.get_absolute_url())
            for _ in range(clicks):
                before = participant.locator("#dots-left").inner_text()
                participant.locator(f"#dot-add-{idea.pk}").click()
                expect(participant.locator("#dots-left")).not_to_have_text(before)
        assert "dots so far" not in anna.content()

        fia.goto(vote.get_absolute_url())
        fia.get_by_role("button", name="Close the vote and show the results").click()
        fia.locator(".dot-results").wait_for()

        for participant in (anna, bo):
            participant.reload()
            rows = participant.locator(".dot-results tbody tr")
            assert rows.count() == 3
            assert rows.nth(0).inner_text().split("\t")[:4] == ["1", first.title, "3", "2"]
            assert rows.nth(1).inner_text().split("\t")[:4] == ["2", second.title, "1", "1"]
            assert participant.locator("#dot-add-%d" % first.pk).count() == 0
    finally:
        for context in contexts:
            context.close()
