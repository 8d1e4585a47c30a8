"""The World Café: tables with hosts, rounds with a question, seats per round (mixed at random or chosen
freely), the hosts' harvest of each round, and the shared insights the facilitator gathers at the end, each of
which can become an idea or a challenge.

Seating at random keeps every host at their own table (World Café practice: the host stays and tells the
newcomers what the table found), fills the tables evenly (sizes differ by one at most) and moves everyone else
so they meet as few of the people they already sat with, at as few of the tables they already sat at, as it can.
A participant who joins during a round is seated when their phone first fetches its part (`seat_late`).
"""

import random
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.actors.models import Organisation
from samskap.ideas.models import Challenge, Idea
from samskap.ideas.services import idea_create
from samskap.ideas.services_challenges import challenge_create, may_own_for_hub

from . import live
from .models import CafeTable, Harvest, Insight, Participant, Round, Seat, Workshop
from .services import check_live, check_run, phase_set, round_begin, round_end

INSIGHTS = "insights"
MAX_TABLES = 100
MAX_INSIGHTS = 200


def _check_cafe(workshop: Workshop) -> None:
    if workshop.method != Workshop.Method.WORLD_CAFE:
        raise ValidationError(_("This workshop is not a World Café."))


def _clean(text: str) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


# Tables and hosts


def _check_table_name(workshop: Workshop, name: str, *, exclude: int | None = None) -> str:
    name = _one_line(name)
    if len(name) > 60:
        raise ValidationError({"name": _("A table's name has at most 60 characters.")})
    if name:
        others = CafeTable.objects.filter(workshop=workshop, name__iexact=name)
        if exclude is not None:
            others = others.exclude(pk=exclude)
        if others.exists():
            raise ValidationError({"name": _("Another table already has this name.")})
    return name


@transaction.atomic
def table_add(workshop: Workshop, *, by: User, name: str = "") -> CafeTable:
    check_run(by, workshop)
    _check_cafe(workshop)
    if workshop.status == Workshop.Status.FINISHED:
        raise ValidationError(_("The workshop has finished."))
    name = _check_table_name(workshop, name)
    tables = CafeTable.objects.select_for_update().filter(workshop=workshop)
    if tables.count() >= MAX_TABLES:
        raise ValidationError(_("A World Café has at most %(max)s tables.") % {"max": MAX_TABLES})
    number = (tables.aggregate(last=Max("number"))["last"] or 0) + 1
    table = CafeTable.objects.create(workshop=workshop, number=number, name=name)
    live.changed(workshop)
    return table


@transaction.atomic
def table_rename(table: CafeTable, *, by: User, name: str) -> CafeTable:
    workshop = table.workshop
    check_run(by, workshop)
    table.name = _check_table_name(workshop, name, exclude=table.pk)
    table.save(update_fields=["name"])
    live.changed(workshop)
    return table


@transaction.atomic
def table_remove(table: CafeTable, *, by: User) -> None:
    workshop = table.workshop
    check_run(by, workshop)
    if table.harvests.exists() or table.seats.filter(round__started_at__isnull=False).exists():
        raise ValidationError(_("People have sat at this table: it stays, with what it produced."))
    table.delete()
    live.changed(workshop)


def _participant_of(workshop: Workshop, participant: Participant) -> None:
    if participant.workshop_id != workshop.pk:
        raise ValidationError(_("That person does not take part in this workshop."))


def _seat_host_now(table: CafeTable, participant: Participant) -> None:
    """A new host sits at their table in the round that runs now."""
    item = table.workshop.current_round
    if item is not None and item.started_at is not None and item.ended_at is None:
        Seat.objects.update_or_create(round=item, participant=participant, defaults={"table": table})


@transaction.atomic
def host_set(table: CafeTable, *, by: User, participant: Participant | None) -> CafeTable:
    """The facilitator makes `participant` the host of `table` (None: the table has no host). A participant
    hosts one table at most: hosting this one ends hosting another."""
    workshop = table.workshop
    check_run(by, workshop)
    _check_cafe(workshop)
    if participant is not None:
        _participant_of(workshop, participant)
        CafeTable.objects.filter(workshop=workshop, host=participant).exclude(pk=table.pk).update(host=None)
    table.host = participant
    table.save(update_fields=["host"])
    if participant is not None:
        _seat_host_now(table, participant)
    live.changed(workshop)
    return table


