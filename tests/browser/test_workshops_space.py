"""Open Space in Chromium: topics posted from two phones, placed from the console by keyboard, the live agenda on
a phone without reloading, "I'll go", and axe on the phone and the projector."""

from django.urls import reverse

from samskap.workshops.tests.factories_space import open_space

from .conftest import axe_violations, format_violations, log_in


def join_and_post(context, workshop, name: str, title: str):
    phone = context.new_page()
    phone.goto(reverse("workshops:phone", args=[workshop.code]))
    phone.get_by_label("Your name, as the others will see it").fill(name)
    phone.get_by_role("button", name="Take part").click()
    phone.wait_for_selector('.live[data-connection="live"]')
    phone.get_by_label("Your topic").fill(title)
    phone.get_by_role("button", name="Post the topic").click()
    phone.wait_for_selector(f'.space__wall li:has-text("{title}")')
    assert phone.get_by_label("Your topic").input_value() == ""  # the form is emptied for the next topic
    return phone


def test_topics_from_phones_are_placed_from_the_console_and_the_agenda_reaches_a_phone_live(new_context,
                                                                                         asgi_server):
    workshop = open_space(slots=2, spaces=2, title="Framtidens Gårda")
    laptop = new_context()
    log_in(laptop, asgi_server, workshop.created_by)
    console = laptop.new_page()
    console.goto(reverse("workshops:console", args=[workshop.pk]))
    console.wait_for_selector('.live[data-connection="live"]')

    kari = join_and_post(new_context(phone=True), workshop, "Kari", "Trygga cykelvägar")
    join_and_post(new_context(phone=True), workshop, "Ola", "Odling på skolgården")
    console.wait_for_selector('.space__topics th:has-text("Odling på skolgården")')
    console.get_by_role("button", name="Open the agenda").click()
    kari.wait_for_selector('h2:has-text("The agenda")')

    for title, room in (("Trygga cykelvägar", "Rum A"), ("Odling på skolgården", "Rum B")):
        console.get_by_label(f"Time – {title}").select_option(label="10:00–10:45")
        console.get_by_label(f"Space – {title}").select_option(label=room)
        console.get_by_role("button", name=f"Place – {title}").focus()
        console.keyboard.press("Enter")
        console.wait_for_selector(f'.space__grid td:has-text("{title}")')
    # The same cell again: refused with a message, nothing moves.
    console.get_by_label("Space – Odling på skolgården").select_option(label="Rum A")
    console.get_by_role("button", name="Place – Odling på skolgården").press("Enter")
    console.wait_for_selector('[data-live-message]:has-text("That time and space is taken")')

    # Kari's phone shows the agenda as a list per time slot, without a reload.
    slot = kari.locator('.space__sessions[aria-labelledby^="space-slot-"]').first
    slot.locator('li:has-text("Odling på skolgården")').wait_for()
    assert slot.locator("li").count() == 2
    go = kari.get_by_role("button", name="I'll go – Odling på skolgården")
    assert go.get_attribute("aria-pressed") == "false"
    go.click()
    kari.wait_for_selector('button[aria-pressed="true"]:has-text("I\'ll go")')
    assert "1 going" in kari.locator('li:has-text("Odling på skolgården")').inner_text()
    topic = workshop.topics.get(title="Odling på skolgården")
    console.wait_for_function(
        f"() => document.querySelector('[data-count=\"{topic.pk}:going\"]').textContent.trim() === '1'")

    projector = new_context().new_page()
    projector.goto(reverse("workshops:projector", args=[workshop.code]))
    projector.wait_for_selector('th[scope="row"]:has-text("10:00–10:45")')
    assert "Trygga cykelvägar" in projector.locator(".space__grid").inner_text()
    assert not axe_violations(kari), format_violations(axe_violations(kari))
    assert not axe_violations(projector), format_violations(axe_violations(projector))
