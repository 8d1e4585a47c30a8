"""Events in a real browser: every page axe-clean in four languages, keyboard use, small screens, and the
journeys of a guest who registers for a pay-what-you-can event and of staff checking people in."""

import io
import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory, make_place, make_theme
from samskap.events.emails import check_in_url
from samskap.events.models import Event, EventFile, Feedback, Registration, RegistrationQuestion
from samskap.events.tests.factories import (EventFactory, EventInvitationFactory, QuestionFactory, RegistrationFactory,
                                           TicketTypeFactory)
from samskap.events.tests.factories_programme import (EventFileFactory, SessionFactory, SpeakerFactory,
                                                      StandFactory)

from .conftest import LANGUAGES, axe_violations, focused, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)
Status = Registration.Status
SHOTS = "/tmp/shots"


def png(width: int = 40, height: int = 30, colour: str = "teal") -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="picture.png")


def events_with_everything():
    """A two-day conference with tickets, questions, a programme, stands and participants in every state;
    a pay-what-you-can afternoon; and a workshop that is over, with its summary."""
    organiser = UserFactory(name="Olle Organisatör")
    organisation = OrganisationFactory(name="Kreaprenörnätverket", admins=[organiser])
    stavanger = make_place("Stavanger", country="NO")
    loneliness = make_theme("Loneliness")
    start = (timezone.now() + timedelta(days=10)).astimezone(ZoneInfo("Europe/Oslo")).replace(
        hour=9, minute=0, second=0, microsecond=0)
    conference = EventFactory(
        title="Norge Unlimited 2026", slug="norge-unlimited-2026", kind="conference", language="nb",
        summary="To dager om sosialt entreprenørskap.", description="Foredrag, stands og mingling.",
        organisers=[organisation], themes=[loneliness], place=stavanger, venue_name="Stavanger forum",
        venue_address="Gunnar Warebergs gate 13", room="Sal A", latitude=Decimal("58.95"), longitude=Decimal("5.73"),
        accessibility="Trinnfri adgang og teleslynge.", online_url="https://meet.example.org/norge-unlimited",
        time_zone="Europe/Oslo", start=start, end=start + timedelta(days=1, hours=8), capacity=40,
        pricing=Event.Pricing.TICKETS, currency="NOK", cover_image=png(), cover_alt="Folk som mingler i en sal",
        registration_closes=start - timedelta(days=1))
    TicketTypeFactory(event=conference, name="Medlem", price=0)
    TicketTypeFactory(event=conference, name="Ikke-medlem", price=900)
    TicketTypeFactory(event=conference, name="Student", price=300, capacity=10)
    QuestionFactory(event=conference, label="Matbehov", kind=RegistrationQuestion.Kind.SINGLE, required=True)
    QuestionFactory(event=conference, label="Verksteder", kind=RegistrationQuestion.Kind.MULTIPLE,
                    choices=["Finansiering", "Måling"])
    QuestionFactory(event=conference, label="Trenger du tolk?", kind=RegistrationQuestion.Kind.YES_NO)
    QuestionFactory(event=conference, label="Tilgjengelighetsbehov")

    speaker = SpeakerFactory(event=conference, name="Sara Speaker", slug="sara-speaker", photo=png(colour="navy"))
    guest_speaker = SpeakerFactory(event=conference, name="Gunnar Gjest", slug="gunnar-gjest")
    opening = SessionFactory(event=conference, title="Åpning", speakers=[speaker, guest_speaker], room="Sal A",
                             links=[{"title": "Rapporten", "url": "https://example.org/rapport"}])
    SessionFactory(event=conference, title="Finansiering", room="Sal B", start=start + timedelta(hours=1),
                   end=start + timedelta(hours=2))
    SessionFactory(event=conference, title="Dag to", start=start + timedelta(days=1),
                   end=start + timedelta(days=1, hours=1), speakers=[speaker])
    EventFileFactory(session=opening, title="Lysbilder fra åpningen")
    StandFactory(event=conference, organisation=OrganisationFactory(name="Yalla Trappan"))
    StandFactory(event=conference, organisation=organisation, pitch="")

    registrations = SimpleNamespace(
        listed=RegistrationFactory(event=conference, name="Liv Listed", on_participant_list=True,
                                   organisation_name="Gründerhuset", answers={}),
        confirmed=RegistrationFactory(event=conference, name="Kari Nordmann", amount=900, currency="NOK",
                                      payment_method="invoice", payment_status="unpaid",
                                      invoice_organisation="Kari AS", invoice_address="Vei 1, Stavanger"),
        checked_in=RegistrationFactory(event=conference, name="Ola Innsjekket", on_participant_list=True,
                                       checked_in_at=timezone.now()),
        waiting=RegistrationFactory(event=conference, name="Wenche Venter", status=Status.WAITING, confirmed_at=None),
        offered=RegistrationFactory(event=conference, name="Otto Tilbud", status=Status.OFFERED, confirmed_at=None,
                                    offer_expires_at=timezone.now() + timedelta(hours=40)),
        cancelled=RegistrationFactory(event=conference, name="Kalle Avbrutt", status=Status.CANCELLED,
                                      cancelled_at=timezone.now()),
        unconfirmed=RegistrationFactory(event=conference, name="Ulla Ubekreftet", status=Status.UNCONFIRMED,
                                        confirmed_at=None),
    )

    pwyc = EventFactory(
        title="SED eftermiddag i Aarhus", slug="sed-eftermiddag-aarhus", kind="network_meeting", language="da",
        organisers=[organisation], time_zone="Europe/Copenhagen", pricing=Event.Pricing.PAY_WHAT_YOU_CAN,
        currency="DKK", suggested_amounts=[100, 200, 400], minimum_amount=Decimal("50"), capacity=36)
    QuestionFactory(event=pwyc, label="Hvad arbejder du med?", required=True)
    RegistrationFactory(event=pwyc, user=organiser, name=organiser.name, email=organiser.email, amount=200,
                        currency="DKK", payment_method="at_venue", payment_status="unpaid")

    ended = timezone.now() - timedelta(days=2)
    past = EventFactory(title="Tenkeverksted om ensomhet", slug="tenkeverksted-om-ensomhet", kind="thinkshop",
                        organisers=[organisation], start=ended - timedelta(hours=3), end=ended,
                        outcome_summary="Vi fant tre nye samarbeid.")
    EventFile.objects.create(event=past, kind=EventFile.Kind.PHOTO, title="Gruppebilde", file=png(colour="orange"),
                             content_type="image/png", size=100, alt_text="Tolv personer rundt et bord")
    EventFileFactory(session=None, event=past, kind=EventFile.Kind.DOCUMENT, title="Rapport")
    registrations.past = RegistrationFactory(event=past, name="Petra Past", checked_in_at=ended - timedelta(hours=2))
    Feedback.objects.create(registration=registrations.past, rating=4, comment="Godt organisert.")

    invite_only = EventFactory(title="Innovatariets tenkeverksted", slug="innovatariets-tenkeverksted", kind="workshop",
                               organisers=[organisation], audience=Event.Audience.INVITATION)
    invitation = EventInvitationFactory(event=invite_only, email="invitert@example.org")
    accepted = EventInvitationFactory(event=invite_only, email="kom@example.org")
    RegistrationFactory(event=invite_only, email=accepted.email)
    draft = EventFactory(title="Utkast til nettverksmøte", slug="utkast-nettverksmote", organisers=[organisation],
                         status=Event.Status.DRAFT)

    return SimpleNamespace(organiser=organiser, organisation=organisation, conference=conference, pwyc=pwyc,
                           past=past, invite_only=invite_only, invitation=invitation, draft=draft, speaker=speaker,
                           opening=opening, registrations=registrations, place=stavanger, theme=loneliness)