@transaction.atomic
def host_volunteer(table: CafeTable, *, participant: Participant) -> CafeTable:
    """A participant offers to host a table that has none (from the phone)."""
    workshop = table.workshop
    _check_cafe(workshop)
    check_live(workshop)
    _participant_of(workshop, participant)
    hosting = CafeTable.objects.filter(workshop=workshop, host=participant).exclude(pk=table.pk).first()
    if hosting is not None:
        raise ValidationError(_("You already host table %(table)s.") % {"table": hosting})
    if table.host_id == participant.pk:
        return table
    if not CafeTable.objects.filter(pk=table.pk, host__isnull=True).update(host=participant):
        raise ValidationError(_("This table already has a host."), code="taken")
    table.host = participant
    _seat_host_now(table, participant)
    live.changed(workshop)
    return table


# Rounds and seats


@transaction.atomic
def cafe_round_start(item: Round, *, by: User) -> Round:
    """Start round `item`: its question and timer on every screen, and (mixed at random) everyone's table."""
    workshop = item.workshop
    _check_cafe(workshop)
    check_run(by, workshop)
    check_live(workshop)
    if not workshop.tables.exists():
        raise ValidationError(_("Add at least one table first."))
    round_begin(item, by=by)
    if workshop.phase:
        workshop.phase = ""
        workshop.save(update_fields=["phase"])
    seats_assign(item)  # in the same transaction: round_begin's refresh goes out after the commit, seats included
    return item


@transaction.atomic
def cafe_round_end(workshop: Workshop, *, by: User) -> Round:
    _check_cafe(workshop)
    item = workshop.current_round
    if item is None or item.started_at is None or item.ended_at is not None:
        raise ValidationError(_("No round is running."))
    return round_end(item, by=by)


def _history(workshop: Workshop, item: Round) -> tuple[dict[int, set[int]], dict[int, dict[int, int]]]:
    """Where everyone sat in the rounds before `item` (tables per participant) and how often each pair met."""
    tables_of: dict[int, set[int]] = defaultdict(set)
    at_table: dict[tuple[int, int], list[int]] = defaultdict(list)
    rows = Seat.objects.filter(round__workshop=workshop, round__started_at__isnull=False).exclude(
        round=item).values_list("round_id", "table_id", "participant_id")
    for round_id, table_id, participant_id in rows:
        tables_of[participant_id].add(table_id)
        at_table[(round_id, table_id)].append(participant_id)
    met: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for people in at_table.values():
        for a in people:
            for b in people:
                if a != b:
                    met[a][b] += 1
    return tables_of, met


TABLE_AGAIN = 2  # sitting at a table one sat at before costs as much as meeting two people again


def plan_seats(*, tables: list[int], hosts: dict[int, int], people: list[int], tables_of: dict[int, set[int]],
               met: dict[int, dict[int, int]], rng: random.Random | None = None) -> dict[int, int]:
    """Seat `people` (participant ids) at `tables` (ids): hosts ({table: participant}) at their own table, sizes
    differing by one at most, and as few repeated tables and meetings as a greedy pass and some swaps find (the
    best of a few tries for a small room). Returns {participant: table}."""
    rng = rng or random.Random()
    if not tables:
        return {}
    tries = 1 if not met else 8 if len(people) <= 60 else 3 if len(people) <= 150 else 1
    best: tuple[int, dict[int, int]] | None = None
    for _try in range(tries):
        plan, total = _plan_once(tables, hosts, people, tables_of, met, rng)
        if best is None or total < best[0]:
            best = (total, plan)
    return best[1] if best else {}


