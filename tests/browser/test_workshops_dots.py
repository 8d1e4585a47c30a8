"""Dot voting in Chromium: a participant places dots by keyboard on the phone; the projector's tally follows."""

from django.urls import reverse

from samskap.workshops.tests.factories_dots import dot_voting

from .conftest import axe_violations, format_violations, tab_to


def test_dots_placed_by_keyboard_reach_the_projector_and_keep_the_focus(new_context, asgi_server):
    workshop = dot_voting(options=3, dots_per_participant=3, live_tally=True)
    first = workshop.options.first()
    projector = new_context().new_page()
    projector.goto(reverse("workshops:projector", args=[workshop.code]))
    projector.wait_for_selector('.live[data-connection="live"]')
    phone = new_context(phone=True).new_page()
    phone.goto(reverse("workshops:phone", args=[workshop.code]))
    phone.get_by_label("Your name, as the others will see it").fill("Kari")
    phone.keyboard.press("Enter")
    phone.wait_for_selector('.live[data-connection="live"]')
    left = phone.locator(".dots__left")  # in the part, so it changes only once the part is fetched again
    assert "You have 3 dots left." in left.inner_text()
    tab_to(phone, f"BUTTON:+Add a dot – {first.text}")
    phone.keyboard.press("Enter")
    left.filter(has_text="You have 2 dots left.").wait_for()
    count = f'[data-count="{first.pk}:dots"]'
    projector.wait_for_function(f"() => document.querySelector('span{count}').textContent.trim() === '1'")
    assert phone.evaluate("document.activeElement.dataset.focusKey") == f"dots-more-{first.pk}"
    phone.keyboard.press("Enter")  # the focus stayed on the button: a second dot on the same option
    left.filter(has_text="You have 1 dot left.").wait_for()
    projector.wait_for_function(f"() => document.querySelector('meter{count}').value === 2")
    assert projector.locator(f"span{count}").inner_text() == "2"
    assert phone.evaluate("document.activeElement.dataset.focusKey") == f"dots-more-{first.pk}"
    assert phone.get_by_role("button", name=f"Take away a dot – {first.text}").is_visible()
    assert not axe_violations(phone), format_violations(axe_violations(phone))
    assert not axe_violations(projector), format_violations(axe_violations(projector))