def visitor_pages(data) -> list[str]:
    conference, pwyc, past, r = data.conference, data.pwyc, data.past, data.registrations
    month = timezone.localtime(conference.start, ZoneInfo(conference.time_zone))
    return [
        "/events/", "/events/?when=past", f"/events/?kind=conference&theme={data.theme.slug}&price=paid",
        f"/events/month/?year={month.year}&month={month.month}",
        conference.get_absolute_url(), pwyc.get_absolute_url(), past.get_absolute_url(),
        f"/events/{conference.slug}/programme/", f"/events/{conference.slug}/speakers/{data.speaker.slug}/",
        f"/events/{conference.slug}/stands/", f"/events/{conference.slug}/participants/",
        f"/events/{conference.slug}/register/", f"/events/{pwyc.slug}/register/", f"/events/{pwyc.slug}/register/sent/",
        data.organisation.get_absolute_url(),
        r.confirmed.get_absolute_url(), r.waiting.get_absolute_url(), r.cancelled.get_absolute_url(),
        f"/events/registrations/{r.unconfirmed.token}/confirm/", f"/events/registrations/{r.confirmed.token}/cancel/",
        f"/events/registrations/{r.offered.token}/offer/", f"/events/registrations/{r.past.token}/feedback/",
        r.past.get_absolute_url(), data.invite_only.get_absolute_url(),
        f"/events/{data.invite_only.slug}/register/?invitation={data.invitation.token}",
    ]