def _plan_once(tables, hosts, people, tables_of, met, rng) -> tuple[dict[int, int], int]:
    plan: dict[int, int] = {}
    members: dict[int, list[int]] = {table: [] for table in tables}
    host_ids: set[int] = set()
    present = set(people)
    for table, host in hosts.items():
        if table in members and host in present and host not in host_ids:
            plan[host] = table
            members[table].append(host)
            host_ids.add(host)
    base, extra = divmod(len(people), len(tables))
    order = tables[:]
    rng.shuffle(order)
    # The larger tables: those with a host first (the host is already there), then any.
    order.sort(key=lambda table: 0 if members[table] else 1)
    capacity = {table: base + (1 if n < extra else 0) for n, table in enumerate(order)}
    for table in tables:  # more hosts than room (many hosts, few people): a host never moves
        capacity[table] = max(capacity[table], len(members[table]))

    def cost(person: int, table: int, without: int | None = None) -> int:
        penalty = TABLE_AGAIN if table in tables_of.get(person, ()) else 0
        known = met.get(person, {})
        return penalty + sum(known.get(other, 0) for other in members[table] if other not in (person, without))

    others = [person for person in people if person not in host_ids]
    rng.shuffle(others)
    for person in others:
        free = [table for table in tables if len(members[table]) < capacity[table]]
        if not free:  # hosts took the room: the smallest table
            free = [min(tables, key=lambda table: len(members[table]))]
        chosen = min(free, key=lambda table: (cost(person, table), len(members[table]), rng.random()))
        plan[person] = chosen
        members[chosen].append(person)
    if len(others) >= 2 and met:
        for _attempt in range(min(50 * len(others), 15000)):
            a, b = rng.sample(others, 2)
            table_a, table_b = plan[a], plan[b]
            if table_a == table_b:
                continue
            before = cost(a, table_a) + cost(b, table_b)
            after = cost(a, table_b, without=b) + cost(b, table_a, without=a)
            if after < before:
                members[table_a].remove(a)
                members[table_b].remove(b)
                members[table_a].append(b)
                members[table_b].append(a)
                plan[a], plan[b] = table_b, table_a
    total = sum(cost(person, plan[person]) for person in plan)
    return plan, total


def seats_assign(item: Round, *, rng: random.Random | None = None) -> int:
    """Seat everyone not yet seated in `item`: mixed at random, or (free choice) only the hosts at their own
    table. Seats already taken in this round stay (starting a round again does not move people). Returns how
    many were seated."""
    workshop = item.workshop
    tables = list(CafeTable.objects.filter(workshop=workshop).values_list("pk", "host_id"))
    if not tables:
        return 0
    seated = set(Seat.objects.filter(round=item).values_list("participant_id", flat=True))
    hosts = {table: host for table, host in tables if host is not None}
    if workshop.table_mode == Workshop.TableMode.FREE:
        plan = {host: table for table, host in hosts.items() if host not in seated}
    elif seated:
        plan = {}
        for participant_id in Participant.objects.filter(workshop=workshop).exclude(
                pk__in=seated).values_list("pk", flat=True):
            plan[participant_id] = _table_for_late(item, participant_id, hosts)
    else:
        people = list(Participant.objects.filter(workshop=workshop).values_list("pk", flat=True))
        tables_of, met = _history(workshop, item)
        plan = plan_seats(tables=[table for table, _host in tables], hosts=hosts, people=people,
                          tables_of=tables_of, met=met, rng=rng)
    Seat.objects.bulk_create([Seat(round=item, table_id=table, participant_id=person)
                              for person, table in plan.items()], ignore_conflicts=True)
    return len(plan)


def _table_for_late(item: Round, participant_id: int, hosts: dict[int, int]) -> int:
    """The table for someone who joins during a round: the one they host, else the emptiest one they have not
    sat at before."""
    for table, host in hosts.items():
        if host == participant_id:
            return table
    numbers = dict(CafeTable.objects.filter(workshop=item.workshop).values_list("pk", "number"))
    counts: dict[int, int] = defaultdict(int)
    for table_id in Seat.objects.filter(round=item).values_list("table_id", flat=True):
        counts[table_id] += 1
    before = set(Seat.objects.filter(participant_id=participant_id).exclude(round=item).values_list(
        "table_id", flat=True))
    return min(numbers, key=lambda table: (counts[table], table in before, numbers[table]))


def seat_late(item: Round, participant: Participant) -> Seat | None:
    """The seat of a participant who joined while round `item` runs (mixed at random): made on their first
    fetch, once (a repeated fetch finds it). Only their own phone shows it at once; the projector and the console
    show it at their next refresh, so 300 late arrivals do not make every screen fetch 300 times."""
    workshop = item.workshop
    if (workshop.table_mode != Workshop.TableMode.RANDOM or item.started_at is None or item.ended_at is not None
            or not workshop.is_live):
        return None
    tables = dict(CafeTable.objects.filter(workshop=workshop).values_list("pk", "host_id"))
    if not tables:
        return None
    hosts = {table: host for table, host in tables.items() if host is not None}
    table_id = _table_for_late(item, participant.pk, hosts)
    try:
        with transaction.atomic():
            return Seat.objects.create(round=item, participant=participant, table_id=table_id)
    except IntegrityError:
        return Seat.objects.filter(round=item, participant=participant).first()


