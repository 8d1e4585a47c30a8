"""The World Café: seating (mixed at random, hosts stay, balanced, fewer repeated meetings), free choice, the
hosts' harvest and who may write it, insights that become ideas or challenges, the harvest's export, the pages
and their query counts."""

import base64
import itertools
import random
import re
import zlib
from collections import Counter, defaultdict

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import MembershipFactory
from samskap.ideas.models import Challenge, Idea
from samskap.workshops import exports_cafe, services, services_cafe
from samskap.workshops.consumers import DEVICE_COOKIE
from samskap.workshops.models import CafeTable, Harvest, Round, Seat, Workshop, device_hash

from .factories import ParticipantFactory, new_token
from .factories_cafe import cafe

pytestmark = pytest.mark.django_db


def start(workshop, number=1):
    item = workshop.rounds.get(number=number)
    services_cafe.cafe_round_start(item, by=workshop.created_by)
    workshop.refresh_from_db()
    return item


def seating(item) -> dict[int, list[int]]:
    tables = defaultdict(list)
    for table_id, participant_id in Seat.objects.filter(round=item).values_list("table_id", "participant_id"):
        tables[table_id].append(participant_id)
    return tables


def repeated_pairs(first, second) -> int:
    def pairs(item):
        return {frozenset(pair) for people in seating(item).values() for pair in itertools.combinations(people, 2)}
    return len(pairs(first) & pairs(second))


def phone_client(client, participant_token):
    client.cookies[DEVICE_COOKIE] = participant_token
    return client


# Seating


def test_every_participant_gets_one_seat_hosts_stay_and_tables_differ_by_one_at_most():
    workshop = cafe(tables=4, rounds=3, participants=15)
    tables = list(workshop.tables.all())
    people = list(workshop.participants.all())
    services_cafe.host_set(tables[0], by=workshop.created_by, participant=people[0])
    services_cafe.host_set(tables[2], by=workshop.created_by, participant=people[5])
    for number in (1, 2, 3):
        item = start(workshop, number)
        seats = list(Seat.objects.filter(round=item))
        assert sorted(seat.participant_id for seat in seats) == sorted(p.pk for p in people)
        by_person = {seat.participant_id: seat.table_id for seat in seats}
        assert by_person[people[0].pk] == tables[0].pk and by_person[people[5].pk] == tables[2].pk
        sizes = Counter(by_person.values())
        assert len(sizes) == 4 and max(sizes.values()) - min(sizes.values()) <= 1


def test_random_mixing_repeats_fewer_meetings_than_staying_put():
    workshop = cafe(tables=6, rounds=2, participants=30)
    first = start(workshop, 1)
    staying_put = sum(len(list(itertools.combinations(people, 2))) for people in seating(first).values())
    second = start(workshop, 2)
    assert repeated_pairs(first, second) < staying_put / 3
    moved = Seat.objects.filter(round=second).exclude(
        table_id__in=[]).values_list("participant_id", "table_id")
    before = dict(Seat.objects.filter(round=first).values_list("participant_id", "table_id"))
    assert sum(1 for person, table in moved if before[person] == table) < 30 / 2


