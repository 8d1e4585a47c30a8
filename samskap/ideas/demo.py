"""Load the demo ideas, challenges and incubators of `demo_data` (called by `manage.py load_demo`, after the
directory's demo, whose people, organisations and places it uses).

Idempotent: a challenge is found by its title, an incubator by its slug, a round by incubator and title, an
idea by author and title; what exists is left as it is (people may have changed it in the demo). Ideas are
submitted and moved through their stages with the services (`idea_create`, `idea_move_to_stage`), then dated
back so the timelines look lived in. Challenges, incubators, rounds, applications, reviews, the cohort,
mentors, sessions, milestones, logbook updates, supports and comments are written as rows here: their
services (other parts of issue 5) check permissions and send notifications the demo does not need, and
the demo must not depend on their exact signatures. The counts are kept with `counts_adjust`. Missing
people, organisations, places and themes are skipped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samskap.actors.models import Organisation
from samskap.core.fragments import IDEAS, generation_bump
from samskap.core.models import Place, Theme

from . import demo_data
from .demo_data import DemoComment, DemoIdea
from .models import (Application, Challenge, CohortMembership, Comment, Follow, Idea, Incubator, IntakeRound,
                     LogEntry, MentorAssignment, Milestone, ProblemTreeNode, Review, RoundQuestion,
                     RubricCriterion, Score, StageChange, Support, SupportSession, TeamMember)
from .search import challenges_index_many, ideas_index_many
from .services import counts_adjust, idea_create, idea_move_to_stage


@dataclass
class DemoLoaded:
    challenges: int = 0
    incubators: int = 0
    rounds: int = 0
    ideas: int = 0
    applications: int = 0
    cohort: int = 0

    @property
    def anything(self) -> bool:
        return any((self.challenges, self.incubators, self.rounds, self.ideas, self.applications, self.cohort))


@dataclass
class _Lookups:
    places: dict[str, Place]
    themes: dict[str, Theme]
    organisations: dict[str, Organisation]
    users: dict[str, object]

    def theme_list(self, slugs) -> list[Theme]:
        return [self.themes[slug] for slug in slugs if slug in self.themes]

    def place_list(self, slugs) -> list[Place]:
        return [self.places[slug] for slug in slugs if slug in self.places]


def _lookups() -> _Lookups:
    emails = {demo_data.ADMIN, demo_data.FACILITATOR, demo_data.MENTOR, demo_data.MEMBER}
    for idea in demo_data.IDEAS:
        emails |= {idea.author, *idea.supporters, *(email for email, _role in idea.team)}
        emails |= {email for comment in idea.comments for email in _comment_authors(comment)}
    for incubator in demo_data.INCUBATORS:
        emails |= set(incubator.facilitators)
    return _Lookups(
        places={place.slug: place for place in Place.objects.all()},
        themes={theme.slug: theme for theme in Theme.objects.all()},
        organisations={o.slug: o for o in Organisation.objects.all()},
        users={user.email: user for user in get_user_model().objects.filter(email__in=emails, is_active=True)},
    )


def _comment_authors(comment: DemoComment):
    yield comment.author
    if comment.reply:
        yield from _comment_authors(comment.reply)


@transaction.atomic
def demo_load(*, now: datetime.datetime | None = None) -> DemoLoaded:
    """Create the demo's challenges, incubators, round, ideas and cohort that are not there yet."""
    now = now or timezone.now()
    loaded = DemoLoaded()
    lookups = _lookups()
    challenges = _challenges_create(lookups, loaded, now=now)
    incubators = _incubators_create(lookups, loaded)
    rounds = _rounds_create(incubators, challenges, lookups, loaded, now=now)
    ideas = _ideas_create(challenges, rounds, lookups, loaded, now=now)
    _reviews_create(ideas, rounds, lookups, now=now)
    _cohort_create(ideas, incubators, lookups, loaded, now=now)
    if loaded.anything:
        # Stage moves and demo rows pass by the signals; re-index after the back-dating, and outdate pages.
        transaction.on_commit(partial(ideas_index_many, [idea.pk for idea in ideas.values()]))
        transaction.on_commit(partial(generation_bump, IDEAS))
    return loaded


