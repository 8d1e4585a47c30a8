"""Conversations in a real browser: the inbox, a conversation (also with errors and a hidden message) and the
page for marking an ad matched are axe-clean in four languages; replying from the ad's page and answering work
with the keyboard."""

import re

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory
from samskap.marketplace.models import Block, Message
from samskap.marketplace.tests.factories import AdFactory, ConversationFactory, MessageFactory

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)

STRUCTURE = """async () => {
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


def conversations_with_everything():
    company = OrganisationFactory(name="Bygg & Co AB", kind="company")
    owner = UserFactory(name="Karin Företag")
    MembershipFactory(organisation=company, user=owner)
    enterprise = OrganisationFactory(name="Återbruket")
    respondent = UserFactory(name="Sara Social")
    MembershipFactory(organisation=enterprise, user=respondent)
    ad = AdFactory(owner=owner, organisation=company, title="Vi söker kompetens inom återbruk")
    conversation = ConversationFactory(ad=ad, respondent=respondent, respondent_organisation=enterprise)
    MessageFactory(conversation=conversation, body="Hej! Vi har tio års erfarenhet av återbruk.")
    MessageFactory(conversation=conversation, sender=owner, body="Spännande, berätta mer.")
    MessageFactory(conversation=conversation, body="Köp våra saker!", hidden_at="2026-01-01T10:00:00Z",
                   hidden_reason="Reklam")
    other = ConversationFactory(ad=ad)
    MessageFactory(conversation=other, body="Vi kan också!")
    mine = AdFactory(owner=respondent, title="Vi erbjuder snickeri", kind="offering_competence")
    MessageFactory(conversation=ConversationFactory(ad=mine, respondent=owner), sender=owner, body="Intressant")
    Block.objects.create(blocker=respondent, blocked=UserFactory(name="Spam Spamsson"))
    return owner, respondent, ad, conversation


def audit_all(page, paths: list[str]) -> None:
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
        problems.extend(f"{path}: {problem}" for problem in page.evaluate(STRUCTURE))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_inbox_conversation_and_matched_pages_have_no_accessibility_violations(context, page, live_server, language):
    owner, respondent, ad, conversation = conversations_with_everything()
    set_language(context, live_server, language)
    log_in(context, live_server, owner)
    audit_all(page, ["/marketplace/messages/", conversation.get_absolute_url(), f"/marketplace/{ad.pk}/matched/"])
    log_in(context, live_server, respondent)
    audit_all(page, ["/marketplace/messages/", conversation.get_absolute_url(), f"/marketplace/{ad.pk}/reply/"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_forms_with_errors_have_no_accessibility_violations(context, page, live_server, language):
    owner, _respondent, ad, conversation = conversations_with_everything()
    set_language(context, live_server, language)
    log_in(context, live_server, owner)
    for path in (conversation.get_absolute_url(), f"/marketplace/{ad.pk}/matched/"):
        page.goto(path)
        page.locator("main form[enctype], main form:has(input[type=checkbox])").first.locator(
            "button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".ds-error-summary").count() == 1, path
        violations = axe_violations(page)
        assert not violations, format_violations(violations)


def test_a_member_replies_from_the_ad_page_and_the_owner_answers_with_the_keyboard(context, page, live_server):
    owner = UserFactory(name="Karin Företag")
    ad = AdFactory(owner=owner, title="Vi söker en ekonom")
    respondent = UserFactory(name="Sara Social")
    set_language(context, live_server, "en")
    log_in(context, live_server, respondent)
    page.goto(ad.get_absolute_url())
    page.get_by_label("Your reply").fill("We can help with the bookkeeping.")
    page.get_by_label("Your reply").press("Tab")
    page.get_by_role("button", name="Send reply").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/marketplace/messages/\d+/"))
    assert "We can help with the bookkeeping." in page.locator("main").inner_text()
    conversation = Message.objects.get().conversation

    log_in(context, live_server, owner)
    page.goto("/marketplace/messages/")
    assert "1 unread message" in page.locator("main").inner_text()
    page.get_by_role("link", name="Vi söker en ekonom").click()
    page.get_by_role("textbox", name="Message").fill("Welcome! When can we meet?")
    page.get_by_role("button", name="Send", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_text("Your message was sent.").wait_for()
    assert list(conversation.messages.values_list("body", flat=True)) == [
        "We can help with the bookkeeping.", "Welcome! When can we meet?"]
    page.goto("/marketplace/messages/")
    assert "unread message" not in page.locator("main").inner_text()
