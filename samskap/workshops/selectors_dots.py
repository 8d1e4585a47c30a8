"""What the dot voting's screens show: the options with their dots, a participant's own dots and how many are
left, the ranked results. A fixed number of queries, however many options there are."""

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from samskap.accounts.models import User
from samskap.ideas.models import Idea

from .models import Dots, Insight, Option, Participant, Workshop
from .services_dots import CLOSED, VOTING, dots_tally

IDEAS_SHOWN = 20
INSIGHTS_SHOWN = 100


def options_with_dots(workshop: Workshop) -> list[Option]:
    """The options in their order, each with `total` (all participants' dots on it)."""
    return list(Option.objects.filter(workshop=workshop).annotate(total=Coalesce(Sum("dots__count"), 0))
                .order_by("position", "pk"))


def ranked(options: list[Option]) -> list[Option]:
    """Most dots first; a tie keeps the prepared order. Each option gets `rank` (tied options share it)."""
    result = sorted(options, key=lambda option: (-option.total, option.position, option.pk))
    previous = None
    for index, option in enumerate(result, start=1):
        option.rank = previous.rank if previous is not None and previous.total == option.total else index
        previous = option
    return result


def live_context(workshop: Workshop, *, view: str, participant: Participant | None) -> dict:
    options = options_with_dots(workshop)
    tally = dots_tally(workshop.pk) if view != "phone" or workshop.results_visible else None
    voting_open = workshop.is_live and workshop.phase == VOTING
    closed = workshop.phase == CLOSED or workshop.is_finished
    if view == "console":
        show_tally = True
    elif view == "projector":
        show_tally = workshop.live_tally or workshop.results_visible
    else:
        show_tally = workshop.results_visible
    context = {
        "options": options,
        # Sorted by dots once the vote is closed, on the screens that may show the counts.
        "ranked_options": ranked(options) if closed and show_tally else options,
        "tally": tally,
        "max_count": tally["max"] if tally else 0,
        "voters": tally["voters"] if tally else 0,
        "voting_open": voting_open,
        "vote_closed": closed,
        "show_tally": show_tally,
    }
    if participant is not None:
        mine = dict(Dots.objects.filter(participant=participant, option__workshop=workshop)
                    .values_list("option_id", "count"))
        used = sum(mine.values())
        left = max(workshop.dots_per_participant - used, 0)
        for option in options:
            option.mine = mine.get(option.pk, 0)
            option.more = option.mine + 1
            option.fewer = option.mine - 1
        context.update(dots_used=used, dots_left=left)
    return context


def results_context(workshop: Workshop) -> dict:
    """The ranked options with their dots and the number of voters. While the workshop runs, the numbers show
    only once they are public (a live tally on the projector, or the results shown to everyone)."""
    options = options_with_dots(workshop)
    tally = dots_tally(workshop.pk)
    public = workshop.is_finished or workshop.results_visible or workshop.live_tally
    return {"options": options, "ranked_options": ranked(options), "voters": tally["voters"],
            "max_count": tally["max"], "results_public": public}


def ideas_to_add(workshop: Workshop, query: str) -> QuerySet[Idea]:
    """Published ideas everyone may see whose title contains `query`, not yet options of `workshop`."""
    taken = Option.objects.filter(workshop=workshop, idea__isnull=False).values("idea_id")
    ideas = Idea.objects.public().exclude(pk__in=taken).only("pk", "title", "summary", "published_at")
    query = " ".join((query or "").split())
    if query:
        ideas = ideas.filter(title__icontains=query)
    return ideas.order_by("-published_at", "-pk")[:IDEAS_SHOWN]


def insights_to_add(workshop: Workshop, user: User) -> list[Insight]:
    """Shared insights from the other workshops `user` runs (those of the same event first), not yet options."""
    taken = Option.objects.filter(workshop=workshop, insight__isnull=False).values("insight_id")
    runs = Workshop.objects.exclude(pk=workshop.pk)
    if not user.is_superuser:
        runs = runs.filter(Q(created_by=user) | Q(facilitators=user))
    insights = list(Insight.objects.filter(workshop__in=runs.values("pk")).exclude(pk__in=taken)
                    .select_related("workshop")
                    .order_by("-workshop__created_at", "workshop_id", "position", "pk")[:INSIGHTS_SHOWN])
    if workshop.event_id:
        insights.sort(key=lambda insight: insight.workshop.event_id != workshop.event_id)
    return insights