@transaction.atomic
def seat_choose(table: CafeTable, *, participant: Participant) -> Seat:
    """Free choice: a participant sits down at (or moves to) `table` in the round that runs now."""
    workshop = table.workshop
    _check_cafe(workshop)
    check_live(workshop)
    _participant_of(workshop, participant)
    if workshop.table_mode != Workshop.TableMode.FREE:
        raise ValidationError(_("The facilitator mixes the tables in this World Café: go to the table shown."))
    item = workshop.current_round
    if item is None or item.started_at is None or item.ended_at is not None:
        raise ValidationError(_("Choose a table when a round runs."), code="no_round")
    hosting = CafeTable.objects.filter(workshop=workshop, host=participant).exclude(pk=table.pk).first()
    if hosting is not None:
        raise ValidationError(_("You host table %(table)s: stay there this round.") % {"table": hosting})
    seat, _created = Seat.objects.update_or_create(round=item, participant=participant, defaults={"table": table})
    # Phones do not show who sits where: 300 people choosing must not make every phone fetch 300 times.
    live.changed(workshop, screens_only=True)
    return seat


# The harvest


def may_write_harvest(*, table: CafeTable, item: Round, user: User | None = None,
                      participant: Participant | None = None) -> bool:
    workshop = table.workshop
    if item.workshop_id != workshop.pk or item.started_at is None:
        return False
    if user is not None and user.is_authenticated and user.has_perm("workshops.run_workshop", workshop):
        return True
    return (participant is not None and workshop.is_live and table.host_id is not None
            and table.host_id == participant.pk)


@transaction.atomic
def harvest_save(*, table: CafeTable, item: Round, text: str, user: User | None = None,
                 participant: Participant | None = None) -> Harvest:
    """What `table` found in round `item`: written by the table's host from their phone while the workshop is
    live, or by those who run the workshop. Saved when the form is sent (never per keystroke)."""
    workshop = table.workshop
    _check_cafe(workshop)
    if item.workshop_id != workshop.pk:
        raise ValidationError(_("That round belongs to another workshop."))
    if item.started_at is None:
        raise ValidationError(_("This round has not started yet."), code="not_started")
    if not may_write_harvest(table=table, item=item, user=user, participant=participant):
        if participant is not None and not workshop.is_live:
            check_live(workshop)
        raise PermissionDenied(_("Only the host of this table writes its harvest."))
    text = _clean(text)
    if not text:
        raise ValidationError({"text": _("Write what your table found before you save.")})
    if len(text) > 5000:
        raise ValidationError({"text": _("A harvest has at most 5000 characters.")})
    writer = participant if participant is not None and participant.workshop_id == workshop.pk else None
    harvest = Harvest.objects.select_for_update().filter(round=item, table=table).first()
    if harvest is None:
        try:
            with transaction.atomic():
                harvest = Harvest.objects.create(round=item, table=table, text=text, written_by=writer)
        except IntegrityError:  # saved from two devices at once: the later one wins
            harvest = Harvest.objects.get(round=item, table=table)
    if harvest.text != text or (writer is not None and harvest.written_by_id != writer.pk):
        harvest.text = text
        if writer is not None:
            harvest.written_by = writer
        harvest.save()
    live.changed(workshop)
    return harvest


# Insights


@transaction.atomic
def insights_begin(workshop: Workshop, *, by: User) -> Workshop:
    """The last step: the running round ends and the projector shows the shared insights."""
    _check_cafe(workshop)
    check_run(by, workshop)
    item = workshop.current_round
    if item is not None and item.started_at is not None and item.ended_at is None:
        round_end(item, by=by)
    return phase_set(workshop, by=by, phase=INSIGHTS)


@transaction.atomic
def insights_leave(workshop: Workshop, *, by: User) -> Workshop:
    """Back to the rounds (the insights stay)."""
    _check_cafe(workshop)
    return phase_set(workshop, by=by, phase="")


def _insight_text(text: str) -> str:
    text = _clean(text)
    if not text:
        raise ValidationError({"text": _("Write the insight.")})
    if len(text) > 500:
        raise ValidationError({"text": _("An insight has at most 500 characters.")})
    return text


