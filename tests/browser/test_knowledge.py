"""The knowledge base in a real browser: the resource list, a method card, the resource form, collections and
the curators' pages axe-clean in four languages; adding a resource and reordering a collection with the
keyboard alone."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.knowledge.models import Resource
from samskap.knowledge.tests.factories import CollectionFactory, MethodCardFactory, ResourceFactory

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

# What axe's WCAG rules leave to best practice: one h1, headings without skipped levels, ids used once, table
# headers that say what they head (as tests/browser/test_events.py checks).
STRUCTURE = """async () => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => +h.tagName[1]);
    if (levels.filter(level => level === 1).length !== 1) problems.push('not exactly one h1');
    levels.forEach((level, i) => {
        if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`);
    });
    const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
    ids.filter((id, i) => ids.indexOf(id) !== i).forEach(id => problems.push(`id "${id}" used twice`));
    document.querySelectorAll('th:not([scope])').forEach(th => problems.push(`th without scope: ${th.textContent}`));
    const result = await axe.run(document, {runOnly: {type: 'tag', values: ['best-practice']}, resultTypes: ['violations']});
    result.violations.forEach(v => problems.push(`${v.id}: ${v.help} at ${v.nodes.map(n => n.target).slice(0, 3)}`));
    return problems;
}"""


def knowledge_with_everything():
    curator = UserFactory(name="Cora Curator", is_facilitator=True)
    member = UserFactory(name="Mira Medlem")
    organisation = OrganisationFactory(name="Innovatarium")
    MembershipFactory(organisation=organisation, user=member)
    participation, loneliness = make_theme("Participation"), make_theme("Loneliness")
    malmo = make_place("Malmö")
    open_space = MethodCardFactory(title="Open Space", slug="open-space", language="en")
    card = MethodCardFactory(
        title="World Café", slug="world-cafe", language="en", summary="Conversations in small groups.",
        purpose="Connect many perspectives.", when_to_use="When a large group shares a question.",
        group_size_min=12, group_size_max=300, duration_minutes=150, materials="Paper tablecloths\nPens",
        steps="Choose the question\nSet the tables\nThree rounds of twenty minutes\nHarvest together",
        facilitator_tips="Keep time.",
        body="# History\n\nFirst used in 1995.\n\n| Round | Minutes |\n|---|---|\n| 1 | 20 |\n\n"
             "[The World Café community](https://theworldcafe.example/)",
        author_organisation=organisation, themes=[participation], places=[malmo],
        audiences=["facilitators", "municipalities"], url="https://theworldcafe.example/", link_status="broken",
        link_error="Connection refused")
    card.related_methods.add(open_space)
    MethodCardFactory(title="Verdenscafé", slug="verdenscafe", language="da", translation_group=card.translation_group)
    guides = [ResourceFactory(title=f"Guide {n}", themes=[loneliness], created_by=member, author_person=member,
                              language=language)
              for n, language in enumerate(["sv", "nb", "da", "en", "sv"])]
    ResourceFactory(title="Hidden draft", is_published=False, created_by=member)
    collection = CollectionFactory(title="Getting started", slug="getting-started", language="en",
                                   description="The **first** things to read.",
                                   resources=[card, guides[0], guides[1]])
    collection.items.filter(resource=card).update(note="Start with a conversation.")
    CollectionFactory(title="Work in progress", slug="work-in-progress", is_published=False)
    return curator, member, card, collection, guides


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
def test_knowledge_pages_for_visitors_have_no_accessibility_violations(context, page, live_server, language):
    _curator, _member, card, collection, _guides = knowledge_with_everything()
    set_language(context, live_server, language)
    audit_all(page, ["/knowledge/", "/knowledge/?kind=guide&theme=test-loneliness&sort=title&page=x",
                     card.get_absolute_url(), "/knowledge/collections/", collection.get_absolute_url()])


@pytest.mark.parametrize("language", LANGUAGES)
def test_knowledge_pages_for_members_and_curators_have_no_accessibility_violations(context, page, live_server,
                                                                                     language):
    curator, member, card, collection, guides = knowledge_with_everything()
    set_language(context, live_server, language)
    log_in(context, live_server, member)
    audit_all(page, ["/knowledge/", "/knowledge/new/", f"/knowledge/{guides[0].slug}/edit/",
                     f"/knowledge/{guides[0].slug}/delete/", f"/knowledge/{guides[0].slug}/versions/?q=guide"])
    log_in(context, live_server, curator)
    audit_all(page, ["/knowledge/", card.get_absolute_url(), f"/knowledge/{card.slug}/edit/",
                     "/knowledge/collections/", "/knowledge/collections/new/", collection.get_absolute_url(),
                     f"/knowledge/collections/{collection.slug}/edit/?q=guide",
                     f"/knowledge/collections/{collection.slug}/delete/"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_resource_form_with_errors_has_no_accessibility_violations(context, page, live_server, language):
    _curator, member, _card, _collection, _guides = knowledge_with_everything()
    set_language(context, live_server, language)
    log_in(context, live_server, member)
    page.goto("/knowledge/new/")
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").count() == 1
    assert page.evaluate("document.activeElement.matches('[data-error-summary]')")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_knowledge_pages_load_nothing_from_other_hosts_and_break_no_csp_rule(context, page, live_server):
    curator, _member, card, collection, _guides = knowledge_with_everything()
    problems = []
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("request", lambda request: problems.append(request.url)
            if not request.url.startswith(live_server.url) else None)
    log_in(context, live_server, curator)
    for path in ("/knowledge/", card.get_absolute_url(), "/knowledge/new/", collection.get_absolute_url(),
                 f"/knowledge/collections/{collection.slug}/edit/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert problems == []


# Keyboard --------------------------------------------------------------------------------------------------------



def test_a_member_adds_a_resource_with_the_keyboard_alone(context, page, live_server):
    _curator, member, _card, _collection, _guides = knowledge_with_everything()
    log_in(context, live_server, member)
    page.goto("/knowledge/")
    tab_to(page, "A:/knowledge/new/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/knowledge/new/")

    typed = {
        "id_kind": "guide",  # a closed select picks the option its typed name starts with
        "id_title": "Tangentbordets guide", "id_summary": "Skriven utan mus.", "id_body": "## Steg\n\n1. Tabb",
        "id_url": "https://example.org/tangentbord",
    }
    stops = []
    for _ in range(400):
        page.keyboard.press("Tab")
        where = focused(page)
        if where == "BUTTON:Add the resource":
            break
        field = where.split(":", 1)[1]
        if not page.evaluate("document.activeElement.closest('main form[method=post]') !== null"):
            continue
        if stops and stops[-1] == field:  # the parts of a date field
            continue
        stops.append(field)
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", field
        if field in typed:
            page.keyboard.type(typed[field])
        elif field == "id_author_0":
            page.keyboard.press("ArrowDown")  # within the group of authors: the member's organisation
            stops.append(focused(page).split(":", 1)[1])
    else:
        raise AssertionError(f"never reached the button: {stops}")
    in_reading_order = ["id_kind", "id_title", "id_summary", "id_language", "id_body", "id_published_on", "id_file",
                        "id_url", "id_author_0", "id_author_1", "id_audiences_0", "id_audiences_3", "id_themes_0",
                        "id_places", "id_purpose", "id_when_to_use", "id_group_size_min", "id_group_size_max",
                        "id_duration_minutes", "id_materials", "id_steps", "id_facilitator_tips",
                        "id_related_methods_0"]
    assert [stop for stop in stops if stop in in_reading_order] == in_reading_order, stops
    page.keyboard.press("Enter")
    page.wait_for_url("**/knowledge/tangentbordets-guide/")

    resource = Resource.objects.get(title="Tangentbordets guide")
    assert resource.kind == "guide" and resource.summary == "Skriven utan mus."
    assert resource.url == "https://example.org/tangentbord" and resource.author_organisation.name == "Innovatarium"
    assert page.locator("h1").inner_text() == "Tangentbordets guide"


def test_a_curator_reorders_a_collection_with_the_keyboard_alone(context, page, live_server):
    curator, _member, card, collection, guides = knowledge_with_everything()
    log_in(context, live_server, curator)
    page.goto(f"/knowledge/collections/{collection.slug}/edit/")
    last = guides[1]

    def order() -> list[str]:
        return [item.resource.title for item in collection.items.select_related("resource").order_by("position")]

    assert order() == ["World Café", "Guide 0", "Guide 1"]
    tab_to(page, f"BUTTON:Move up {last.title}")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**/edit/?moved={last.pk}&direction=up")
    assert order() == ["World Café", "Guide 1", "Guide 0"]
    # The focus is back on the same button (autofocus, which the browser applies at its next rendering), so
    # pressing it again moves the resource further up.
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'BUTTON'")
    assert focused(page) == f"BUTTON:Move up {last.title}"
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert order() == ["Guide 1", "World Café", "Guide 0"]
    # At the top "Move up" is disabled: the focus went to "Move down" of the same resource.
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'BUTTON'")
    assert focused(page) == f"BUTTON:Move down {last.title}"
    assert page.locator("[role=status]").first.inner_text().strip() == "“Guide 1” is now number 1 of 3."
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert order() == ["World Café", "Guide 1", "Guide 0"]
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'BUTTON'")
    assert focused(page) == f"BUTTON:Move down {last.title}"
