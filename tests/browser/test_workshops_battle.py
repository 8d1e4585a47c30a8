"""The vision battle in Chromium: a facilitator's console, a projector and five phones, all live over WebSockets."""

from django.urls import reverse

from samskap.workshops.models import Workshop
from samskap.workshops.tests.factories import ParticipantFactory, battle, new_token

from .conftest import axe_violations, format_violations, log_in


def _vote(phone, name: str) -> None:
    """Vote on a phone once the ballot has arrived (the phone fetches it after the refresh) and wait for the ack."""
    phone.get_by_role("button", name=f"Vote for {name}", exact=True).click()
    phone.wait_for_selector(f'button[aria-pressed="true"]:has-text("Vote for {name}")')


def test_a_vision_battle_with_five_voters_eliminates_the_right_visionary(new_context, asgi_server):
    workshop = battle(visionaries=3, live_tally=True)
    a, b, c = workshop.visionaries.order_by("position")
    tokens = [new_token() for _ in range(5)]
    for token in tokens:  # five guests who joined earlier on their phones (joining itself: test_workshops_live)
        ParticipantFactory(workshop=workshop, token=token)

    console_context = new_context()
    log_in(console_context, asgi_server, workshop.created_by)
    console = console_context.new_page()
    console.goto(reverse("workshops:console", args=[workshop.pk]))
    projector = new_context().new_page()
    projector.goto(reverse("workshops:projector", args=[workshop.code]))
    projector.evaluate("window.notReloaded = true")  # gone if the page were loaded again
    phones = []
    for token in tokens:
        context = new_context(phone=True)
        context.add_cookies([{"name": "samskap_device", "value": token, "url": asgi_server.url}])
        phone = context.new_page()
        phone.goto(reverse("workshops:phone", args=[workshop.code]))
        phones.append(phone)
    for page in [console, projector, *phones]:
        page.wait_for_selector('.live[data-connection="live"]')

    # Round 1: a, a, b, b, c — c has the fewest votes and drops out.
    console.get_by_role("button", name="Start the first round").click()
    console.get_by_role("button", name="Open the vote").click()
    for phone, visionary in zip(phones, [a, a, b, b, c]):
        _vote(phone, visionary.name)
    projector.wait_for_function("() => document.querySelector('[data-voters]')?.textContent.trim() === '5'")
    assert projector.locator(f'[data-count="{a.pk}:best"]').first.inner_text().strip() == "2"
    assert projector.locator(f'[data-count="{c.pk}:best"]').first.inner_text().strip() == "1"
    console.get_by_role("button", name="Close the vote and count").click()
    out = projector.locator(".battle__item--out")
    out.filter(has_text="out in round 1").wait_for()
    assert out.count() == 1 and c.name in out.inner_text()
    for phone in phones:
        phone.get_by_text(f"Out this round: {c.name}").wait_for()
    violations = axe_violations(projector)
    assert not violations, format_violations(violations)

    # Round 2: a, b, b, a, b — a drops out and b, the last one left, wins.
    console.get_by_role("button", name="Start the next round").click()
    console.get_by_role("button", name="Open the vote").click()
    for phone, visionary in zip(phones, [a, b, b, a, b]):
        _vote(phone, visionary.name)
    assert phones[0].get_by_role("button", name=f"Vote for {c.name}", exact=True).count() == 0  # c is out
    projector.wait_for_function("() => document.querySelector('[data-voters]')?.textContent.trim() === '5'")
    console.get_by_role("button", name="Close the vote and count").click()
    projector.get_by_text("The winning vision").wait_for()
    assert b.vision in projector.locator(".battle__winner").inner_text()
    assert projector.evaluate("window.notReloaded === true"), "the projector was reloaded instead of updated live"
    phones[0].get_by_text(f"The winner: “{b.vision}” by {b.name}.").wait_for()
    workshop.refresh_from_db()
    b.refresh_from_db()
    a.refresh_from_db()
    assert b.winner and workshop.status == Workshop.Status.FINISHED
    assert a.out_in_round.number == 2