def organiser_pages(data) -> list[str]:
    conference, past, r = data.conference, data.past, data.registrations
    slug = conference.slug
    return [
        conference.get_absolute_url(), past.get_absolute_url(),
        f"/events/{slug}/participants/", f"/events/{slug}/participants/?status=waiting&q=w",
        f"/events/{slug}/check-in/", f"/events/{slug}/check-in/?q=a", f"/events/{slug}/check-in/?q=nobody",
        f"/events/{slug}/check-in/?code={r.confirmed.check_in_code}", "/events/calendar/",
        "/events/new/", f"/events/{slug}/edit/", f"/events/{slug}/cancel/",
        f"/events/{slug}/programme/", f"/events/{slug}/programme/edit/", f"/events/{slug}/programme/sessions/new/",
        f"/events/{slug}/programme/sessions/{data.opening.pk}/", f"/events/{slug}/programme/speakers/new/",
        f"/events/{slug}/programme/speakers/{data.speaker.pk}/", f"/events/{slug}/programme/files/new/",
        f"/events/{slug}/stands/?q=yalla", f"/events/{slug}/speakers/{data.speaker.slug}/",
        f"/events/{past.slug}/summary/edit/", f"/events/{past.slug}/participants/",
        f"/events/{data.invite_only.slug}/invitations/", f"/events/{slug}/invitations/", data.draft.get_absolute_url(),
        f"/events/{data.draft.slug}/edit/",
    ]


# What axe's WCAG rules leave to best practice: one h1, headings without skipped levels, landmarks with
# unique names, ids used once, table headers that say what they head.
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


def audit_all(page, live_server, paths: list[str]) -> None:
    """Open every page and report all the problems axe and the structure checks find, page by page, at once;
    and, once the page has nothing more to load, anything it loaded from another host and every console error
    (a broken CSP rule shows up there) or script error."""
    problems = []
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    page.on("request", lambda request: problems.append(request.url)
            if not request.url.startswith(live_server.url) else None)
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")
        problems.extend(f"{path}: {problem}" for problem in page.evaluate(STRUCTURE))
        page.wait_for_load_state("networkidle")  # usually reached while axe ran
    assert not problems, "\n".join(problems)


