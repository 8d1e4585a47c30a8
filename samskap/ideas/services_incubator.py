"""Writes for incubators and intake rounds: incubators, rounds (with their questions and rubric), applications,
reviews and decisions.

Each function checks its permission itself and raises PermissionDenied, or ValidationError with a message the
member can act on; nothing is half-saved. The applicant's team hear about a decision after the commit, in the
app and by e-mail, each in their own language.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import notifications_add

from .models import (Application, Challenge, CohortMembership, Idea, Incubator, IntakeRound, Review,
                     RoundQuestion, RubricCriterion, Score, TeamMember)
from .permissions import idea_roles

logger = logging.getLogger(__name__)

DECISIONS = (Application.Decision.ACCEPTED, Application.Decision.WAITLISTED, Application.Decision.DECLINED)


# Incubators ---------------------------------------------------------------------------------------------------

def incubator_slug(name: str, *, exclude_pk: int | None = None) -> str:
    """A unique short name from the name, keeping letters such as å, ä, ø (URLs carry them fine)."""
    max_length = Incubator._meta.get_field("slug").max_length
    base = slugify(name, allow_unicode=True)[: max_length - 4].strip("-") or "incubator"
    taken = set(Incubator.objects.filter(slug__startswith=base).exclude(pk=exclude_pk)
                .values_list("slug", flat=True))
    taken.add("new")  # /incubators/new/ is the form for a new incubator
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _facilitators_check(facilitators: Sequence[User]) -> None:
    if not facilitators:
        raise ValidationError({"facilitators": _("An incubator needs at least one facilitator.")})


@transaction.atomic
def incubator_create(*, by: User, name: str, description: str = "", place=None, organisation=None,
                     facilitators: Iterable[User] = ()) -> Incubator:
    """Start an incubator (hub admins and facilitators). Whoever creates it becomes one of its facilitators."""
    if not by.has_perm("ideas.add_incubator"):
        raise PermissionDenied
    name = (name or "").strip()
    incubator = Incubator(name=name, slug=incubator_slug(name), description=(description or "").strip(),
                          place=place, organisation=organisation)
    incubator.full_clean()
    incubator.save()
    people = {user.pk: user for user in facilitators}
    people[by.pk] = by
    incubator.facilitators.set(people.values())
    return incubator


@transaction.atomic
def incubator_update(*, incubator: Incubator, by: User, name: str, description: str = "", place=None,
                     organisation=None, facilitators: Iterable[User]) -> Incubator:
    """Change an incubator (its facilitators or a hub admin). Its address stays the same."""
    if not by.has_perm("ideas.change_incubator", incubator):
        raise PermissionDenied
    facilitators = list(facilitators)
    _facilitators_check(facilitators)
    incubator.name = (name or "").strip()
    incubator.description = (description or "").strip()
    incubator.place, incubator.organisation = place, organisation
    incubator.full_clean()
    incubator.save()
    incubator.facilitators.set(facilitators)
    incubator.__dict__.pop("_facilitator_ids", None)
    return incubator


# Rounds -------------------------------------------------------------------------------------------------------

def _dates_check(opens_on: date | None, closes_on: date | None) -> None:
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError({"closes_on": _("The round cannot close before it opens: choose a closing day "
                                              "on or after %(opens)s.") % {"opens": formats.date_format(opens_on)}})


def _criteria_check(criteria: Sequence[dict]) -> None:
    for item in criteria:
        name = item.get("name") or "?"
        if int(item.get("weight") or 0) < 1:
            raise ValidationError(_("The weight of “%(name)s” must be 1 or more.") % {"name": name})
        if int(item.get("max_score") or 0) <= int(item.get("min_score") or 0):
            raise ValidationError(_("The highest score of “%(name)s” must be above its lowest score.")
                                  % {"name": name})


def _items_sync(model, round: IntakeRound, items: Sequence[dict], fields: Sequence[str]) -> None:
    """Make the round's questions or criteria exactly `items`, in their order: items with an `id` are updated,
    the others created, and those left out deleted. Answers and scores stay tied to the same rows."""
    existing = {obj.pk: obj for obj in model.objects.filter(round=round)}
    keep = {int(item["id"]) for item in items if item.get("id")}
    unknown = keep - set(existing)
    if unknown:
        raise ValidationError(_("Some of the rows no longer exist. Reload the page and try again."))
    removed = [obj for pk, obj in existing.items() if pk not in keep]
    if model is RubricCriterion:
        scored = [obj.name for obj in removed if obj.scores.exists()]
        if scored:
            raise ValidationError(_("“%(name)s” already has scores from reviewers, so it cannot be removed.")
                                  % {"name": scored[0]})
    model.objects.filter(pk__in=[obj.pk for obj in removed]).delete()
    for position, item in enumerate(items):
        obj = existing[int(item["id"])] if item.get("id") else model(round=round)
        for field in fields:
            setattr(obj, field, item.get(field, getattr(obj, field)))
        obj.position = position
        obj.full_clean(exclude=["round"])
        obj.save()


QUESTION_FIELDS = ("text", "help_text", "is_required")
CRITERION_FIELDS = ("name", "description", "weight", "min_score", "max_score")


def _round_write(intake_round: IntakeRound, *, title: str, description: str, opens_on: date, closes_on: date,
                 challenge: Challenge | None, reviewers: Iterable[User], questions: Sequence[dict] | None,
                 criteria: Sequence[dict] | None) -> IntakeRound:
    _dates_check(opens_on, closes_on)
    if criteria is not None:
        _criteria_check(criteria)
    intake_round.title = (title or "").strip()
    intake_round.description = (description or "").strip()
    intake_round.opens_on, intake_round.closes_on, intake_round.challenge = opens_on, closes_on, challenge
    intake_round.full_clean(exclude=["incubator", "created_by"])
    intake_round.save()
    intake_round.reviewers.set(list(reviewers))
    intake_round.__dict__.pop("_reviewer_ids", None)
    if questions is not None:
        _items_sync(RoundQuestion, intake_round, questions, QUESTION_FIELDS)
    if criteria is not None:
        _items_sync(RubricCriterion, intake_round, criteria, CRITERION_FIELDS)
    return intake_round


@transaction.atomic
def round_create(*, incubator: Incubator, by: User, title: str, description: str, opens_on: date, closes_on: date,
                 challenge: Challenge | None = None, reviewers: Iterable[User] = (),
                 questions: Sequence[dict] = (), criteria: Sequence[dict] = ()) -> IntakeRound:
    """Open an intake round with its call, dates, reviewers, extra questions and rubric (the incubator's
    facilitators or a hub admin). `questions`: dicts of text, help_text, is_required; `criteria`: dicts of
    name, description, weight, min_score, max_score — both in their order."""
    if not by.has_perm("ideas.change_incubator", incubator):
        raise PermissionDenied
    intake_round = IntakeRound(incubator=incubator, created_by=by)
    return _round_write(intake_round, title=title, description=description, opens_on=opens_on,
                        closes_on=closes_on, challenge=challenge, reviewers=reviewers,
                        questions=list(questions), criteria=list(criteria))


@transaction.atomic
def round_update(*, round: IntakeRound, by: User, title: str, description: str, opens_on: date, closes_on: date,
                 challenge: Challenge | None = None, reviewers: Iterable[User] = (),
                 questions: Sequence[dict] | None = None, criteria: Sequence[dict] | None = None) -> IntakeRound:
    """Change a round. Rows of `questions` and `criteria` carry the `id` of those they keep; a criterion
    reviewers have scored cannot be removed."""
    if not by.has_perm("ideas.change_round", round):
        raise PermissionDenied
    return _round_write(round, title=title, description=description, opens_on=opens_on, closes_on=closes_on,
                        challenge=challenge, reviewers=reviewers, questions=questions, criteria=criteria)


# Applications -------------------------------------------------------------------------------------------------

@transaction.atomic
def application_create(*, round: IntakeRound, idea: Idea, by: User, answers: dict[int, str]) -> Application:
    """Apply to an open round with a published idea of which `by` is in the core team, answering the round's
    questions (the required ones must be answered). One application per idea and round."""
    if not by.is_authenticated:
        raise PermissionDenied
    if not round.is_open():
        if timezone.localdate() < round.opens_on:
            raise ValidationError(_("This round opens on %(date)s; you can apply from then.")
                                  % {"date": formats.date_format(round.opens_on)})
        raise ValidationError(_("This round closed on %(date)s, so it no longer takes applications.")
                              % {"date": formats.date_format(round.closes_on)})
    if not by.has_perm("ideas.apply_round", round):
        raise PermissionDenied
    if not idea_roles(by, idea).is_core_team:
        raise ValidationError({"idea": _("Only the initiators and co-founders of an idea can apply with it.")})
    if idea.published_at is None or idea.hidden_at is not None:
        raise ValidationError({"idea": _("Publish the idea first: only published ideas can apply.")})
    if Application.objects.filter(round=round, idea=idea).exists():
        raise ValidationError({"idea": _("“%(idea)s” has already applied to this round.") % {"idea": idea.title}})
    stored: dict[str, str] = {}
    missing: dict[str, str] = {}
    for question in round.questions.all():
        answer = (answers.get(question.pk) or "").strip()
        if question.is_required and not answer:
            missing[f"q_{question.pk}"] = _("Please answer this question.")
        stored[str(question.pk)] = answer[:5000]
    if missing:
        raise ValidationError(missing)
    try:
        with transaction.atomic():
            return Application.objects.create(round=round, idea=idea, applicant=by, answers=stored)
    except IntegrityError:
        raise ValidationError({"idea": _("“%(idea)s” has already applied to this round.")
                                       % {"idea": idea.title}}) from None


# Reviews ------------------------------------------------------------------------------------------------------

@transaction.atomic
def review_save(*, application: Application, by: User, scores: dict[int, int | None], comment: str = "",
                submit: bool = False) -> Review:
    """Save a reviewer's scores (one per criterion, within its range) and comment, as a draft or submitted.
    A submitted review is final: from then on the reviewer sees the other reviewers' scores."""
    # Only the round's reviewers, hub admins included: a superuser's blanket permissions do not make a reviewer.
    if not rules.has_perm("ideas.review_application", by, application):
        raise PermissionDenied
    if idea_roles(by, application.idea).is_team:
        raise ValidationError(_("You are on this idea's team, so you cannot review its application."))
    review = Review.objects.select_for_update().filter(application=application, reviewer=by).first()
    if review is not None and review.submitted_at is not None:
        raise ValidationError(_("You have submitted this review already; it can no longer be changed."))
    criteria = list(application.round.criteria.all())
    errors: dict[str, str] = {}
    clean: dict[int, int] = {}
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None or value == "":
            if submit:
                errors[f"c_{criterion.pk}"] = _("Give a score for “%(name)s” before submitting.") % {
                    "name": criterion.name}
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = None
        if value is None or not criterion.min_score <= value <= criterion.max_score:
            errors[f"c_{criterion.pk}"] = _("The score for “%(name)s” must be a whole number from %(min)s to "
                                            "%(max)s.") % {"name": criterion.name, "min": criterion.min_score,
                                                           "max": criterion.max_score}
            continue
        clean[criterion.pk] = value
    if errors:
        raise ValidationError(errors)
    comment = (comment or "").strip()
    if len(comment) > Review._meta.get_field("comment").max_length:
        raise ValidationError({"comment": _("Keep the comment under 5000 characters.")})
    if review is None:
        review = Review(application=application, reviewer=by)
    review.comment = comment
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    review.scores.exclude(criterion_id__in=list(clean)).delete()
    for criterion_id, value in clean.items():
        Score.objects.update_or_create(review=review, criterion_id=criterion_id, defaults={"value": value})
    return review


