"""/api/v1/workshops: what live workshops produced, for scripts — the list of finished workshops and one
workshop's results (World Café rounds, harvests and insights; the Open Space agenda, notes and action items;
dot voting's ranked options; the vision battle's rounds, eliminations and winner).

Read-only and thin: the workshop selectors read (the vision battle through the same `results_context` as its
results page, so page and API agree), the rules decide who sees what. A workshop being prepared is a 404 to
everyone here. Participants' device tokens are never part of an answer, and of guests only the names the
method itself shows to the room: table hosts, conveners and visionaries.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from samskap.events.models import Event
from samskap.workshops import selectors
from samskap.workshops.models import Dots, Workshop

from .directory import OPEN, OPEN_SECURITY
from .directory_schemas import one_of
from .schemas import Message

router = Router(tags=["workshops"])


# Schemas -----------------------------------------------------------------------------------------------------


class WorkshopEventOut(Schema):
    id: int
    slug: str
    title: str
    url: str = Field(description="The event's page on the site.")


class WorkshopOut(Schema):
    id: int
    url: str = Field(description="The workshop's results page on the site (an absolute address).")
    title: str
    description: str = Field(description="The theme and purpose, plain text.")
    method: str = one_of(Workshop.Method)
    method_label: str = Field(description="The method's name in the language of the request.")
    status: str = one_of(Workshop.Status)
    language: str
    event: WorkshopEventOut | None = Field(description="The event the workshop was part of; null for none.")
    participant_count: int
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None


class CafeTableOut(Schema):
    number: int
    name: str
    host: str | None = Field(description="The table host's display name.")


class HarvestOut(Schema):
    table: int = Field(description="The table's number.")
    text: str


class CafeRoundOut(Schema):
    number: int
    question: str
    minutes: int
    started_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    harvests: list[HarvestOut] = Field(description="What each table found in the round, by table number (tables "
                                                   "without a harvest are left out).")


class InsightOut(Schema):
    id: int
    text: str
    idea: int | None = Field(description="The id of the idea the insight became.")
    challenge: int | None = Field(description="The id of the challenge the insight became.")


class WorldCafeOut(Schema):
    table_mode: str = one_of(Workshop.TableMode)
    tables: list[CafeTableOut]
    rounds: list[CafeRoundOut] = Field(description="The rounds that took place, in order.")
    insights: list[InsightOut] = Field(description="The shared insights, in the order the facilitator gave them.")


class SlotOut(Schema):
    id: int
    label: str


class SpaceOut(Schema):
    id: int
    name: str


class ActionItemOut(Schema):
    text: str
    owner: str


class TopicOut(Schema):
    id: int
    title: str
    description: str
    convener: str = Field(description="The convener's name, as they gave it.")
    slot: int | None = Field(description="The time slot's id; null while the topic is not on the agenda.")
    space: int | None = Field(description="The space's id; null while the topic is not on the agenda.")
    notes: str
    attendance: int = Field(description="How many said they would go.")
    action_items: list[ActionItemOut]


class OpenSpaceOut(Schema):
    slots: list[SlotOut]
    spaces: list[SpaceOut]
    topics: list[TopicOut] = Field(description="Every topic; those with a slot and a space make the agenda.")


class OptionOut(Schema):
    id: int
    rank: int | None = Field(description="1 for the option with the most dots; equal dots share a rank. Null "
                                         "while the tally is hidden.")
    text: str
    dots: int | None = Field(description="Null while the tally is hidden.")
    voters: int | None = Field(description="How many participants put at least one dot on it; null while the "
                                           "tally is hidden.")
    idea: int | None = Field(description="The id of the idea the option stands for.")
    insight: int | None = Field(description="The id of the insight the option stands for.")


class DotVotingOut(Schema):
    dots_per_participant: int
    results_public: bool = Field(description="False while a running vote keeps its tally hidden from the room: "
                                             "the counts are null and the options in their prepared order.")
    voters: int | None = Field(description="How many participants placed dots; null while the tally is hidden.")
    options: list[OptionOut] = Field(description="Most dots first.")


class VisionaryOut(Schema):
    id: int
    name: str
    vision: str
    out_in_round: int | None = Field(description="The number of the round the vision dropped out in.")
    winner: bool


class TallyOut(Schema):
    visionary: int = Field(description="The visionary's id.")
    best: int
    keep: int
    out: int
    score: int = Field(description="Votes for the best; or keep minus out.")
    eliminated: bool = Field(description="The vision dropped out after this round.")


class BattleRoundOut(Schema):
    number: int
    title: str
    tallies: list[TallyOut] = Field(description="The visions still in the round, highest score first.")
    eliminated: list[int] = Field(description="The ids of the visionaries out after this round.")


class VisionBattleOut(Schema):
    battle_mode: str = one_of(Workshop.BattleMode)
    drop_per_round: int
    visionaries: list[VisionaryOut]
    rounds: list[BattleRoundOut]
    winner: int | None = Field(description="The winning visionary's id; null until there is one.")


class WorkshopDetailOut(WorkshopOut):
    world_cafe: WorldCafeOut | None = Field(description="For a World Café; null otherwise.")
    open_space: OpenSpaceOut | None = Field(description="For an Open Space; null otherwise.")
    dot_voting: DotVotingOut | None = Field(description="For dot voting; null otherwise.")
    vision_battle: VisionBattleOut | None = Field(description="For a vision battle; null otherwise.")


class WorkshopFilters(Schema):
    method: str = Field("", json_schema_extra={"enum": ["", *Workshop.Method.values]}, description="A method.")
    event: str = Field("", description="An event's slug (or id): the workshops that were part of it.")


# Reading -----------------------------------------------------------------------------------------------------


def _workshops() -> QuerySet[Workshop]:
    return Workshop.objects.select_related("event").annotate(participant_count=Count("participants", distinct=True))


def _workshop(request, workshop: Workshop) -> dict:
    event = workshop.event
    return {
        "id": workshop.pk,
        "url": request.build_absolute_uri(workshop.get_absolute_url()),
        "title": workshop.title,
        "description": workshop.description,
        "method": workshop.method,
        "method_label": str(workshop.get_method_display()),
        "status": workshop.status,
        "language": workshop.language,
        "event": ({"id": event.pk, "slug": event.slug, "title": event.title,
                   "url": request.build_absolute_uri(event.get_absolute_url())} if event is not None else None),
        "participant_count": workshop.participant_count,
        "started_at": workshop.started_at,
        "finished_at": workshop.finished_at,
    }


class WorkshopPage:
    """One page of the list, built from the rows of one query."""

    def __init__(self, request, queryset):
        self.request, self.queryset = request, queryset

    def __getitem__(self, window: slice) -> list[dict]:
        return [_workshop(self.request, workshop) for workshop in self.queryset[window]]

    def __len__(self) -> int:
        return self.queryset.count()


@router.get("", response={200: list[WorkshopOut], 401: Message, 422: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="Finished workshops",
            description="Workshops that have finished, the most recently finished first. Filter by method or by "
                        "event; an unknown event is a 422 naming the filter.")
@paginate(LimitOffsetPagination)
def workshop_list(request, filters: Query[WorkshopFilters]):
    workshops = _workshops().filter(status=Workshop.Status.FINISHED)
    if filters.method:
        if filters.method not in Workshop.Method.values:
            raise ValidationError({"method": _("There is no method “%(value)s”.") % {"value": filters.method[:60]}})
        workshops = workshops.filter(method=filters.method)
    if filters.event:
        value = filters.event.strip()
        lookup = Q(slug=value) | Q(pk=int(value)) if value.isdigit() else Q(slug=value)
        event_id = Event.objects.filter(lookup).values_list("pk", flat=True).first()
        if event_id is None:
            raise ValidationError({"event": _("There is no event “%(value)s”.") % {"value": value[:60]}})
        workshops = workshops.filter(event_id=event_id)
    return WorkshopPage(request, workshops.order_by("-finished_at", "-pk"))


def _world_cafe(workshop: Workshop) -> dict:
    results = selectors.results_context(workshop)  # what the results page and the harvest exports show
    return {
        "table_mode": workshop.table_mode,
        "tables": [{"number": table.number, "name": table.name,
                    "host": table.host.display_name if table.host_id else None} for table in results["tables"]],
        "rounds": [{"number": entry["round"].number, "question": entry["round"].question,
                    "minutes": entry["round"].minutes, "started_at": entry["round"].started_at,
                    "ended_at": entry["round"].ended_at,
                    "harvests": [{"table": cell["table"].number, "text": cell["harvest"].text}
                                 for cell in entry["tables"]]}
                   for entry in results["harvest_grid"]],
        "insights": [{"id": insight.pk, "text": insight.text, "idea": insight.idea_id,
                      "challenge": insight.challenge_id} for insight in results["insights"]],
    }


def _open_space(workshop: Workshop) -> dict:
    results = selectors.results_context(workshop)  # the final report's reading
    return {
        "slots": [{"id": slot.pk, "label": slot.label} for slot in results["slots"]],
        "spaces": [{"id": space.pk, "name": space.name} for space in results["spaces"]],
        "topics": [{"id": topic.pk, "title": topic.title, "description": topic.description,
                    "convener": topic.convener_name, "slot": topic.slot_id, "space": topic.space_id,
                    "notes": topic.notes, "attendance": topic.going_count,
                    "action_items": [{"text": action.text, "owner": action.owner} for action in topic.actions.all()]}
                   for topic in results["topics"]],
    }


def _dot_voting(workshop: Workshop) -> dict:
    results = selectors.results_context(workshop)  # the results page's ranking
    public = results["results_public"]
    voters = {}
    if public:
        voters = dict(Dots.objects.filter(option__workshop=workshop, count__gt=0).values("option_id")
                      .annotate(n=Count("participant_id", distinct=True)).values_list("option_id", "n"))
    return {
        "dots_per_participant": workshop.dots_per_participant,
        "results_public": public,
        "voters": results["voters"] if public else None,
        "options": [{"id": option.pk, "rank": option.rank if public else None, "text": option.text,
                     "dots": option.total if public else None, "voters": voters.get(option.pk, 0) if public else None,
                     "idea": option.idea_id, "insight": option.insight_id}
                    for option in (results["ranked_options"] if public else results["options"])],
    }


def _vision_battle(workshop: Workshop) -> dict:
    results = selectors.results_context(workshop)  # the results page's own reading
    winner = results.get("winner")
    return {
        "battle_mode": workshop.battle_mode,
        "drop_per_round": workshop.drop_per_round,
        "visionaries": [{"id": visionary.pk, "name": visionary.name, "vision": visionary.vision,
                         "out_in_round": visionary.out_in_round.number if visionary.out_in_round_id else None,
                         "winner": visionary.winner} for visionary in results["visionaries"]],
        "rounds": [{"number": entry["round"].number, "title": entry["round"].question,
                    "tallies": [{"visionary": row["visionary"].pk, "best": row["counts"].get("best", 0),
                                 "keep": row["counts"].get("keep", 0), "out": row["counts"].get("out", 0),
                                 "score": row["score"], "eliminated": row["out"]} for row in entry["rows"]],
                    "eliminated": [row["visionary"].pk for row in entry["rows"] if row["out"]]}
                   for entry in results["battle_rounds"]],
        "winner": winner.pk if winner is not None else None,
    }


RESULTS = {
    Workshop.Method.WORLD_CAFE: ("world_cafe", _world_cafe),
    Workshop.Method.OPEN_SPACE: ("open_space", _open_space),
    Workshop.Method.DOT_VOTING: ("dot_voting", _dot_voting),
    Workshop.Method.VISION_BATTLE: ("vision_battle", _vision_battle),
}


@router.get("/{workshop_id}", response={200: WorkshopDetailOut, 401: Message, 404: Message}, auth=OPEN,
            openapi_extra=OPEN_SECURITY, summary="A workshop's results",
            description="What the workshop produced, under the key of its method (the others are null). A "
                        "running workshop answers with its results so far; one being prepared is a 404.")
def workshop_detail(request, workshop_id: int):
    workshop = _workshops().filter(pk=workshop_id).exclude(status=Workshop.Status.PREPARING).first()
    if workshop is None or not request.auth.has_perm("workshops.view_workshop", workshop):
        raise Http404
    key, read = RESULTS[workshop.method]
    answer = {**_workshop(request, workshop), "world_cafe": None, "open_space": None, "dot_voting": None,
              "vision_battle": None}
    answer[key] = read(workshop)
    return answer
