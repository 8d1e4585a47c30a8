"""Dot-vote pages: the votes, opening one, voting (plain forms, or htmx swapping the ballot), closing.

Thin: forms take the input, services decide and write, selectors read. Never cached: every page here shows
the member's own dots.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors_votes as selectors
from . import services_votes as services
from .common import add_errors
from .forms_votes import DotsForm, DotVoteForm
from .models import DotVote, Idea, Incubator


def _vote_or_404(pk: int) -> DotVote:
    try:
        return selectors.dot_vote_get(pk=pk)
    except DotVote.DoesNotExist:
        raise Http404 from None


def _may_open_any(user) -> bool:
    return user.has_perm("ideas.open_dot_vote") or Incubator.objects.filter(facilitators=user).exists()


@login_required
def dot_votes(request):
    lists = selectors.dot_votes_list()
    return render(request, "ideas/dot_vote_list.html", {
        "open_votes": lists.open, "closed_votes": lists.closed, "may_open": _may_open_any(request.user)})


def _source(request):
    """The set of ideas asked for in the query string (or the posted form): a challenge, round or incubator."""
    data = request.POST if request.method == "POST" else request.GET
    challenge = round = incubator = None
    if (value := data.get("challenge", "")).isdigit():
        challenge = selectors.challenges_for_votes().filter(pk=value).first()
    elif (value := data.get("round", "")).isdigit():
        round = selectors.rounds_for_votes(user=request.user).filter(pk=value).first()
    elif value := data.get("incubator", ""):
        incubator = selectors.incubators_for_votes(user=request.user).filter(slug=value).first()
    return challenge, round, incubator


@login_required
def dot_vote_new(request):
    if not _may_open_any(request.user):
        raise PermissionDenied
    challenge, round, incubator = _source(request)
    by_hand = challenge is None and round is None and incubator is None
    q = " ".join(request.GET.get("q", "").split())[:100] if by_hand else ""
    candidates = selectors.vote_candidates(challenge=challenge, round=round, incubator=incubator, q=q)
    posted = request.method == "POST"
    form = DotVoteForm(request.POST if posted else None, candidates=candidates, by_hand=by_hand)
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            vote = services.dot_vote_open(
                by=request.user, title=data["title"], ideas=data["ideas"],
                dots_per_participant=data["dots_per_participant"], show_live=data["show_live"],
                closes_at=data["closes_at"], challenge=challenge, round=round, incubator=incubator)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The vote is open. Share this page with the participants."))
            return redirect(vote.get_absolute_url())
    return render(request, "ideas/dot_vote_new.html", {
        "form": form, "challenge": challenge, "round": round, "incubator": incubator, "by_hand": by_hand, "q": q,
        "challenges": selectors.challenges_for_votes(), "rounds": selectors.rounds_for_votes(user=request.user),
        "incubators": selectors.incubators_for_votes(user=request.user),
        "source_asked": any(request.GET.get(name) for name in ("challenge", "round", "incubator")) and by_hand,
    }, status=400 if form.errors else 200)


def _vote_context(request, vote: DotVote, *, form_error: str = "", error_idea: int | None = None) -> dict:
    user = request.user
    is_closed = vote.is_closed()
    may_see_results = user.has_perm("ideas.see_dot_results", vote)
    may_place = not is_closed and user.has_perm("ideas.place_dots", vote)
    ideas = selectors.dot_vote_ballot(vote=vote, user=user, with_tally=may_see_results and not is_closed)
    used = selectors.dots_used(vote=vote, user=user)
    return {
        "vote": vote, "ideas": ideas, "is_closed": is_closed, "may_place": may_place,
        "may_close": not is_closed and user.has_perm("ideas.close_dot_vote", vote),
        "may_see_results": may_see_results,
        "results": selectors.dot_vote_results(vote=vote) if is_closed and may_see_results else None,
        "voter_count": selectors.dot_vote_voter_count(vote=vote) if may_see_results else None,
        "dots_used": used, "dots_left": max(vote.dots_per_participant - used, 0),
        "form_error": form_error, "error_idea": error_idea,
    }


@login_required
def dot_vote(request, pk: int):
    vote = _vote_or_404(pk)
    if request.method != "POST":
        return render(request, "ideas/dot_vote.html", _vote_context(request, vote))
    form = DotsForm(request.POST)
    error, idea_id = "", None
    if not form.is_valid():
        error = " ".join(message for messages_ in form.errors.values() for message in messages_)
    else:
        idea_id = form.cleaned_data["idea"]
        idea = Idea.objects.filter(pk=idea_id).first()
        try:
            if idea is None:
                raise ValidationError(_("This idea is not part of the vote."))
            services.dots_place(vote=vote, idea=idea, by=request.user, count=form.cleaned_data["count"])
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if request.htmx:
        context = _vote_context(request, vote, form_error=error, error_idea=idea_id)
        return render(request, "ideas/partials/dot_vote_live.html", {**context, "oob": True},
                      status=200)  # htmx swaps 2xx only: the message is in the swapped part
    if error:
        return render(request, "ideas/dot_vote.html", _vote_context(request, vote, form_error=error,
                                                                    error_idea=idea_id), status=400)
    return redirect(f"{vote.get_absolute_url()}#idea-{idea_id}")


@login_required
@require_POST
def dot_vote_close(request, pk: int):
    vote = _vote_or_404(pk)
    services.dot_vote_close(vote=vote, by=request.user)
    messages.success(request, _("The vote is closed. Everyone can now see the results."))
    return redirect(vote.get_absolute_url())