def _challenges_create(lookups: _Lookups, loaded: DemoLoaded, *, now) -> dict[str, Challenge]:
    challenges: dict[str, Challenge] = {}
    created = []
    today = timezone.localdate(now)
    for data in demo_data.CHALLENGES:
        challenge = Challenge.objects.filter(title=data.title).first()
        if challenge is None:
            challenge = Challenge.objects.create(
                title=data.title, description=data.description, why_it_matters=data.why_it_matters,
                core_problem=data.core_problem, organisation=lookups.organisations.get(data.organisation),
                created_by=lookups.users.get(data.created_by), target_groups=data.target_groups,
                open_until=today + datetime.timedelta(days=data.open_for_days) if data.open_for_days else None,
                status=data.status, language=data.language, created_at=now - datetime.timedelta(days=160))
            challenge.themes.set(lookups.theme_list(data.themes))
            challenge.places.set(lookups.place_list(data.places))
            ProblemTreeNode.objects.bulk_create(
                [ProblemTreeNode(challenge=challenge, kind=ProblemTreeNode.Kind.CAUSE, text=text, position=n)
                 for n, text in enumerate(data.causes)]
                + [ProblemTreeNode(challenge=challenge, kind=ProblemTreeNode.Kind.EFFECT, text=text, position=n)
                   for n, text in enumerate(data.effects)])
            created.append(challenge.pk)
            loaded.challenges += 1
        challenges[data.key] = challenge
    if created:
        transaction.on_commit(partial(challenges_index_many, created))
    return challenges


def _incubators_create(lookups: _Lookups, loaded: DemoLoaded) -> dict[str, Incubator]:
    incubators: dict[str, Incubator] = {}
    for data in demo_data.INCUBATORS:
        incubator = Incubator.objects.filter(slug=data.slug).first()
        if incubator is None:
            incubator = Incubator.objects.create(
                slug=data.slug, name=data.name, description=data.description, place=lookups.places.get(data.place),
                organisation=lookups.organisations.get(data.organisation))
            incubator.facilitators.set([lookups.users[e] for e in data.facilitators if e in lookups.users])
            loaded.incubators += 1
        incubators[data.slug] = incubator
    return incubators


def _rounds_create(incubators, challenges, lookups: _Lookups, loaded: DemoLoaded, *, now) -> dict[str, IntakeRound]:
    rounds: dict[str, IntakeRound] = {}
    today = timezone.localdate(now)
    for data in demo_data.ROUNDS:
        incubator = incubators[data.incubator]
        intake_round = IntakeRound.objects.filter(incubator=incubator, title=data.title).first()
        if intake_round is None:
            opens_on = today - datetime.timedelta(days=data.opened_days_ago)
            intake_round = IntakeRound.objects.create(
                incubator=incubator, title=data.title, description=data.description, opens_on=opens_on,
                closes_on=opens_on + datetime.timedelta(days=data.open_for_days),
                challenge=challenges.get(data.challenge), created_by=lookups.users.get(demo_data.FACILITATOR),
                created_at=now - datetime.timedelta(days=data.opened_days_ago + 3))
            intake_round.reviewers.set([lookups.users[e] for e in data.reviewers if e in lookups.users])
            RoundQuestion.objects.bulk_create([RoundQuestion(round=intake_round, text=text, help_text=help_text,
                                                             position=n)
                                               for n, (text, help_text) in enumerate(data.questions)])
            RubricCriterion.objects.bulk_create([RubricCriterion(round=intake_round, name=name, description=what,
                                                                 weight=weight, position=n)
                                                 for n, (name, what, weight) in enumerate(data.criteria)])
            loaded.rounds += 1
        rounds[data.title] = intake_round
    return rounds


def _ideas_create(challenges, rounds, lookups: _Lookups, loaded: DemoLoaded, *, now) -> dict[str, Idea]:
    ideas: dict[str, Idea] = {}
    for data in demo_data.IDEAS:
        author = lookups.users.get(data.author)
        if author is None:
            continue
        idea = Idea.objects.filter(author=author, title=data.title).first()
        if idea is None:
            idea = _idea_create(data, author, challenges, lookups, now=now)
            loaded.ideas += 1
            if data.apply_to in rounds:
                _application_create(idea, rounds[data.apply_to], data, author, now=now)
                loaded.applications += 1
        ideas[data.title] = idea
    return ideas


