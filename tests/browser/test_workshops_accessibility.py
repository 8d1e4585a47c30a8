"""Accessibility of the live workshops in Chromium: axe (WCAG 2.1 AA) on every view of every method — the phone of
a joined participant, the black projector, the facilitator's console, prepare and results pages — and on the
generic pages, in every language; timers announced politely; the phone's buttons by keyboard.

Lean for CI: one workshop per method in its richest live state, one browser page per view, the language switched
by its cookie; the violations are collected with the language and the path and asserted once."""

from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.workshops import services, services_battle, services_cafe, services_dots, services_space
from samskap.workshops.models import Workshop
from samskap.workshops.tests.factories import ParticipantFactory, battle, new_token
from samskap.workshops.tests.factories_cafe import cafe
from samskap.workshops.tests.factories_dots import dot_voting
from samskap.workshops.tests.factories_space import TopicFactory, open_space

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language, tab_to

# Beyond WCAG's tags (axe files these under best practice): headings in order, everything in a landmark, one main.
STRUCTURE = ["heading-order", "landmark-one-main", "landmark-unique", "landmark-no-duplicate-main", "region",
             "page-has-heading-one", "empty-heading"]
STRUCTURE_JS = """async (rules) => {
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  const found = (await axe.run(document, {runOnly: {type: 'rule', values: rules}})).violations
    .map(v => v.id + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '));
  return duplicates.length ? found.concat(['duplicate ids: ' + duplicates.join(', ')]) : found; }"""


class Audit:
    """Pages (context, page, path) audited in every language; what axe finds is kept with the language and path."""

    def __init__(self, server):
        self.server = server
        self.found: list[str] = []

    def visit(self, page, path: str, language: str, *, then=None) -> None:
        set_language(page.context, self.server, language)
        page.goto(path)
        if page.locator("[data-live]").count():
            page.wait_for_selector('[data-live][data-connection="live"]')
        if then is not None:
            then(page)
        self.check(page, f"{language} {path}", language)

    def check(self, page, where: str, language: str) -> None:
        lang = page.evaluate("document.documentElement.lang")
        if lang != language:
            self.found.append(f"{where}: <html lang={lang!r}>")
        violations = axe_violations(page)
        if violations:
            self.found.append(f"{where}:\n{format_violations(violations)}")
        for problem in page.evaluate(STRUCTURE_JS, STRUCTURE):
            self.found.append(f"{where}: {problem}")

    def views(self, pages: list[tuple], languages=LANGUAGES) -> None:
        for language in languages:
            for page, path in pages:
                self.visit(page, path, language)

    def assert_clean(self) -> None:
        assert not self.found, "\n".join(self.found)


def _facilitator_pages(new_context, server, workshop) -> list[tuple]:
    laptop = new_context()
    log_in(laptop, server, workshop.created_by)
    return [(laptop.new_page(), reverse(name, args=[workshop.pk]))
            for name in ("workshops:console", "workshops:prepare", "workshops:workshop")]


def _phone(new_context, server, workshop, token: str):
    """A phone that joined earlier (its device cookie)."""
    context = new_context(phone=True)
    context.add_cookies([{"name": "samskap_device", "value": token, "url": server.url}])
    return context.new_page(), reverse("workshops:phone", args=[workshop.code])


def _projector(new_context, workshop):
    return new_context().new_page(), reverse("workshops:projector", args=[workshop.code])


def _assert_timer_announced_politely(page) -> None:
    """The clock ticks silently (role=timer is not live); the announcer, polite, says the minutes left."""
    assert page.locator("[data-live-announce]").get_attribute("aria-live") == "polite"
    clock = page.locator("[role=timer]")
    assert clock.count() == 1 and clock.get_attribute("aria-live") in (None, "off")
    assert clock.get_attribute("data-announce") is not None


def test_the_generic_workshop_pages_are_accessible_in_every_language(new_context, asgi_server):
    workshop = battle(visionaries=2)
    audit = Audit(asgi_server)
    visitor = new_context().new_page()
    member_context = new_context()
    log_in(member_context, asgi_server, UserFactory())
    member = member_context.new_page()
    guest = new_context(phone=True).new_page()
    listing, new, join = reverse("workshops:workshops"), reverse("workshops:new"), reverse("workshops:join")
    phone = reverse("workshops:phone", args=[workshop.code])

    def submit_empty(page):
        page.locator("main form button[type=submit]").click()
        page.wait_for_selector(".ds-error-summary, [data-error-summary], .errorlist, [aria-invalid=true]")

    for language in LANGUAGES:
        audit.visit(visitor, listing, language)
        audit.visit(member, listing, language)
        audit.visit(member, new, language)
        audit.visit(member, new, language, then=submit_empty)  # the form with its errors
        audit.visit(guest, join + "?code=ZZZZZZ", language)  # an unknown code
        audit.visit(guest, phone, language)  # the join-name page
        audit.visit(guest, phone, language, then=submit_empty)  # … without a name
    audit.assert_clean()