@transaction.atomic
def insight_add(workshop: Workshop, *, by: User, text: str) -> Insight:
    _check_cafe(workshop)
    check_run(by, workshop)
    text = _insight_text(text)
    insights = Insight.objects.select_for_update().filter(workshop=workshop)
    if insights.count() >= MAX_INSIGHTS:
        raise ValidationError(_("At most %(max)s insights.") % {"max": MAX_INSIGHTS})
    position = (insights.aggregate(last=Max("position"))["last"] or 0) + 1
    insight = Insight.objects.create(workshop=workshop, text=text, position=position)
    live.changed(workshop)
    return insight


@transaction.atomic
def insight_update(insight: Insight, *, by: User, text: str) -> Insight:
    check_run(by, insight.workshop)
    insight.text = _insight_text(text)
    insight.save(update_fields=["text"])
    live.changed(insight.workshop)
    return insight


@transaction.atomic
def insight_remove(insight: Insight, *, by: User) -> None:
    workshop = insight.workshop
    check_run(by, workshop)
    insight.delete()
    live.changed(workshop)


@transaction.atomic
def insight_move(insight: Insight, *, by: User, direction: str) -> None:
    """Move an insight one place up or down (renumbering all, so equal positions cannot get stuck)."""
    workshop = insight.workshop
    check_run(by, workshop)
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an insight up or down."))
    ordered = list(Insight.objects.select_for_update().filter(workshop=workshop).order_by("position", "pk"))
    index = next(n for n, other in enumerate(ordered) if other.pk == insight.pk)
    swap = index - 1 if direction == "up" else index + 1
    if 0 <= swap < len(ordered):
        ordered[index], ordered[swap] = ordered[swap], ordered[index]
    for position, other in enumerate(ordered, start=1):
        other.position = position
    Insight.objects.bulk_update(ordered, ["position"])
    live.changed(workshop)


def _title(text: str, limit: int = 200) -> str:
    text = _one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] or text[:limit - 1]
    return cut + "…"


def _origin(workshop: Workshop) -> str:
    return _("An insight from the World Café “%(title)s”.") % {"title": workshop.title}


@transaction.atomic
def insight_to_idea(insight: Insight, *, by: User) -> Idea:
    """The insight becomes a draft idea by the facilitator (who then completes it on the idea's page)."""
    workshop = insight.workshop
    check_run(by, workshop)
    if insight.idea_id is not None:
        raise ValidationError(_("This insight is already an idea."), code="done")
    if not by.has_perm("ideas.add_idea"):
        raise ValidationError(_("Your account may not post ideas."), code="idea_not_allowed")
    idea = idea_create(author=by, title=_title(insight.text), summary=_title(insight.text, 500), publish=False,
                       problem=_origin(workshop), language=workshop.language)
    insight.idea = idea
    insight.save(update_fields=["idea"])
    live.changed(workshop)
    return idea


@transaction.atomic
def insight_to_challenge(insight: Insight, *, by: User, organisation: Organisation | None = None) -> Challenge:
    """The insight becomes a challenge: for the hub when `by` is a hub admin or facilitator, otherwise for
    `organisation` (one `by` is an active member of)."""
    workshop = insight.workshop
    check_run(by, workshop)
    if insight.challenge_id is not None:
        raise ValidationError(_("This insight is already a challenge."), code="done")
    if not by.has_perm("ideas.add_challenge"):
        raise ValidationError(_("Your account may not post challenges."), code="challenge_not_allowed")
    if organisation is None and not may_own_for_hub(by):
        raise ValidationError(_(
            "Only hub admins and facilitators can post a challenge for the hub. Ask a hub admin or facilitator to "
            "make this insight a challenge, or make it an idea."), code="hub_not_allowed")
    try:
        challenge = challenge_create(by=by, title=_title(insight.text),
                                     description=f"{insight.text}\n\n{_origin(workshop)}",
                                     core_problem=_title(insight.text, 500), organisation=organisation,
                                     language=workshop.language)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(" ".join(m for messages in error.message_dict.values() for m in messages),
                                  code="challenge_refused") from error
        raise
    insight.challenge = challenge
    insight.save(update_fields=["challenge"])
    live.changed(workshop)
    return challenge