def _idea_create(data: DemoIdea, author, challenges, lookups: _Lookups, *, now) -> Idea:
    """Submit with the service, walk the stages with the service, then date it all back."""
    submitted = now - datetime.timedelta(days=data.days_ago)
    idea = idea_create(author=author, title=data.title, summary=data.summary, problem=data.problem,
                       target_group=data.target_group, solution=data.solution, place=lookups.places.get(data.place),
                       location=data.location, language=data.language, challenge=challenges.get(data.challenge),
                       themes=lookups.theme_list(data.themes), needs=dict(data.needs))
    Idea.objects.filter(pk=idea.pk).update(created_at=submitted, published_at=submitted, stage_changed_at=submitted)
    StageChange.objects.filter(idea=idea).update(created_at=submitted)
    TeamMember.objects.filter(idea=idea).update(accepted_at=submitted)
    Follow.objects.filter(idea=idea).update(created_at=submitted)
    idea.refresh_from_db()
    for slug, reason, days_ago in data.moves:
        idea = idea_move_to_stage(idea=idea, stage=slug, by=author, reason=reason)
        moved = now - datetime.timedelta(days=days_ago)
        StageChange.objects.filter(pk=StageChange.objects.filter(idea=idea).order_by("-id").values("pk")[:1]).update(
            created_at=moved)
        Idea.objects.filter(pk=idea.pk).update(stage_changed_at=moved)
    for email, role in data.team:
        if email in lookups.users:
            TeamMember.objects.create(idea=idea, user=lookups.users[email], role=role,
                                      accepted_at=submitted + datetime.timedelta(days=2))
            Follow.objects.get_or_create(idea=idea, user=lookups.users[email])
    LogEntry.objects.bulk_create([LogEntry(idea=idea, author=author, body=body,
                                           created_at=now - datetime.timedelta(days=days_ago))
                                  for body, days_ago in data.log])
    supporters = [lookups.users[e] for e in data.supporters if e in lookups.users and e != data.author]
    Support.objects.bulk_create([Support(idea=idea, user=user, created_at=submitted + datetime.timedelta(days=n + 1))
                                 for n, user in enumerate(supporters)])
    comments = 0
    for n, comment in enumerate(data.comments):
        comments += _comment_create(idea, comment, lookups, at=submitted + datetime.timedelta(days=n + 1))
    counts_adjust(idea_id=idea.pk, support=len(supporters), comments=comments)
    idea.refresh_from_db()
    return idea


def _comment_create(idea: Idea, data: DemoComment, lookups: _Lookups, *, at, parent: Comment | None = None) -> int:
    if data.author not in lookups.users:
        return 0
    comment = Comment.objects.create(idea=idea, parent=parent, author=lookups.users[data.author], body=data.body,
                                     created_at=at)
    if data.reply:
        return 1 + _comment_create(idea, data.reply, lookups, at=at + datetime.timedelta(hours=3), parent=comment)
    return 1


def _application_create(idea: Idea, intake_round: IntakeRound, data: DemoIdea, author, *, now) -> None:
    questions = list(intake_round.questions.order_by("position", "id"))
    Application.objects.create(round=intake_round, idea=idea, applicant=author,
                               answers={str(q.pk): answer for q, answer in zip(questions, data.answers)},
                               submitted_at=now - datetime.timedelta(days=3))


def _reviews_create(ideas, rounds, lookups: _Lookups, *, now) -> None:
    for data in demo_data.REVIEWS:
        idea, reviewer = ideas.get(data["idea"]), lookups.users.get(data["reviewer"])
        application = Application.objects.filter(idea=idea, round__in=rounds.values()).first() if idea else None
        if application is None or reviewer is None or Review.objects.filter(application=application,
                                                                             reviewer=reviewer).exists():
            continue
        review = Review.objects.create(application=application, reviewer=reviewer, comment=data["comment"],
                                       submitted_at=now - datetime.timedelta(days=1))
        criteria = list(application.round.criteria.order_by("position", "id"))
        Score.objects.bulk_create([Score(review=review, criterion=criterion,
                                         value=min(max(value, criterion.min_score), criterion.max_score))
                                   for criterion, value in zip(criteria, data["scores"])])


def _cohort_create(ideas, incubators, lookups: _Lookups, loaded: DemoLoaded, *, now) -> None:
    data = demo_data.COHORT
    idea, incubator = ideas.get(data["idea"]), incubators.get(data["incubator"])
    if idea is None or incubator is None or CohortMembership.objects.filter(incubator=incubator, idea=idea).exists():
        return
    today = timezone.localdate(now)
    facilitator, mentor = lookups.users.get(demo_data.FACILITATOR), lookups.users.get(data["mentor"])
    CohortMembership.objects.create(incubator=incubator, idea=idea,
                                    joined_at=now - datetime.timedelta(days=data["joined_days_ago"]))
    loaded.cohort += 1
    if mentor is not None:
        MentorAssignment.objects.get_or_create(idea=idea, mentor=mentor, defaults={
            "assigned_by": facilitator, "created_at": now - datetime.timedelta(days=data["joined_days_ago"] - 1)})
        for session in data["sessions"]:
            SupportSession.objects.create(idea=idea, mentor=mentor, logged_by=mentor, notes=session["notes"],
                                          next_steps=session["next_steps"],
                                          date=today - datetime.timedelta(days=session["days_ago"]))
    for milestone in data["milestones"]:
        Milestone.objects.create(idea=idea, title=milestone["title"], created_by=idea.author,
                                 due_on=today + datetime.timedelta(days=milestone["due_in_days"]))