# Accessibility ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_event_pages_for_visitors_have_no_accessibility_violations(context, page, live_server, language):
    data = events_with_everything()
    set_language(context, live_server, language)
    audit_all(page, live_server, visitor_pages(data))


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_pages_for_organisers_have_no_accessibility_violations(context, page, live_server, language):
    data = events_with_everything()
    log_in(context, live_server, data.organiser)
    set_language(context, live_server, language)
    audit_all(page, live_server, organiser_pages(data))


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_forms_with_errors_have_no_accessibility_violations(context, page, live_server, language):
    data = events_with_everything()
    set_language(context, live_server, language)
    problems = []

    def submit_and_audit(path: str) -> None:
        page.goto(path)
        page.locator("main form[method=post] button[type=submit]").last.click()
        page.wait_for_load_state()
        assert page.locator(".ds-error-summary, .ds-validation-message").count() > 0, path
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path} with errors:\n{format_violations(violations)}")

    submit_and_audit(f"/events/{data.pwyc.slug}/register/")
    submit_and_audit(f"/events/{data.conference.slug}/register/")
    log_in(context, live_server, data.organiser)
    slug = data.conference.slug
    for path in ["/events/new/", f"/events/{slug}/programme/sessions/new/", f"/events/{slug}/programme/speakers/new/",
                 f"/events/{slug}/programme/files/new/"]:
        submit_and_audit(path)
    assert not problems, "\n".join(problems)


# That event pages load nothing from other hosts and break no CSP rule is checked by audit_all in the visitors' and
# the organiser's page audits above: the same pages, in all four languages, in the page load of the axe audit.


# Keyboard --------------------------------------------------------------------------------------------------------

def test_keyboard_users_reach_the_register_button_and_every_field_of_the_form_in_order(page, live_server):
    data = events_with_everything()
    page.goto(data.pwyc.get_absolute_url())
    register = f"A:/events/{data.pwyc.slug}/register/"
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1] == register:
            break
    assert seen[-1] == register, seen
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/events/{data.pwyc.slug}/register/")

    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1].startswith("BUTTON:") and page.evaluate("document.activeElement.closest('main') !== null"):
            break
    fields = [entry.split(":", 1)[1] for entry in seen if entry.startswith(("INPUT:", "TEXTAREA:"))]
    question = data.pwyc.questions.get()
    # One stop for the group of amounts (arrow keys move within it), then the fields in reading order.
    expected = ["id_name", "id_email", "id_organisation_name", "id_amount_choice_0", "id_own_amount",
                "id_payment_method_0", f"id_question_{question.pk}", "id_on_participant_list"]
    assert [field for field in fields if field in expected or field.startswith("id_invoice")] == (
        expected[:6] + ["id_invoice_organisation", "id_invoice_org_number", "id_invoice_reference",
                        "id_invoice_address"] + expected[6:]), seen
    assert seen[-1].startswith("BUTTON:"), seen


def test_the_check_in_page_has_no_keyboard_trap(context, page, live_server):
    data = events_with_everything()
    log_in(context, live_server, data.organiser)
    page.goto(f"/events/{data.conference.slug}/check-in/?q=a")
    page.focus("#check-in-code")
    seen = [focused(page)]
    for _ in range(80):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if page.evaluate("document.activeElement.closest('footer') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('footer') !== null"), seen
    assert "INPUT:check-in-search" in seen
    # And back again, past the search field (htmx listens to it) and up to the code field.
    for _ in range(80):
        page.keyboard.press("Shift+Tab")
        if focused(page) == "INPUT:check-in-code":
            break
    assert focused(page) == "INPUT:check-in-code"
    page.keyboard.press("Shift+Tab")
    assert focused(page) != "INPUT:check-in-code"


# The last Tab stop of a date and time field is Chromium's own calendar button inside it, which draws its
# own focus ring; the field itself then no longer matches :focus-visible.
FOCUS_SHOWN = """(() => { const e = document.activeElement, s = getComputedStyle(e);
    if (e.matches('input[type=datetime-local], input[type=date]') && !e.matches(':focus-visible')) return true;
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; })()"""