# Decisions ----------------------------------------------------------------------------------------------------

@transaction.atomic
def application_decide(*, application: Application, by: User, decision: str, message: str = "") -> Application:
    """Accept, waitlist or decline an application with a message to the applicant (the round's facilitators or
    a hub admin). Accepting puts the idea at the end of the incubator's cohort board. A decision can be changed;
    an idea accepted before stays in the cohort (facilitators take it out from the board if they wish)."""
    if not by.has_perm("ideas.decide_application", application):
        raise PermissionDenied
    if decision not in DECISIONS:
        raise ValidationError({"decision": _("Choose accepted, waitlisted or declined.")})
    message = (message or "").strip()
    if len(message) > Application._meta.get_field("decision_message").max_length:
        raise ValidationError({"message": _("Keep the message under 5000 characters.")})
    application = Application.objects.select_for_update().select_related("round__incubator", "idea").get(
        pk=application.pk)
    if application.decision == decision and application.decision_message == message:
        return application
    now = timezone.now()
    application.decision, application.decision_message = decision, message
    application.decided_by, application.decided_at = by, now
    application.save(update_fields=["decision", "decision_message", "decided_by", "decided_at"])
    if decision == Application.Decision.ACCEPTED:
        incubator = application.round.incubator
        if not CohortMembership.objects.filter(incubator=incubator, idea=application.idea).exists():
            last = CohortMembership.objects.filter(incubator=incubator).aggregate(last=Max("board_position"))["last"]
            CohortMembership.objects.create(incubator=incubator, idea=application.idea, application=application,
                                            board_position=(last + 1) if last is not None else 0, joined_at=now)
    transaction.on_commit(partial(decision_tell, application_id=application.pk, decided_at=now.isoformat()))
    return application


