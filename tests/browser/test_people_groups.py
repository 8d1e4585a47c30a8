"""People directory, local groups and the map in a real browser: axe in four languages, the map with and without JavaScript."""

from decimal import Decimal

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import GroupMembership, OrganisationKind
from samskap.actors.tests.factories import LocalGroupFactory, MembershipFactory, OrganisationFactory
from samskap.actors.tests.factories_people import GroupMembershipFactory, PlaceFactory, ThemeFactory, listed_person
from samskap.core.models import Place

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

TILES = "https://tile.openstreetmap.org/**"


def audit(page, path: str) -> None:
    page.goto(path)
    violations = axe_violations(page)
    assert not violations, f"{path}:\n{format_violations(violations)}"


def small_ecosystem():
    """A region with a municipality and a neighbourhood, organisations placed there, people and a group."""
    region = PlaceFactory(level=Place.Level.REGION, name="Testregion", latitude=Decimal("55.9"), longitude=Decimal("13.5"))
    malmo = PlaceFactory(parent=region, name="Testmalmö", latitude=Decimal("55.60587"), longitude=Decimal("13.00073"))
    lund = PlaceFactory(parent=region, name="Testlund", latitude=Decimal("55.70466"), longitude=Decimal("13.19101"))
    neighbourhood = PlaceFactory(level=Place.Level.NEIGHBOURHOOD, parent=malmo, name="Testrosengård")
    theme = ThemeFactory(labels={"en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"})
    yalla = OrganisationFactory(name="Yalla Trappan", head_office=neighbourhood, kind=OrganisationKind.WORK_INTEGRATING,
                                themes=[theme])
    OrganisationFactory(name="Fixa Kollektivet", head_office=malmo, kind=OrganisationKind.COOPERATIVE)
    OrganisationFactory(name="Lunds Grannskap", head_office=lund, kind=OrganisationKind.ASSOCIATION)
    person = listed_person(name="Sara Sjöberg", skills="facilitation, Open Space", interests="urban gardening",
                           place=malmo, bio="Eldsjäl i Rosengård.")
    person.themes.add(theme)
    MembershipFactory(user=person, organisation=yalla)
    listed_person(name="Omar Haddad", skills="bookkeeping", place=lund)
    group = LocalGroupFactory(name="Kreaprenör Skåne", place=region, description="Vi träffas varje månad.")
    GroupMembershipFactory(group=group, user=person, role=GroupMembership.Role.CONTACT)
    GroupMembershipFactory(group=group, user=UserFactory(name="Privat Person"))
    return {"person": person, "group": group}


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_group_and_map_pages_have_no_accessibility_violations(context, page, live_server, language):
    data = small_ecosystem()
    page.route(TILES, lambda route: route.abort())
    set_language(context, live_server, language)
    # Visitors: a consenting person's page, the groups, a group, the map, and the log-in prompt of the people search.
    for path in [f"/people/{data['person'].pk}/", "/groups/", f"/groups/{data['group'].slug}/",
                 "/organisations/map/", "/people/"]:
        audit(page, path)
    page.goto("/organisations/map/")
    page.wait_for_selector(".leaflet-marker-icon")
    violations = axe_violations(page)
    assert not violations, f"map with Leaflet:\n{format_violations(violations)}"

    log_in(context, live_server, UserFactory(is_facilitator=True))
    for path in ["/people/", "/people/?skill=facilit", f"/groups/{data['group'].slug}/", "/groups/new/",
                 f"/groups/{data['group'].slug}/edit/", f"/groups/{data['group'].slug}/contacts/"]:
        audit(page, path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_group_form_with_errors_has_no_accessibility_violations(context, page, live_server, language):
    log_in(context, live_server, UserFactory(is_facilitator=True))
    set_language(context, live_server, language)
    page.goto("/groups/new/")
    page.fill("#id_name", "Utan plats")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('ds-error-summary')")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_the_map_page_works_without_javascript(browser, live_server):
    small_ecosystem()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/organisations/map/")
    items = page.locator("#map-list li")
    assert items.count() == 3
    assert "Yalla Trappan" in page.locator("#map-list").inner_text()
    assert page.locator(".org-map__fallback").is_visible()
    assert page.locator(".leaflet-container").count() == 0
    # The filters work as a plain form.
    page.select_option("#id_kind", OrganisationKind.COOPERATIVE)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#map-list li").count() == 1
    assert "Fixa Kollektivet" in page.locator("#map-list").inner_text()
    context.close()


def test_the_map_shows_markers_and_popups_even_when_tiles_cannot_load(page, live_server):
    small_ecosystem()
    problems = []
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" and "Failed to load resource" not in message.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.route(TILES, lambda route: route.abort())
    page.goto("/organisations/map/")
    page.wait_for_selector(".leaflet-container .leaflet-marker-icon")
    # Malmö's two organisations share one marker (the neighbourhood has no coordinates of its own); Lund has one.
    assert page.locator(".leaflet-marker-icon").count() == 2
    assert page.locator(".org-map__fallback").count() == 0
    page.wait_for_function("document.getElementById('map-status').textContent.length > 0")
    page.locator(".leaflet-marker-icon[alt^='Testmalmö']").click()
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator("a", has_text="Fixa Kollektivet").get_attribute("href").startswith("/organisations/")
    assert popup.locator("a", has_text="Yalla Trappan").count() == 1
    assert problems == []


def test_keyboard_users_pass_the_map_to_the_list_without_getting_stuck(page, live_server):
    small_ecosystem()
    page.route(TILES, lambda route: route.abort())
    page.goto("/organisations/map/")
    page.wait_for_selector(".leaflet-marker-icon")
    page.focus(".map-skip")
    for _press in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#map-list')"):
            break
    assert page.evaluate("!!document.activeElement.closest('#map-list')")
    # The skip link takes keyboard users past the map at once.
    page.focus(".map-skip")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "map-list"


@pytest.mark.parametrize("width", [1280, 320])
def test_people_groups_and_map_pages_fit_narrow_and_wide_screens(browser, live_server, width):
    data = small_ecosystem()
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.route(TILES, lambda route: route.abort())
    log_in(context, live_server, UserFactory(is_facilitator=True))
    for path in ["/people/", f"/people/{data['person'].pk}/", "/groups/", f"/groups/{data['group'].slug}/",
                 "/groups/new/", "/organisations/map/"]:
        page.goto(path)
        # Nothing wider than the screen: no horizontal scrolling at 320 px (WCAG 1.4.10 reflow).
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    context.close()
