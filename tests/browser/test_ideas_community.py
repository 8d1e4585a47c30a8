"""An idea's community section and the moderation of ideas in a real browser: axe-clean in four languages (the idea
page's section, the report form, the moderation queue and its hide page); a member supports, comments and replies
with the keyboard alone."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas import services_moderation as moderation
from samskap.ideas.models import Comment, Support
from samskap.ideas.services_community import comment_create
from samskap.ideas.tests.factories import IdeaFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

# Headings without skipped levels and ids used once, as the other browser tests check.
STRUCTURE = """() => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
    if (levels.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
    levels.forEach((level, i) => {
        if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`);
    });
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`id "${id}" used twice`));
    return problems;
}"""


def discussed_idea():
    admin = UserFactory(name="Hedda Hubadmin", is_superuser=True, is_staff=True)
    idea = IdeaFactory(title="Terapihundar på äldreboendet")
    asker, answerer, rude = (UserFactory(name="Astrid Frågvis"), UserFactory(name="Bo Svarsson"),
                             UserFactory(name="Rolf Rå"))
    question = comment_create(idea=idea, by=asker, body="Har ni pratat med kommunen?")
    answer = comment_create(idea=idea, by=idea.author, body="Ja, i maj.", parent=question)
    deeper = comment_create(idea=idea, by=answerer, body="Vilken förvaltning?", parent=answer)
    deepest = comment_create(idea=idea, by=asker, body="Omsorgen.", parent=deeper)
    comment_create(idea=idea, by=answerer, body="Och sedan?", parent=deepest)
    bad = comment_create(idea=idea, by=rude, body="Dumt förslag.")
    moderation.report_comment(comment=bad, by=asker, reason="Otrevligt")
    reported = comment_create(idea=idea, by=rude, body="Köp klockor här.")
    moderation.report_comment(comment=reported, by=asker, reason="Reklam")
    moderation.comment_hide(comment=bad, by=admin, reason="Var vänlig.")
    moderation.report_idea(idea=IdeaFactory(title="Billiga klockor"), by=asker, reason="Spam")
    return admin, idea, asker, rude, question, reported


def audit(page, paths: list[str]) -> list[str]:
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
        problems.extend(f"{path}: {problem}" for problem in page.evaluate(STRUCTURE))
    return problems


def test_the_community_section_reports_and_moderation_have_no_accessibility_violations(context, page, live_server):
    admin, idea, asker, rude, question, reported = discussed_idea()
    problems = []
    for language in LANGUAGES:
        set_language(context, live_server, language)
        log_in(context, live_server, asker)
        problems += audit(page, [idea.get_absolute_url(), f"/ideas/comments/{question.pk}/edit/",
                                 f"/ideas/{idea.pk}/report/"])
        log_in(context, live_server, rude)  # the author of a hidden comment sees why
        problems += audit(page, [idea.get_absolute_url()])
        log_in(context, live_server, admin)
        problems += audit(page, ["/ideas/moderation/", f"/ideas/moderation/comments/{reported.pk}/hide/"])
        context.clear_cookies()
    assert not problems, "\n".join(problems)


def test_a_member_supports_comments_and_replies_with_the_keyboard_alone(context, page, live_server):
    idea = IdeaFactory(title="Grannskapscafé")
    question = comment_create(idea=idea, by=UserFactory(name="Astrid Frågvis"), body="När öppnar ni?")
    member = UserFactory(name="Mona Medlem")
    set_language(context, live_server, "en")
    log_in(context, live_server, member)
    page.goto(idea.get_absolute_url())

    # Support: htmx swaps the button and keeps the focus on it.
    tab_to(page, "BUTTON:idea-support-button")
    page.keyboard.press("Enter")
    page.locator("#idea-support").get_by_text("Withdraw my support").wait_for()
    assert focused(page) == "BUTTON:idea-support-button"
    assert Support.objects.filter(idea=idea, user=member).exists()
    assert "1 supporter" in page.locator("#idea-support").inner_text()

    # A comment.
    tab_to(page, "TEXTAREA:id_body_new")
    page.keyboard.type("Vi kan hjälpa till med bakning.")
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON:Post the comment"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    comment = Comment.objects.get(author=member)
    assert page.locator(f"#comment-{comment.pk}").inner_text().count("Vi kan hjälpa till med bakning.") == 1

    # A reply: open the reply form with the keyboard and post it.
    tab_to(page, "SUMMARY:Reply to Astrid Frågvis")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page) == f"TEXTAREA:id_body_c{question.pk}"
    page.keyboard.type("I vår, hoppas vi.")
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON:Post the reply"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    reply = Comment.objects.get(parent=question)
    assert reply.author == member and page.locator(f"#comment-{question.pk} #comment-{reply.pk}").count() == 1