def _decision_title(decision: str, idea: str, incubator: str) -> str:
    titles = {
        Application.Decision.ACCEPTED: _("“%(idea)s” is accepted to %(incubator)s"),
        Application.Decision.WAITLISTED: _("“%(idea)s” is on the waiting list of %(incubator)s"),
        Application.Decision.DECLINED: _("“%(idea)s” was not accepted to %(incubator)s this time"),
    }
    return titles[decision] % {"idea": idea, "incubator": incubator}


def decision_tell(*, application_id: int, decided_at: str) -> int:
    """Tell the applicant and the idea's team about the decision, in the app and by e-mail, each in their own
    language. Run after the commit; a failing mail server is logged, the notifications stay. Returns how many
    people were told."""
    from samskap.accounts.notifications import site_url
    from samskap.core.selectors import hub_settings_get

    application = (Application.objects.select_related("round__incubator", "idea", "applicant")
                   .filter(pk=application_id).first())
    if application is None or application.decision not in DECISIONS:
        return 0
    user_ids = set(TeamMember.objects.filter(idea_id=application.idea_id, user__isnull=False,
                                             accepted_at__isnull=False).values_list("user_id", flat=True))
    if application.applicant_id:
        user_ids.add(application.applicant_id)
    users = list(User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"))
    hub = hub_settings_get()
    url = application.get_absolute_url()
    now = timezone.now()
    notifications = []
    for user in users:
        language = user.preferred_language or hub.default_language or settings.LANGUAGE_CODE
        with translation.override(language):
            title = _decision_title(application.decision, application.idea.title, application.round.incubator.name)
            notifications.append(Notification(
                user_id=user.pk, kind="application_decision", title=title, body=application.decision_message,
                url=url, key=f"application-decision:{application.pk}:{decided_at}:{user.pk}", created_at=now))
            if not user.email:
                continue
            context = {"user": user, "application": application, "idea": application.idea,
                       "round": application.round, "incubator": application.round.incubator, "hub": hub,
                       "decision": application.decision, "application_url": site_url() + url}
            try:
                EmailMessage(title, render_to_string("ideas/emails/decision.txt", context), to=[user.email],
                             reply_to=[hub.contact_email] if hub.contact_email else None,
                             headers={"Content-Language": language, "Auto-Submitted": "auto-generated"}).send()
            except Exception:
                logger.exception("The decision e-mail for application %s could not be sent", application.pk)
    notifications_add(notifications=notifications)
    return len(users)
