"""The World Café journey in Chromium: a facilitator runs a two-round World Café with three participants and
exports the harvest."""

from django.urls import reverse

from samskap.workshops.tests.factories_cafe import cafe

from .conftest import axe_violations, format_violations, log_in

HARVESTS = ["Fler mötesplatser för unga och äldre – grønne gårdar", "Ett kvarterskök som är öppet året runt"]


def test_a_facilitator_runs_a_two_round_world_cafe_with_three_participants_and_exports_the_harvest(
        new_context, asgi_server):
    workshop = cafe(tables=2, rounds=2, title="Kreaprenör World Café")
    facilitator = new_context()
    log_in(facilitator, asgi_server, workshop.created_by)
    console = facilitator.new_page()
    console.goto(reverse("workshops:console", args=[workshop.pk]))
    console.wait_for_selector('.live[data-connection="live"]')
    projector = new_context().new_page()
    projector.goto(reverse("workshops:projector", args=[workshop.code]))
    projector.wait_for_selector('.live[data-connection="live"]')

    phones = []
    for name in ("Åsa", "Bjørn", "Chen"):
        phone = new_context(phone=True).new_page()
        phone.goto(reverse("workshops:join") + f"?code={workshop.code.lower()}")
        phone.get_by_label("Your name, as the others will see it").fill(name)
        phone.get_by_role("button", name="Take part").click()
        phone.wait_for_selector('.live[data-connection="live"]')
        phones.append(phone)
    host = phones[0]
    host.get_by_label("Offer to host a table without a host").select_option(label="Table 1")
    host.get_by_role("button", name="Host this table").click()
    host.wait_for_selector("text=You host table 1.")

    console.get_by_role("button", name="Start round 1").click()
    console.wait_for_selector("text=Round 1 is running")
    for phone in phones:
        phone.wait_for_selector("text=Go to table")
        assert "Vad gör vår stadsdel levande?" in phone.inner_text("#live-part")
    host.wait_for_selector("text=Go to table 1")
    projector.wait_for_selector(".cafe__table-big >> text=Bjørn")
    assert "Åsa" in projector.inner_text(".cafe__tables-big")
    assert not axe_violations(projector), format_violations(axe_violations(projector))

    host.get_by_label("The harvest of table 1 in this round").fill(HARVESTS[0])
    host.get_by_role("button", name="Save the harvest").click()
    console.wait_for_selector(f"text={HARVESTS[0]}")
    host.wait_for_selector("text=Save the harvest again")
    assert not axe_violations(host), format_violations(axe_violations(host))
    assert phones[1].locator("#cafe-harvest").count() == 0

    console.get_by_role("button", name="End round 1").click()
    console.get_by_role("button", name="Start round 2").click()
    host.wait_for_selector("text=Vilka möten saknas här?")
    host.get_by_label("The harvest of table 1 in this round").fill(HARVESTS[1])
    host.get_by_role("button", name="Save the harvest").click()
    console.wait_for_selector(f"text={HARVESTS[1]}")

    console.get_by_role("button", name="Gather the shared insights").click()
    console.get_by_label("A new shared insight").fill("Mötesplatser bär stadsdelen")
    console.get_by_role("button", name="Add the insight").click()
    projector.wait_for_selector(".cafe__insight-big >> text=Mötesplatser bär stadsdelen")
    phones[2].wait_for_selector("text=Mötesplatser bär stadsdelen")

    console.get_by_role("button", name="Finish the workshop").click()
    console.wait_for_selector("text=Open the workshop again")
    with console.expect_download() as download_info:
        console.get_by_role("link", name="Download the harvest (Markdown)").click()
    download = download_info.value
    assert download.suggested_filename == "kreaprenor-world-cafe-harvest.md"
    text = open(download.path(), encoding="utf-8").read()
    assert HARVESTS[0] in text and HARVESTS[1] in text and "Mötesplatser bär stadsdelen" in text