def test_a_running_world_cafe_is_accessible_in_every_language(new_context, asgi_server):
    workshop = cafe(tables=2, rounds=2)
    by = workshop.created_by
    token = new_token()
    host = ParticipantFactory(workshop=workshop, token=token, display_name="Åsa")
    for name in ("Bjørn", "Chen", "Dagny"):
        ParticipantFactory(workshop=workshop, display_name=name)
    table = workshop.tables.get(number=1)
    services_cafe.host_set(table, by=by, participant=host)
    first = workshop.rounds.get(number=1)
    services_cafe.cafe_round_start(first, by=by)
    services_cafe.harvest_save(table=table, item=first, text="Fler mötesplatser för unga och äldre",
                               participant=host)
    services_cafe.insight_add(workshop, by=by, text="Mötesplatser bär stadsdelen")
    services.timer_start(workshop, by=by, minutes=10)
    services.results_show(workshop, by=by, visible=True)
    phone = _phone(new_context, asgi_server, workshop, token)
    projector = _projector(new_context, workshop)
    facilitator = _facilitator_pages(new_context, asgi_server, workshop)
    audit = Audit(asgi_server)

    audit.views([phone, projector, *facilitator])
    assert phone[0].get_by_label("The harvest of table 1 in this round").is_visible()  # the host's form was audited
    _assert_timer_announced_politely(phone[0])
    services_cafe.insights_begin(workshop, by=by)  # the last step: the shared insights on every screen
    audit.views([phone, projector])
    assert "Mötesplatser bär stadsdelen" in projector[0].inner_text("main")
    audit.assert_clean()


def test_an_open_space_is_accessible_in_every_language(new_context, asgi_server):
    workshop = open_space(slots=2, spaces=2)
    by = workshop.created_by
    token = new_token()
    kari = ParticipantFactory(workshop=workshop, token=token, display_name="Kari")
    ola = ParticipantFactory(workshop=workshop, display_name="Ola")
    mine = services_space.topic_post(workshop, participant=kari, title="Trygga cykelvägar")
    other = services_space.topic_post(workshop, participant=ola, title="Odling på skolgården")
    TopicFactory(workshop=workshop, convener=ola, title="Ett kvarterskök")  # stays unplaced
    phone = _phone(new_context, asgi_server, workshop, token)
    audit = Audit(asgi_server)
    audit.views([phone])  # the marketplace: the form to post a topic, the wall with "Take back"

    services_space.space_phase_set(workshop, by=by, phase=services_space.AGENDA)
    slots, spaces = list(workshop.slots.all()), list(workshop.spaces.all())
    services_space.topic_place(mine, slot=slots[0], space=spaces[0], by=by)
    services_space.topic_place(other, slot=slots[0], space=spaces[1], by=by)
    services_space.attendance_set(mine, participant=kari, going=True)
    services_space.attendance_set(other, participant=ola, going=True)
    audit.views([phone])  # the agenda, with the convener's form to move their topic

    workshop.refresh_from_db()
    services_space.space_phase_set(workshop, by=by, phase=services_space.SESSIONS)
    mine.refresh_from_db()
    services_space.notes_save(mine, notes="Vi börjar vid skolan.", participant=kari)
    services_space.action_item_add(mine, text="Rita en karta", owner="Kari", participant=kari)
    services.timer_start(workshop, by=by, minutes=45)
    services.results_show(workshop, by=by, visible=True)
    audit.views([phone, _projector(new_context, workshop), *_facilitator_pages(new_context, asgi_server, workshop)])
    assert phone[0].get_by_role("button", name="Save the notes – Trygga cykelvägar").is_visible()
    _assert_timer_announced_politely(phone[0])
    audit.assert_clean()


