"""The live connection in Chromium: a phone's WebSocket, a vote reaching the projector, the HTTP fallback."""

from django.urls import reverse

from samskap.workshops import services_battle
from samskap.workshops.tests.factories import battle

from .conftest import axe_violations, format_violations, log_in


def test_a_vote_from_a_phone_reaches_the_projector_live(new_context, asgi_server):
    workshop = battle(visionaries=2, live_tally=True)
    services_battle.battle_round_start(workshop, by=workshop.created_by)
    services_battle.battle_voting_open(workshop, by=workshop.created_by)
    first = workshop.visionaries.first()
    projector = new_context().new_page()
    projector.goto(reverse("workshops:projector", args=[workshop.code]))
    projector.wait_for_selector('.live[data-connection="live"]')
    phone = new_context(phone=True).new_page()
    phone.goto(reverse("workshops:phone", args=[workshop.code]))
    phone.get_by_label("Your name, as the others will see it").fill("Kari")
    phone.get_by_role("button", name="Take part").click()
    phone.wait_for_selector('.live[data-connection="live"]')
    phone.get_by_role("button", name=f"Vote for {first.name}").click()
    phone.wait_for_selector(f'button[aria-pressed="true"]:has-text("Vote for {first.name}")')
    projector.wait_for_function(
        f"() => document.querySelector('[data-count=\"{first.pk}:best\"]').textContent.trim() === '1'")
    assert not axe_violations(projector), format_violations(axe_violations(projector))
    assert not axe_violations(phone), format_violations(axe_violations(phone))


def _battle_voting(**fields):
    workshop = battle(visionaries=2, **fields)
    services_battle.battle_round_start(workshop, by=workshop.created_by)
    services_battle.battle_voting_open(workshop, by=workshop.created_by)
    workshop.refresh_from_db()
    return workshop


def _join(page, workshop, name):
    page.goto(reverse("workshops:phone", args=[workshop.code]))
    page.get_by_label("Your name, as the others will see it").fill(name)
    page.get_by_role("button", name="Take part").click()


def test_a_dropped_connection_reconnects_keeps_what_was_typed_and_a_vote_sent_meanwhile_counts_once(
        new_context, asgi_server):
    workshop = _battle_voting()
    first = workshop.visionaries.first()
    facilitator = new_context()
    log_in(facilitator, asgi_server, workshop.created_by)
    console, other_console = facilitator.new_page(), facilitator.new_page()
    sockets = []

    def keep(route):
        sockets.append(route)
        route.connect_to_server()

    console.route_web_socket("**/ws/workshops/**", keep)
    console.goto(reverse("workshops:console", args=[workshop.pk]))
    console.wait_for_selector('.live[data-connection="live"]')
    other_console.goto(reverse("workshops:console", args=[workshop.pk]))
    console.fill("#timer-minutes", "7")
    sockets[-1].close()  # the venue's Wi-Fi drops the console's connection
    console.wait_for_selector('.live[data-connection="reconnecting"]')
    console.wait_for_selector('.live[data-connection="live"]')
    assert len(sockets) == 2
    other_console.get_by_role("button", name="Show the results to everyone").click()
    console.get_by_role("button", name="Hide the results").wait_for()  # fetched again after the change ...
    assert console.input_value("#timer-minutes") == "7"  # ... keeping what was typed

    phone = new_context(phone=True).new_page()
    refuse = {"on": False}

    def flaky(route):
        if refuse["on"]:
            route.close()
        else:
            sockets.append(route)
            route.connect_to_server()

    phone.route_web_socket("**/ws/workshops/**", flaky)
    _join(phone, workshop, "Kari")
    phone.wait_for_selector('.live[data-connection="live"]')
    refuse["on"] = True
    sockets[-1].close()
    phone.wait_for_selector('.live:not([data-connection="live"])')
    phone.get_by_role("button", name=f"Vote for {first.name}").click()  # sent over HTTP while the socket is down
    phone.wait_for_selector(f'button[aria-pressed="true"]:has-text("Vote for {first.name}")')
    console.wait_for_function(
        f"() => document.querySelector('[data-count=\"{first.pk}:best\"]').textContent.trim() === '1'")
    refuse["on"] = False
    phone.wait_for_selector('.live[data-connection="live"]', timeout=20_000)
    assert workshop.current_round.votes.count() == 1


def test_without_websockets_a_phone_polls_votes_over_http_and_hears_the_timer(new_context, asgi_server):
    workshop = _battle_voting()
    second = workshop.visionaries.last()
    phone_context = new_context(phone=True)
    phone_context.add_init_script("delete window.WebSocket;")  # a network that blocks WebSockets
    phone = phone_context.new_page()
    _join(phone, workshop, "Sami")
    phone.wait_for_selector('.live[data-connection="polling"]')
    assert "every few seconds" in phone.inner_text("[data-live-status]")
    facilitator = new_context()
    log_in(facilitator, asgi_server, workshop.created_by)
    console = facilitator.new_page()
    console.goto(reverse("workshops:console", args=[workshop.pk]))
    phone.get_by_role("button", name=f"Vote for {second.name}").click()
    console.wait_for_function(
        f"() => document.querySelector('[data-count=\"{second.pk}:best\"]').textContent.trim() === '1'")
    console.fill("#timer-minutes", "1")
    console.get_by_role("button", name="Start the timer").click()
    # The phone learns of the timer by polling and announces it politely to screen readers.
    announce = phone.locator("[data-live-announce]")
    assert announce.get_attribute("aria-live") == "polite"
    phone.wait_for_function(
        "() => document.querySelector('[data-live-announce]').textContent.includes('1 minute left')")
    assert phone.locator("[role=timer]").is_visible()