def test_the_plan_mixes_people_who_already_met():
    rng = random.Random(4)
    people = list(range(1, 21))
    tables = [101, 102, 103, 104]
    met = defaultdict(lambda: defaultdict(int))
    groups = [people[i:i + 5] for i in range(0, 20, 5)]
    for group in groups:
        for a, b in itertools.permutations(group, 2):
            met[a][b] = 1
    tables_of = {person: {tables[n // 5]} for n, person in enumerate(people)}
    plan = services_cafe.plan_seats(tables=tables, hosts={101: 1}, people=people, tables_of=tables_of, met=met,
                                    rng=rng)
    assert plan[1] == 101
    together = defaultdict(list)
    for person, table in plan.items():
        together[table].append(person)
    again = sum(met[a][b] for members in together.values() for a, b in itertools.combinations(members, 2))
    # Staying put: 40 pairs meet again. Keeping everyone but the host away from the table they sat at leaves
    # three groups for five seats at three tables (two pairs each) and one pair at the host's table: 7.
    assert again <= 7
    assert [person for person, table in plan.items() if table in tables_of[person]] == [1]
    assert Counter(plan.values()) == Counter({101: 5, 102: 5, 103: 5, 104: 5})


def test_starting_a_round_again_keeps_the_seats():
    workshop = cafe(tables=3, participants=7)
    item = start(workshop, 1)
    before = dict(Seat.objects.filter(round=item).values_list("participant_id", "table_id"))
    start(workshop, 1)
    assert dict(Seat.objects.filter(round=item).values_list("participant_id", "table_id")) == before


def test_someone_joining_during_a_round_is_seated_at_the_emptiest_table_on_their_first_fetch(client):
    workshop = cafe(tables=3, participants=5)
    item = start(workshop, 1)
    token = new_token()
    late = ParticipantFactory(workshop=workshop, token=token, display_name="Sent Ankommen")
    emptiest = min(workshop.tables.all(), key=lambda table: Seat.objects.filter(round=item, table=table).count())
    response = phone_client(client, token).get(reverse("workshops:phone_part", args=[workshop.code]))
    seat = Seat.objects.get(round=item, participant=late)
    assert Seat.objects.filter(round=item, table=seat.table).count() == 2
    assert seat.table == emptiest or Seat.objects.filter(round=item, table=emptiest).count() == 2
    assert f"Go to table {seat.table.number}" in response.content.decode()
    client.get(reverse("workshops:phone_part", args=[workshop.code]))
    assert Seat.objects.filter(round=item, participant=late).count() == 1


def test_a_round_needs_tables_and_a_live_workshop():
    workshop = cafe(tables=0)
    with pytest.raises(ValidationError, match="Add at least one table"):
        start(workshop, 1)
    prepared = cafe(live=False)
    with pytest.raises(ValidationError, match="not running"):
        start(prepared, 1)
    assert not Round.objects.filter(workshop__in=[workshop, prepared], started_at__isnull=False).exists()


def test_in_free_mode_participants_choose_and_change_their_table_and_hosts_stay():
    workshop = cafe(tables=3, participants=3, table_mode=Workshop.TableMode.FREE)
    a, b, host = workshop.participants.all()
    first, second, third = workshop.tables.all()
    services_cafe.host_set(third, by=workshop.created_by, participant=host)
    with pytest.raises(ValidationError, match="when a round runs"):
        services_cafe.seat_choose(first, participant=a)
    item = start(workshop, 1)
    assert list(Seat.objects.filter(round=item).values_list("participant_id", flat=True)) == [host.pk]
    services_cafe.seat_choose(first, participant=a)
    services_cafe.seat_choose(second, participant=a)
    assert Seat.objects.get(round=item, participant=a).table == second
    with pytest.raises(ValidationError, match="You host table 3"):
        services_cafe.seat_choose(first, participant=host)
    random_workshop = cafe(tables=2, participants=1)
    start(random_workshop, 1)
    with pytest.raises(ValidationError, match="mixes the tables"):
        services_cafe.seat_choose(random_workshop.tables.first(), participant=random_workshop.participants.get())
    assert Seat.objects.filter(participant=b).count() == 0


def test_a_table_chosen_on_one_phone_refreshes_the_screens_and_not_every_phone(
        monkeypatch, django_capture_on_commit_callbacks):
    """The phones do not show who sits where (only the projector and the console do): 300 people choosing their
    table must not make 300 phones fetch their page 300 times. The chooser's own phone fetches its part itself."""
    from samskap.workshops import live

    workshop = cafe(tables=2, participants=1, table_mode=Workshop.TableMode.FREE)
    start(workshop, 1)
    sent = []
    monkeypatch.setattr(live, "_send", lambda group, data: sent.append((group, data["kind"])))
    with django_capture_on_commit_callbacks(execute=True):
        services_cafe.seat_choose(workshop.tables.first(), participant=workshop.participants.get())
    assert sent == [(live.group_screens(workshop.pk), "refresh")]


def test_a_participant_may_volunteer_to_host_a_table_without_a_host_only():
    workshop = cafe(tables=2, participants=3)
    a, b, c = workshop.participants.all()
    first, second = workshop.tables.all()
    services_cafe.host_volunteer(first, participant=a)
    with pytest.raises(ValidationError, match="already has a host"):
        services_cafe.host_volunteer(first, participant=b)
    with pytest.raises(ValidationError, match="You already host table 1"):
        services_cafe.host_volunteer(second, participant=a)
    services_cafe.host_set(second, by=workshop.created_by, participant=a)  # the facilitator moves a host
    first.refresh_from_db()
    assert first.host is None and CafeTable.objects.get(pk=second.pk).host == a
    with pytest.raises(PermissionDenied):
        services_cafe.host_set(first, by=UserFactory(), participant=c)


def test_table_names_are_unique_and_short_and_used_tables_stay():
    workshop = cafe(tables=0, participants=2)
    by = workshop.created_by
    table = services_cafe.table_add(workshop, by=by, name="  Fjällsippan ")
    assert table.name == "Fjällsippan" and table.number == 1
    with pytest.raises(ValidationError, match="already has this name"):
        services_cafe.table_add(workshop, by=by, name="fjällsippan")
    with pytest.raises(ValidationError, match="at most 60"):
        services_cafe.table_add(workshop, by=by, name="x" * 61)
    other = services_cafe.table_add(workshop, by=by)
    assert other.number == 2 and workshop.tables.count() == 2
    start(workshop, 1)
    with pytest.raises(ValidationError, match="stays"):
        services_cafe.table_remove(table, by=by)
    services.round_add(workshop, by=by, question="Extra")
    assert workshop.tables.count() == 2


# The harvest


def test_the_host_and_the_facilitator_write_the_harvest_and_other_participants_do_not():
    workshop = cafe(tables=2, participants=3)
    host, guest, _other = workshop.participants.all()
    table = workshop.tables.first()
    services_cafe.host_set(table, by=workshop.created_by, participant=host)
    item = workshop.rounds.get(number=1)
    with pytest.raises(ValidationError, match="not started"):
        services_cafe.harvest_save(table=table, item=item, text="För tidigt", participant=host)
    item = start(workshop, 1)
    version = Workshop.objects.get(pk=workshop.pk).version
    harvest = services_cafe.harvest_save(table=table, item=item, text="Mötesplatser för alla åldrar", participant=host)
    assert harvest.written_by == host and Workshop.objects.get(pk=workshop.pk).version == version + 1
    with pytest.raises(PermissionDenied):
        services_cafe.harvest_save(table=table, item=item, text="Mitt eget", participant=guest)
    with pytest.raises(PermissionDenied):
        services_cafe.harvest_save(table=table, item=item, text="Mitt eget", user=UserFactory())
    services_cafe.harvest_save(table=table, item=item, text="Rättat av facilitatorn", user=workshop.created_by)
    harvest.refresh_from_db()
    assert harvest.text == "Rättat av facilitatorn" and harvest.written_by == host
    with pytest.raises(ValidationError, match="at most 5000"):
        services_cafe.harvest_save(table=table, item=item, text="x" * 5001, participant=host)
    with pytest.raises(ValidationError, match="Write what your table found"):
        services_cafe.harvest_save(table=table, item=item, text="   ", participant=host)
    services.workshop_finish(workshop, by=workshop.created_by)
    table.refresh_from_db()
    with pytest.raises(ValidationError, match="not running"):
        services_cafe.harvest_save(table=table, item=item, text="Efteråt", participant=host)
    assert Harvest.objects.get().text == "Rättat av facilitatorn"


# Insights


def insights_ready(workshop, *texts):
    services_cafe.insights_begin(workshop, by=workshop.created_by)
    return [services_cafe.insight_add(workshop, by=workshop.created_by, text=text) for text in texts]


def test_insights_are_added_edited_reordered_and_removed_by_those_who_run_the_workshop():
    workshop = cafe()
    start(workshop, 1)
    first, second, third = insights_ready(workshop, "Ett", "Två", "Tre")
    workshop.refresh_from_db()
    assert workshop.phase == "insights" and workshop.current_round.ended_at is not None
    services_cafe.insight_move(third, by=workshop.created_by, direction="up")
    assert list(workshop.insights.values_list("text", flat=True)) == ["Ett", "Tre", "Två"]
    services_cafe.insight_update(first, by=workshop.created_by, text="Ett, tydligare")
    services_cafe.insight_remove(second, by=workshop.created_by)
    assert list(workshop.insights.values_list("text", flat=True)) == ["Ett, tydligare", "Tre"]
    with pytest.raises(ValidationError, match="at most 500"):
        services_cafe.insight_add(workshop, by=workshop.created_by, text="x" * 501)
    with pytest.raises(PermissionDenied):
        services_cafe.insight_add(workshop, by=UserFactory(), text="Inte min workshop")


def test_an_insight_becomes_a_draft_idea_by_the_facilitator_once(client):
    workshop = cafe()
    (insight,) = insights_ready(workshop, "Bygg en mötesplats där unga och äldre möts varje vecka")
    client.force_login(workshop.created_by)
    response = client.post(reverse("workshops:cafe_insight_change", args=[workshop.pk, insight.pk, "idea"]))
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ideas:idea_edit", args=[idea.pk])
    assert idea.author == workshop.created_by and idea.published_at is None
    assert idea.summary == insight.text and idea.title == insight.text
    insight.refresh_from_db()
    assert insight.idea == idea
    with pytest.raises(ValidationError, match="already an idea"):
        services_cafe.insight_to_idea(insight, by=workshop.created_by)
    console = client.get(reverse("workshops:console_part", args=[workshop.pk])).content.decode()
    assert reverse("ideas:idea", args=[idea.pk]) in console and "Make it an idea" not in console


def test_an_insight_becomes_a_hub_challenge_only_for_hub_facilitators_and_admins(client):
    workshop = cafe()
    (insight,) = insights_ready(workshop, "Unga saknar platser att vara på efter skolan")
    client.force_login(workshop.created_by)
    url = reverse("workshops:cafe_insight_change", args=[workshop.pk, insight.pk, "challenge"])
    response = client.post(url, headers={"X-Live": "1"})
    assert response.status_code == 422
    assert "Only hub admins and facilitators can post a challenge for the hub" in response.json()["message"]
    assert not Challenge.objects.exists()
    membership = MembershipFactory(user=workshop.created_by)
    response = client.post(url, {"organisation": membership.organisation.pk}, headers={"X-Live": "1"})
    assert response.status_code == 204
    challenge = Challenge.objects.get()
    assert challenge.organisation == membership.organisation and challenge.created_by == workshop.created_by
    insight.refresh_from_db()
    assert insight.challenge == challenge
    hub_facilitator = UserFactory(is_facilitator=True)
    workshop.facilitators.add(hub_facilitator)
    other = services_cafe.insight_add(workshop, by=hub_facilitator, text="Ingen vet vem som äger parken")
    made = services_cafe.insight_to_challenge(other, by=hub_facilitator)
    assert made.organisation is None and made.core_problem == "Ingen vet vem som äger parken"
    with pytest.raises(ValidationError, match="already a challenge"):
        services_cafe.insight_to_challenge(other, by=hub_facilitator)


# The export


def pdf_text(content: bytes) -> str:
    """The strings a PDF set in a standard font shows (WinAnsi), enough to read texts back."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        data = stream.strip()
        try:
            data = zlib.decompress(base64.a85decode(data.removesuffix(b"~>"), adobe=False))
        except ValueError:
            continue
        for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", data):
            text = re.sub(rb"\\([0-7]{3}|.)", lambda m: bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit()
                          else m.group(1), literal)
            shown.append(text.decode("cp1252"))
    return "\n".join(shown)


def finished_cafe():
    workshop = cafe(tables=2, participants=4, title="Framtidens Ørestad & Åsa")
    host = workshop.participants.first()
    table = workshop.tables.get(number=1)
    table.name = "Fjällsippan"
    table.save()
    services_cafe.host_set(table, by=workshop.created_by, participant=host)
    first = start(workshop, 1)
    services_cafe.harvest_save(table=table, item=first, text="Grønne tage och öppna gårdar", participant=host)
    second = start(workshop, 2)
    services_cafe.harvest_save(table=table, item=second, text="Kvarterets kök året runt", participant=host)
    insights_ready(workshop, "Mötesplatser bär stadsdelen")
    services.workshop_finish(workshop, by=workshop.created_by)
    return workshop


def test_the_harvest_exports_as_markdown_with_every_round_table_and_insight(client):
    workshop = finished_cafe()
    response = client.get(reverse("workshops:cafe_export", args=[workshop.pk, "md"]))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="framtidens-rstad-asa-harvest.md"' \
        or "harvest.md" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("# Framtidens Ørestad & Åsa\n")
    assert "## Round 1: Vad gör vår stadsdel levande?" in text and "## Round 2: Vilka möten saknas här?" in text
    assert "### Table 1: Fjällsippan" in text
    assert "Grønne tage och öppna gårdar" in text and "Kvarterets kök året runt" in text
    assert "1. Mötesplatser bär stadsdelen" in text


def test_the_harvest_exports_as_a_pdf_that_shows_nordic_letters(client, monkeypatch):
    monkeypatch.setattr(exports_cafe, "fonts", lambda: ("Helvetica", "Helvetica-Bold"))
    workshop = finished_cafe()
    response = client.get(reverse("workshops:cafe_export", args=[workshop.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('-harvest.pdf"')
    text = pdf_text(response.content)
    assert "Grønne tage och öppna gårdar" in text and "Kvarterets kök året runt" in text
    assert "Framtidens Ørestad & Åsa" in text and "Mötesplatser bär stadsdelen" in text


def test_the_export_of_a_workshop_being_prepared_is_for_those_who_run_it(client):
    workshop = cafe(live=False)
    url = reverse("workshops:cafe_export", args=[workshop.pk, "md"])
    assert client.get(url).status_code == 404
    client.force_login(workshop.created_by)
    assert client.get(url).status_code == 200
    assert client.get(reverse("workshops:cafe_export", args=[workshop.pk, "docx"])).status_code == 404


# Pages and forms


def test_the_facilitator_prepares_tables_and_rounds_and_bad_input_saves_nothing(client):
    workshop = cafe(tables=0, rounds=0, live=False)
    client.force_login(workshop.created_by)
    prepare = reverse("workshops:prepare", args=[workshop.pk])
    response = client.post(reverse("workshops:cafe_table_add", args=[workshop.pk]), {"name": "Ek", "next": "prepare"})
    assert response.status_code == 302 and response["Location"] == prepare
    response = client.post(reverse("workshops:cafe_table_add", args=[workshop.pk]), {"name": "x" * 61},
                           headers={"X-Live": "1"})
    assert response.status_code == 422 and "60 characters" in response.json()["message"]
    response = client.post(reverse("workshops:cafe_round_add", args=[workshop.pk]),
                           {"question": "", "minutes": "20", "next": "prepare"}, follow=True)
    assert "This field is required" in response.content.decode()
    client.post(reverse("workshops:cafe_round_add", args=[workshop.pk]), {"question": "Vad drömmer du om?",
                                                                          "minutes": "0"})
    client.post(reverse("workshops:cafe_round_add", args=[workshop.pk]), {"question": "Vad drömmer du om?",
                                                                          "minutes": "12"})
    assert list(workshop.rounds.values_list("question", "minutes")) == [("Vad drömmer du om?", 12)]
    assert list(workshop.tables.values_list("name", flat=True)) == ["Ek"]
    item = workshop.rounds.get()
    client.post(reverse("workshops:cafe_round_change", args=[workshop.pk, item.pk, "save"]),
                {"question": "Vad drömmer vi om?", "minutes": "10"})
    item.refresh_from_db()
    assert (item.question, item.minutes) == ("Vad drömmer vi om?", 10)
    page = client.get(prepare).content.decode()
    assert "Vad drömmer vi om?" in page and 'value="Ek"' in page
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.post(reverse("workshops:cafe_table_add", args=[workshop.pk]), {"name": "Lönn"}).status_code == 404
    assert workshop.tables.count() == 1


def test_a_round_runs_from_the_console_and_the_host_sends_the_harvest_from_the_phone(client):
    workshop = cafe(tables=2, rounds=2)
    token = new_token()
    host = ParticipantFactory(workshop=workshop, token=token, display_name="Åsa Värd")
    guest_token = new_token()
    ParticipantFactory(workshop=workshop, token=guest_token, display_name="Øystein")
    table = workshop.tables.get(number=2)
    facilitator = workshop.created_by
    client.force_login(facilitator)
    client.post(reverse("workshops:cafe_host_set", args=[workshop.pk]), {"table": table.pk, "participant": host.pk})
    table.refresh_from_db()
    assert table.host == host
    item = workshop.rounds.get(number=1)
    assert client.post(reverse("workshops:cafe_round_change", args=[workshop.pk, item.pk, "start"]),
                       headers={"X-Live": "1"}).status_code == 204
    assert Seat.objects.get(round=item, participant=host).table == table
    client.logout()
    phone = phone_client(client, token)
    page = phone.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert "Go to table 2" in page and 'data-draft="harvest-' in page and "Vad gör vår stadsdel levande?" in page
    harvest_url = reverse("workshops:cafe_phone_harvest", args=[workshop.code])
    assert phone.post(harvest_url, {"text": ""}, headers={"X-Live": "1"}).status_code == 422
    assert phone.post(harvest_url, {"text": "Fler bänkar"}, headers={"X-Live": "1"}).status_code == 204
    assert Harvest.objects.get(round=item, table=table).written_by == host
    client.cookies[DEVICE_COOKIE] = guest_token
    refused = client.post(harvest_url, {"text": "Jag är ingen värd"}, headers={"X-Live": "1"})
    assert refused.status_code == 422 and "host" in refused.json()["message"]
    guest_page = client.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert "Åsa Värd" in guest_page or "This table has no host yet" in guest_page
    assert 'id="cafe-harvest"' not in guest_page
    del client.cookies[DEVICE_COOKIE]
    client.force_login(facilitator)
    console = client.get(reverse("workshops:console_part", args=[workshop.pk])).content.decode()
    assert "Fler bänkar" in console and "End round 1" in console
    projector = client.get(reverse("workshops:projector_part", args=[workshop.code])).content.decode()
    assert "Åsa Värd" in projector and "Øystein" in projector
    client.post(reverse("workshops:cafe_run", args=[workshop.pk, "end"]))
    assert Round.objects.get(pk=item.pk).ended_at is not None
    response = client.post(reverse("workshops:cafe_run", args=[workshop.pk, "end"]), headers={"X-Live": "1"})
    assert response.status_code == 422 and "No round is running" in response.json()["message"]
    assert client.post(reverse("workshops:cafe_run", args=[workshop.pk, "dance"])).status_code == 404
    client.post(reverse("workshops:cafe_run", args=[workshop.pk, "insights"]))
    client.post(reverse("workshops:cafe_insight_add", args=[workshop.pk]), {"text": "Bänkar bygger gemenskap"})
    projector = client.get(reverse("workshops:projector_part", args=[workshop.code])).content.decode()
    assert "Bänkar bygger gemenskap" in projector
    detail = client.get(reverse("workshops:workshop", args=[workshop.pk])).content.decode()
    assert "Fler bänkar" in detail and reverse("workshops:cafe_export", args=[workshop.pk, "pdf"]) in detail


def test_a_participant_chooses_a_table_and_volunteers_as_host_from_the_phone(client):
    workshop = cafe(tables=2, table_mode=Workshop.TableMode.FREE)
    token = new_token()
    me = ParticipantFactory(workshop=workshop, token=token)
    first, second = workshop.tables.all()
    start(workshop, 1)
    phone = phone_client(client, token)
    page = phone.get(reverse("workshops:phone_part", args=[workshop.code])).content.decode()
    assert "Choose your table" in page and "Offer to host" in page
    assert phone.post(reverse("workshops:cafe_phone_table", args=[workshop.code, "sit"]),
                      {"table": "nope"}, headers={"X-Live": "1"}).status_code == 422
    phone.post(reverse("workshops:cafe_phone_table", args=[workshop.code, "sit"]), {"table": second.pk})
    assert Seat.objects.get(participant=me).table == second
    response = phone.post(reverse("workshops:cafe_phone_table", args=[workshop.code, "host"]), {"table": second.pk},
                          follow=True)
    assert "You host table 2" in response.content.decode()
    second.refresh_from_db()
    assert second.host == me
    del client.cookies[DEVICE_COOKIE]
    assert client.post(reverse("workshops:cafe_phone_table", args=[workshop.code, "host"]),
                       {"table": first.pk}).status_code == 403


# Query counts


def busy_cafe(people: int):
    workshop = cafe(tables=4, rounds=3, participants=people)
    for table, host in zip(workshop.tables.all(), workshop.participants.all()[:2], strict=False):
        services_cafe.host_set(table, by=workshop.created_by, participant=host)
    first = start(workshop, 1)
    for table in workshop.tables.filter(host__isnull=False):
        services_cafe.harvest_save(table=table, item=first, text="Skörd " * 20, participant=table.host)
    start(workshop, 2)
    services_cafe.insight_add(workshop, by=workshop.created_by, text="Insikt")
    return workshop


@pytest.mark.parametrize("people", [3, 12])
def test_the_pages_run_a_fixed_number_of_queries(client, django_assert_max_num_queries, people,
                                                 cache_of_this_process):
    workshop = busy_cafe(people)
    host = workshop.tables.filter(host__isnull=False).first().host
    token = new_token()
    host.device = device_hash(token)
    host.save()
    client.force_login(workshop.created_by)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("workshops:console_part", args=[workshop.pk])).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("workshops:projector_part", args=[workshop.code])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("workshops:workshop", args=[workshop.pk])).status_code == 200
    client.logout()
    client.cookies[DEVICE_COOKIE] = token
    with django_assert_max_num_queries(5):
        page = client.get(reverse("workshops:phone_part", args=[workshop.code]))
    assert 'id="cafe-harvest"' in page.content.decode()