def test_every_link_button_and_field_shows_where_the_keyboard_focus_is(context, page, live_server):
    data = events_with_everything()
    log_in(context, live_server, data.organiser)
    slug = data.conference.slug
    unseen = []
    for path in [data.conference.get_absolute_url(), f"/events/{slug}/register/", f"/events/{slug}/check-in/?q=a",
                 f"/events/{slug}/participants/", f"/events/{slug}/programme/edit/", "/events/?when=past",
                 data.registrations.confirmed.get_absolute_url()]:
        page.goto(path)
        page.keyboard.press("Tab")  # the skip link
        for _ in range(150):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body || !!document.activeElement.closest('footer')"):
                break
            if not page.evaluate(FOCUS_SHOWN):
                unseen.append(f"{path}: {focused(page)}")
    assert unseen == []


def test_event_pages_fit_a_320_pixel_wide_screen_and_stay_accessible_there(browser, live_server):
    """No sideways scrolling of the page at 320 CSS pixels (WCAG 1.4.10); wide tables scroll in their own
    focusable region. Screenshots of the event page and the check-in desk go to /tmp/shots for a look."""
    data = events_with_everything()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    problems = []

    def check(path: str) -> None:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            problems.append(f"{path}: {width} px wide")
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_violations(violations)}")

    for path in visitor_pages(data):
        check(path)
    log_in(context, live_server, data.organiser)
    for path in organiser_pages(data):
        check(path)
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for name, path in [("event", data.conference.get_absolute_url()),
                       ("check-in", f"/events/{data.conference.slug}/check-in/?q=a")]:
        page.goto(path)
        page.screenshot(path=f"{SHOTS}/{name}-320.png", full_page=True)
    context.close()
    assert not problems, "\n".join(problems)


# Journeys --------------------------------------------------------------------------------------------------------

def link_in(message, path_pattern: str) -> str:
    return re.search(rf"https?://[^/\s]+({path_pattern})", message.body).group(1)


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_a_guest_registers_for_a_pay_what_you_can_event_confirms_and_cancels_and_the_next_person_takes_the_place(
        browser, context, page, live_server, run_tasks):
    mail.outbox.clear()
    organisation = OrganisationFactory(name="Social Entrepreneurship Denmark")
    event = EventFactory(title="SED eftermiddag", slug="sed-eftermiddag", organisers=[organisation], language="da",
                         time_zone="Europe/Copenhagen", pricing=Event.Pricing.PAY_WHAT_YOU_CAN, currency="DKK",
                         suggested_amounts=[100, 250], minimum_amount=Decimal("50"), capacity=1,
                         pay_by_invoice=False, pay_at_venue=True)
    question = QuestionFactory(event=event, label="Dietary needs", required=True)
    set_language(context, live_server, "en")

    page.goto(event.get_absolute_url())
    page.locator("main a", has_text="Register").click()
    page.wait_for_url(f"**/events/{event.slug}/register/")
    page.fill("#id_name", "Gitte Gæst")
    page.fill("#id_email", "gitte@example.dk")
    page.check("input[name=amount_choice][value=other]")
    page.fill("#id_own_amount", "75")
    page.locator("main form button[type=submit]").click()
    # The required question was left out: the form says so, and keeps what was typed.
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    assert "Dietary needs" in page.locator(".ds-error-summary").inner_text()
    assert page.input_value("#id_email") == "gitte@example.dk"
    assert not Registration.objects.exists()
    page.fill(f"#id_question_{question.pk}", "Vegetarian")
    page.check("input[name=amount_choice][value='250']")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/events/{event.slug}/register/sent/")

    guest = Registration.objects.get(email="gitte@example.dk")
    assert guest.status == Status.UNCONFIRMED
    assert guest.amount == Decimal("250.00") and guest.payment_method == "at_venue"
    assert guest.answers == {str(question.pk): "Vegetarian"}
    run_tasks()
    [confirm_mail] = emails_to("gitte@example.dk")
    assert confirm_mail.extra_headers["Content-Language"] == "en"
    page.goto(link_in(confirm_mail, r"/events/registrations/\S+/confirm/"))
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{guest.get_absolute_url()}")
    assert "Thank you, you are registered." in page.locator(".messages").inner_text()
    assert "You are registered." in page.locator("main").inner_text()
    assert page.locator("main svg.check-in-qr").is_visible()
    guest.refresh_from_db()
    assert guest.status == Status.CONFIRMED

    # The one place is taken: the next two join the waiting list.
    first = RegistrationFactory(event=event, name="Freja Første", email="freja@example.dk", status=Status.WAITING,
                                confirmed_at=None, language="da")
    second = RegistrationFactory(event=event, name="Anden Andersen", email="anden@example.dk",
                                 status=Status.WAITING, confirmed_at=None)

    page.locator("main a", has_text="Cancel my registration").click()
    page.wait_for_url(f"**/events/registrations/{guest.token}/cancel/")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"**{guest.get_absolute_url()}")
    assert "Your registration is cancelled." in page.locator(".messages").inner_text()
    guest.refresh_from_db()
    first.refresh_from_db()
    assert guest.status == Status.CANCELLED and first.status == Status.OFFERED

    run_tasks()
    [offer_mail] = emails_to("freja@example.dk")
    assert offer_mail.extra_headers["Content-Language"] == "da"
    assert emails_to("anden@example.dk") == []
    # The first person on the waiting list opens the offer in their own browser.
    other = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    try:
        set_language(other, live_server, "en")
        offer_page = other.new_page()
        offer_page.goto(link_in(offer_mail, r"/events/registrations/\S+/offer/"))
        offer_page.locator("main button[value=accept]").click()
        offer_page.wait_for_url(f"**{first.get_absolute_url()}")
        assert "The place is yours." in offer_page.locator(".messages").inner_text()
    finally:
        other.close()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.CONFIRMED and second.status == Status.WAITING
    run_tasks()
    assert len(emails_to("freja@example.dk")) == 2  # the offer, then the confirmation


