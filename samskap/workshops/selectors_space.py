"""What the Open Space screens show: the marketplace of topics, the agenda (time slots × spaces) with the
attendance counts, the sessions' notes and action items, and the final report (also as Markdown).

Every list is read in a fixed number of queries, however many topics there are."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import Attendance, Participant, Space, TimeSlot, Topic, Workshop
from .services_space import AGENDA, MARKETPLACE, SESSIONS, current_phase, may_run


@dataclass
class SlotRow:
    """One time slot of the agenda: a cell per space (the projector's and console's table) and its sessions (the
    phone's list)."""

    slot: TimeSlot
    cells: list[tuple[Space, Topic | None]] = field(default_factory=list)

    @property
    def sessions(self) -> list[Topic]:
        return [topic for _space, topic in self.cells if topic is not None]


def phase_choices() -> list[tuple[str, str]]:
    return [(MARKETPLACE, _("Marketplace: participants post topics")),
            (AGENDA, _("Agenda: place topics, everyone marks where they go")),
            (SESSIONS, _("Sessions: conveners write notes and action items"))]


def topics_with_counts(workshop: Workshop) -> list[Topic]:
    """The workshop's topics in the order they were posted, with `going_count`, their time slot, space and
    action items (three queries)."""
    return list(Topic.objects.filter(workshop=workshop).select_related("slot", "space")
                .annotate(going_count=Count("attendance", distinct=True)).prefetch_related("actions")
                .order_by("created_at", "pk"))


def agenda(workshop: Workshop, topics: list[Topic]) -> tuple[list[TimeSlot], list[Space], list[SlotRow]]:
    """The grid of time slots × spaces with the topic placed in each cell (two queries)."""
    slots = list(TimeSlot.objects.filter(workshop=workshop).order_by("position", "pk"))
    spaces = list(Space.objects.filter(workshop=workshop).order_by("position", "pk"))
    placed = {(topic.slot_id, topic.space_id): topic for topic in topics if topic.slot_id and topic.space_id}
    rows = [SlotRow(slot, [(space, placed.get((slot.pk, space.pk))) for space in spaces]) for slot in slots]
    return slots, spaces, rows


def _participant_runs(participant: Participant | None, workshop: Workshop) -> bool:
    if participant is None or participant.user_id is None:
        return False
    return may_run(participant.user, workshop)


def live_context(workshop: Workshop, *, view: str, participant: Participant | None) -> dict:
    phase = current_phase(workshop)
    topics = topics_with_counts(workshop)
    slots, spaces, rows = agenda(workshop, topics)
    context = {
        "space_phase": phase, "phases": phase_choices(), "topics": topics, "slots": slots, "spaces": spaces,
        "agenda_rows": rows, "unplaced": [topic for topic in topics if topic.slot_id is None],
        "marketplace_open": phase == MARKETPLACE, "agenda_open": phase == AGENDA, "sessions_open": phase == SESSIONS,
    }
    if participant is not None:
        going = set(Attendance.objects.filter(participant=participant, topic__workshop=workshop)
                    .values_list("topic_id", flat=True))
        runs = _participant_runs(participant, workshop)
        for topic in topics:
            topic.i_go = topic.pk in going
            topic.mine = topic.convener_id == participant.pk
            topic.may_notes = topic.mine or runs
            topic.may_actions = topic.may_notes or topic.i_go
        context["my_topics"] = [topic for topic in topics if topic.mine]
        context["my_sessions"] = [topic for topic in topics if topic.slot_id and (topic.may_actions)]
        context["participant_runs"] = runs
    return context


def results_context(workshop: Workshop) -> dict:
    topics = topics_with_counts(workshop)
    slots, spaces, rows = agenda(workshop, topics)
    return {"space_phase": current_phase(workshop), "topics": topics, "slots": slots, "spaces": spaces,
            "agenda_rows": rows, "unplaced": [topic for topic in topics if topic.slot_id is None]}


def _session_markdown(topic: Topic, lines: list[str]) -> None:
    lines.append(_("Convener: %(name)s") % {"name": topic.convener_name})
    lines.append(_("Going: %(count)s") % {"count": topic.going_count})
    if topic.description:
        lines += ["", topic.description]
    lines += ["", f"##### {_('Notes')}", "", topic.notes or _("No notes.")]
    lines += ["", f"##### {_('Action items')}", ""]
    actions = list(topic.actions.all())
    for item in actions:
        lines.append(f"- {item.text}" + (f" ({item.owner})" if item.owner else ""))
    if not actions:
        lines.append(_("No action items."))
    lines.append("")


def report_markdown(workshop: Workshop) -> str:
    """The final report of an Open Space as Markdown: the agenda, then each session with its convener, how many
    went, the notes and the action items."""
    context = results_context(workshop)
    lines = [f"# {workshop.title}", ""]
    if workshop.description:
        lines += [workshop.description, ""]
    if workshop.finished_at:
        lines += [_("Open Space, %(date)s") % {"date": workshop.finished_at.date().isoformat()}, ""]
    lines += [f"## {_('Agenda')}", ""]
    for row in context["agenda_rows"]:
        if not row.sessions:
            continue
        lines += [f"### {row.slot.label}", ""]
        for space, topic in row.cells:
            if topic is None:
                continue
            lines += [f"#### {topic.title} ({space.name})", ""]
            _session_markdown(topic, lines)
    if context["unplaced"]:
        lines += [f"## {_('Topics without a session')}", ""]
        for topic in context["unplaced"]:
            lines.append(f"- {topic.title} ({topic.convener_name})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
