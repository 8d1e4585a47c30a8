"""Factories for ideas, challenges and the incubator. Shared by every part's tests.

The stages come from the data migration (idea, exploring, testing, established, paused, ended): use
`stage("testing")`.
"""

import datetime

import factory
from django.utils import timezone

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import (Application, Challenge, Comment, DotVote, Idea, Incubator, IntakeRound,
                                  MentorAssignment, ProblemTreeNode, Review, RoundQuestion, RubricCriterion, Stage,
                                  SupportSession, TeamMember)


def stage(slug: str = "idea") -> Stage:
    return Stage.objects.get(slug=slug)


class ChallengeFactory(factory.django.DjangoModelFactory):
    """An open Swedish challenge owned by the hub. `ChallengeFactory(themes=[…], places=[…])`."""

    class Meta:
        model = Challenge
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Unga utanför arbete och studier {n}")
    description = "Var femte ung person i stadsdelen varken arbetar eller studerar."
    why_it_matters = "Utanförskap tidigt i livet följer med länge."
    core_problem = "Unga i stadsdelen står utanför arbete och studier"
    target_groups = "Unga 16–29 år"
    language = "sv"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def places(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.places.set(extracted)


class ProblemTreeNodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProblemTreeNode

    challenge = factory.SubFactory(ChallengeFactory)
    kind = "cause"
    text = factory.Sequence(lambda n: f"Få sommarjobb {n}")
    position = factory.Sequence(int)


class IdeaFactory(factory.django.DjangoModelFactory):
    """A published, public Swedish idea in the stage "idea", whose author is its accepted initiator.

    `IdeaFactory(published_at=None)` is a draft; `IdeaFactory(stage=stage("testing"), themes=[…])`."""

    class Meta:
        model = Idea
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Terapihundar på äldreboendet {n}")
    summary = "Hundar som besöker äldre och barn, med utbildade hundförare."
    problem = "Många äldre är ensamma."
    solution = "Volontärer med utbildade hundar besöker äldreboenden varje vecka."
    target_group = "Äldre på boenden"
    language = "sv"
    visibility = "public"
    stage = factory.LazyFunction(lambda: stage("idea"))
    author = factory.SubFactory(UserFactory)
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def initiator(obj, create, extracted, **kwargs):
        if create and obj.author_id:
            TeamMember.objects.create(idea=obj, user=obj.author, role=TeamMember.Role.INITIATOR,
                                      accepted_at=timezone.now())

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)


class TeamMemberFactory(factory.django.DjangoModelFactory):
    """An accepted co-founder. `TeamMemberFactory(idea=idea, role="volunteer")`."""

    class Meta:
        model = TeamMember

    idea = factory.SubFactory(IdeaFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamMember.Role.CO_FOUNDER
    accepted_at = factory.LazyFunction(timezone.now)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Bra idé! Har ni pratat med kommunen? {n}")


class IncubatorFactory(factory.django.DjangoModelFactory):
    """An incubator; `IncubatorFactory(facilitators=[user])`."""

    class Meta:
        model = Incubator
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Grannskapsinkubatorn Rosengård {n}")
    slug = factory.Sequence(lambda n: f"rosengard-{n}")
    description = "En inkubator för idéer från boende i Rosengård."

    @factory.post_generation
    def facilitators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.facilitators.set(extracted)


class IntakeRoundFactory(factory.django.DjangoModelFactory):
    """A round open from a week ago to three weeks ahead; `IntakeRoundFactory(reviewers=[a, b])`."""

    class Meta:
        model = IntakeRound
        skip_postgeneration_save = True

    incubator = factory.SubFactory(IncubatorFactory)
    title = factory.Sequence(lambda n: f"Höstens intag {n}")
    description = "Har du en idé för din stadsdel? Sök till inkubatorn."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))

    @factory.post_generation
    def reviewers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.reviewers.set(extracted)


class RoundQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoundQuestion

    round = factory.SubFactory(IntakeRoundFactory)
    text = "Vilka har ni pratat med om idén?"
    position = factory.Sequence(int)


class RubricCriterionFactory(factory.django.DjangoModelFactory):
    """A criterion scored 1–5 with weight 1."""

    class Meta:
        model = RubricCriterion

    round = factory.SubFactory(IntakeRoundFactory)
    name = factory.Sequence(lambda n: f"Social nytta {n}")
    weight = 1
    min_score = 1
    max_score = 5
    position = factory.Sequence(int)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    round = factory.SubFactory(IntakeRoundFactory)
    idea = factory.SubFactory(IdeaFactory)
    applicant = factory.LazyAttribute(lambda o: o.idea.author)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    application = factory.SubFactory(ApplicationFactory)
    reviewer = factory.SubFactory(UserFactory)


class MentorAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorAssignment

    idea = factory.SubFactory(IdeaFactory)
    mentor = factory.SubFactory(UserFactory, is_mentor=True)


class SupportSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportSession

    idea = factory.SubFactory(IdeaFactory)
    mentor = factory.SubFactory(UserFactory, is_mentor=True)
    date = factory.LazyFunction(timezone.localdate)
    notes = "Vi gick igenom budgeten och hittade en lokal."
    next_steps = "Kontakta fastighetsägaren före fredag."


class DotVoteFactory(factory.django.DjangoModelFactory):
    """An open vote with three dots each; `DotVoteFactory(ideas=[a, b])`."""

    class Meta:
        model = DotVote
        skip_postgeneration_save = True

    title = "Vilka idéer ska vi gå vidare med?"
    opened_by = factory.SubFactory(UserFactory, is_facilitator=True)
    dots_per_participant = 3

    @factory.post_generation
    def ideas(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.ideas.set(extracted)


# B1 (ideas core) ---------------------------------------------------------------------------------------------

def image_upload(name: str = "photo.png", *, size=(800, 600), image_format: str = "PNG"):
    """An uploaded image file as a browser sends it (in memory)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(buffer, format=image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}.get(image_format, "image/png")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


# Part E (cohort) ---------------------------------------------------------------------------------------------

class MilestoneFactory(factory.django.DjangoModelFactory):
    """An open milestone due in two weeks."""

    class Meta:
        model = "ideas.Milestone"

    idea = factory.SubFactory(IdeaFactory)
    title = factory.Sequence(lambda n: f"Första testet med tio användare {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


# Part B2 (team, stages, logbook) -------------------------------------------------------------------------------

ROLES_AROUND = ["anonymous", "member", "team_volunteer", "core_team", "mentor", "incubator_facilitator",
                "facilitator", "hub_admin"]
B2_ROLES = [role for role in ROLES_AROUND if role != "facilitator"]


def people_around(idea: Idea, *, in_cohort: bool = True) -> dict:
    """One user for each role around `idea` (see ROLES_AROUND): its author is the core team; a volunteer, an
    assigned mentor, a hub-wide facilitator and an incubator facilitator (of an incubator whose cohort the idea is
    in, unless `in_cohort` is False: then of no incubator yet) are added."""
    from django.contrib.auth.models import AnonymousUser

    from samskap.ideas.models import CohortMembership

    facilitator = UserFactory()
    if in_cohort:
        CohortMembership.objects.create(incubator=IncubatorFactory(facilitators=[facilitator]), idea=idea)
    mentor = UserFactory(is_mentor=True)
    MentorAssignmentFactory(idea=idea, mentor=mentor)
    return {
        "anonymous": AnonymousUser(),
        "member": UserFactory(),
        "team_volunteer": TeamMemberFactory(idea=idea, role=TeamMember.Role.VOLUNTEER).user,
        "core_team": idea.author,
        "mentor": mentor,
        "incubator_facilitator": facilitator,
        "facilitator": UserFactory(is_facilitator=True),
        "hub_admin": UserFactory(is_superuser=True, is_staff=True),
    }