def test_a_dot_voting_is_accessible_in_every_language(new_context, asgi_server):
    workshop = dot_voting(options=3, dots_per_participant=3, live_tally=True)
    by = workshop.created_by
    first, second, _third = workshop.options.order_by("position")
    token = new_token()
    kari = ParticipantFactory(workshop=workshop, token=token, display_name="Kari")
    ola = ParticipantFactory(workshop=workshop, display_name="Ola")
    services_dots.dots_set(workshop_id=workshop.pk, participant_id=kari.pk, option_id=first.pk, count=2)
    services_dots.dots_set(workshop_id=workshop.pk, participant_id=ola.pk, option_id=second.pk, count=3)
    services.timer_start(workshop, by=by, minutes=5)
    services.results_show(workshop, by=by, visible=True)
    audit = Audit(asgi_server)
    phone = _phone(new_context, asgi_server, workshop, token)
    audit.views([phone, _projector(new_context, workshop), *_facilitator_pages(new_context, asgi_server, workshop)])
    assert phone[0].get_by_role("button", name=f"Take away a dot – {first.text}").is_visible()
    _assert_timer_announced_politely(phone[0])
    audit.assert_clean()


def test_a_vision_battle_is_accessible_in_every_language(new_context, asgi_server):
    workshop = battle(visionaries=3, mode=Workshop.BattleMode.KEEP_OUT, live_tally=True)
    by = workshop.created_by
    a, b, c = workshop.visionaries.order_by("position")
    token = new_token()
    voters = [ParticipantFactory(workshop=workshop, token=token)] + [ParticipantFactory(workshop=workshop)
                                                                      for _ in range(2)]
    first = services_battle.battle_round_start(workshop, by=by)
    services_battle.battle_voting_open(workshop, by=by)
    for voter in voters:
        for visionary, choice in ((a, "keep"), (b, "keep"), (c, "out")):
            services_battle.battle_vote(workshop_id=workshop.pk, participant_id=voter.pk, round_id=first.pk,
                                        visionary_id=visionary.pk, choice=choice)
    workshop.refresh_from_db()
    assert services_battle.battle_voting_close(workshop, by=by) == [c]  # one visionary out
    workshop.refresh_from_db()
    second = services_battle.battle_round_start(workshop, by=by)
    services_battle.battle_voting_open(workshop, by=by)
    services_battle.battle_vote(workshop_id=workshop.pk, participant_id=voters[0].pk, round_id=second.pk,
                                visionary_id=a.pk, choice="keep")
    services.timer_start(workshop, by=by, minutes=3)
    audit = Audit(asgi_server)
    phone = _phone(new_context, asgi_server, workshop, token)
    audit.views([phone, _projector(new_context, workshop), *_facilitator_pages(new_context, asgi_server, workshop)])
    assert phone[0].get_by_role("button", name=f"out – {b.name}").is_visible()
    _assert_timer_announced_politely(phone[0])
    audit.assert_clean()


def test_a_phone_votes_and_marks_a_session_by_keyboard(new_context, asgi_server):
    """Tab reaches the vote (vision battle) and "I'll go" (Open Space) buttons with a visible focus outline;
    Enter casts the vote and marks the session."""
    fight = battle(visionaries=2)
    services_battle.battle_round_start(fight, by=fight.created_by)
    services_battle.battle_voting_open(fight, by=fight.created_by)
    winner = fight.visionaries.last()
    token = new_token()
    ParticipantFactory(workshop=fight, token=token)
    phone, path = _phone(new_context, asgi_server, fight, token)
    phone.goto(path)
    phone.wait_for_selector('[data-live][data-connection="live"]')
    tab_to(phone, f"BUTTON:Vote for {winner.name}")
    phone.keyboard.press("Enter")
    phone.wait_for_selector(f'button[aria-pressed="true"]:has-text("Vote for {winner.name}")')
    assert fight.current_round.votes.get().visionary == winner

    space = open_space(slots=1, spaces=1, phase=services_space.AGENDA)
    topic = TopicFactory(workshop=space, title="Trygga cykelvägar", slot=space.slots.get(),
                         space=space.spaces.get())
    token = new_token()
    me = ParticipantFactory(workshop=space, token=token)
    phone, path = _phone(new_context, asgi_server, space, token)
    phone.goto(path)
    phone.wait_for_selector('[data-live][data-connection="live"]')
    tab_to(phone, "BUTTON:I'll go – Trygga cykelvägar")
    phone.keyboard.press("Enter")
    phone.wait_for_selector('button[aria-pressed="true"]:has-text("I\'ll go")')
    assert topic.attendance.filter(participant=me).exists()