def test_staff_check_a_participant_in_with_the_code_from_the_qr_code(context, page, live_server):
    """A scanner types what the QR code holds (the desk's address with the code) into the code field."""
    data = events_with_everything()
    registration = data.registrations.confirmed
    payload = check_in_url(registration)
    assert registration.check_in_code in payload
    log_in(context, live_server, data.organiser)
    set_language(context, live_server, "en")

    page.goto(data.conference.get_absolute_url())
    page.locator("main a", has_text="Check-in").click()
    page.wait_for_url(f"**/events/{data.conference.slug}/check-in/")
    counts = page.locator("#check-in-counts")
    assert re.sub(r"\s+", " ", counts.inner_text()) == "1 of 3 confirmed participants checked in"
    page.fill("#check-in-code", payload)
    page.locator("main form[data-check-in-code] button[type=submit]").click()
    page.locator("#check-in-outcome .ds-alert").wait_for()
    assert page.locator("#check-in-outcome").inner_text().strip() == "Kari Nordmann is checked in."
    assert re.sub(r"\s+", " ", counts.inner_text()) == "2 of 3 confirmed participants checked in"
    assert page.input_value("#check-in-code") == ""  # ready for the next arrival
    assert page.evaluate("document.activeElement.id") == "check-in-code"
    registration.refresh_from_db()
    assert registration.checked_in_at is not None

    # The same code again (typed by hand this time) is no double count.
    page.fill("#check-in-code", registration.check_in_code)
    page.locator("main form[data-check-in-code] button[type=submit]").click()
    page.locator("#check-in-outcome .ds-alert", has_text="already").wait_for()
    assert re.sub(r"\s+", " ", counts.inner_text()) == "2 of 3 confirmed participants checked in"


def test_staff_check_in_by_code_works_without_javascript(browser, live_server):
    data = events_with_everything()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    log_in(context, live_server, data.organiser)
    set_language(context, live_server, "en")
    page = context.new_page()
    page.goto(f"/events/{data.conference.slug}/check-in/")
    page.fill("#check-in-code", data.registrations.confirmed.check_in_code)
    page.locator("main form[data-check-in-code] button[type=submit]").click()
    page.wait_for_load_state()
    assert "Kari Nordmann is checked in." in page.locator(".messages").inner_text()
    assert "2 of 3" in page.locator("#check-in-counts").inner_text()
    context.close()
