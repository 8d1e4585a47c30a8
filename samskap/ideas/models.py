"""Ideas, challenges and the neighbourhood-incubator pipeline.

- A **challenge** is a problem owned by an organisation or by the hub (no organisation), with a problem
  tree: the core problem, its causes and its effects. Ideas answer it.
- An **idea** is submitted by a member (kept as a draft until published), developed by its **team**, moved
  through hub-curated **stages** (each mapped to one of COK's phases pre-ject / pro-ject / post-ject, with
  an optional checklist), with a **logbook**, **supporters**, **followers** and threaded **comments**.
- An **incubator** (one per neighbourhood or municipality, run by its facilitators) opens **intake rounds**;
  ideas apply, **reviewers** score applications against the round's weighted **rubric**, the facilitators
  decide; accepted ideas join the incubator's **cohort**, where **mentors** log **support sessions** and
  the team keeps **milestones**.
- A **dot vote** lets participants spread N dots over a set of ideas (a challenge's or a round's).
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage, Organisation
from samskap.core.models import Place, Theme


def _label(labels: dict, fallback: str) -> str:
    language = translation.get_language() or "en"
    return labels.get(language) or labels.get("en") or fallback


class Phase(models.TextChoices):
    """COK's innovation model: before the project, the project, after it."""

    PRE_JECT = "pre_ject", _("pre-ject")
    PRO_JECT = "pro_ject", _("pro-ject")
    POST_JECT = "post_ject", _("post-ject")


class Stage(models.Model):
    """A step of the pipeline, curated by the hub (renamed and added on /ideas/stages/), labelled in four
    languages. The demo's stages: idea, exploring, testing, established (in progress), paused and ended
    (set aside; `is_active` False for those two, so boards show them apart)."""

    slug = models.SlugField(_("short name"), max_length=40, unique=True)
    labels = models.JSONField(_("names"), default=dict,
                              help_text=_('The name in each language, e.g. {"en": "Testing", "sv": "Testar"}.'))
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in progress"), default=True,
                                    help_text=_("Off for stages where work has stopped, such as paused or ended."))

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _label(self.labels, self.slug)


class ChecklistItem(models.Model):
    """Something a team works through in a stage (e.g. testing: a test plan, the first users, a budget)."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="checklist", verbose_name=_("stage"))
    labels = models.JSONField(_("names"), default=dict)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["stage", "position", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _label(self.labels, f"#{self.pk}")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("everyone")
    MEMBERS = "members", _("network members")
    TEAM = "team", _("the team only")


class ChallengeQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden_at__isnull=True)


class Challenge(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("challenge", "open")
        SELECTING = "selecting", _("selecting ideas")
        CLOSED = "closed", pgettext_lazy("challenge", "closed")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10000)
    why_it_matters = models.TextField(_("why it matters"), max_length=5000, blank=True)
    core_problem = models.CharField(_("core problem"), max_length=500,
                                    help_text=_("The problem at the trunk of the problem tree, in one sentence."))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="challenges", verbose_name=_("owned by"),
                                     help_text=_("Leave empty for a challenge owned by the hub."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="challenges_created", verbose_name=_("created by"))
    themes = models.ManyToManyField(Theme, blank=True, related_name="challenges", verbose_name=_("themes"))
    places = models.ManyToManyField(Place, blank=True, related_name="challenges", verbose_name=_("places"))
    target_groups = models.CharField(_("target groups"), max_length=500, blank=True,
                                     help_text=_("Who is affected, e.g. young people outside work and school."))
    open_until = models.DateField(_("open until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at"], name="challenge_status_newest")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:challenge", args=[self.pk])

    @property
    def owner_name(self) -> str:
        return self.organisation.name if self.organisation_id else _("the hub")


class ProblemTreeNode(models.Model):
    """A cause (a root of the tree) or an effect (a branch) of a challenge's core problem, in order."""

    class Kind(models.TextChoices):
        CAUSE = "cause", _("cause")
        EFFECT = "effect", _("effect")

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="tree_nodes")
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("cause or effect")
        verbose_name_plural = _("causes and effects")
        ordering = ["challenge", "kind", "position", "id"]

    def __str__(self) -> str:
        return self.text


class IdeaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, hidden_at__isnull=True)

    def public(self):
        return self.published().filter(visibility=Visibility.PUBLIC)


class Idea(models.Model):
    """An idea or initiative. A draft (no `published_at`) is seen by its team only."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, help_text=_("One or two sentences."))
    problem = models.TextField(_("the problem"), max_length=5000, blank=True)
    challenge = models.ForeignKey(Challenge, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="ideas", verbose_name=_("answers the challenge"))
    target_group = models.CharField(_("who it is for"), max_length=500, blank=True)
    solution = models.TextField(_("the solution"), max_length=10000, blank=True)
    place = models.ForeignKey(Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas",
                              verbose_name=_("where"), help_text=_("A municipality or neighbourhood."))
    location = models.CharField(_("neighbourhood or address"), max_length=200, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="ideas", verbose_name=_("themes"))
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    visibility = models.CharField(_("who can see it"), max_length=8, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("stage"))
    stage_changed_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="ideas_authored", verbose_name=_("submitted by"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Kept by the services (F() updates), so lists sort and show them without a count per row.
    support_count = models.PositiveIntegerField(_("supporters"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="idea_published_newest",
                         condition=models.Q(published_at__isnull=False, hidden_at__isnull=True)),
            models.Index(fields=["stage", "-published_at"], name="idea_stage_newest"),
            models.Index(fields=["challenge", "-support_count"], name="idea_challenge_support"),
            models.Index(fields=["-support_count", "-id"], name="idea_most_supported"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:idea", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class IdeaNeed(models.Model):
    """What the idea needs, one short text per kind."""

    class Kind(models.TextChoices):
        COMPETENCE = "competence", _("competence")
        FUNDING = "funding", _("funding")
        PREMISES = "premises", _("premises")
        PARTNERS = "partners", _("partners")
        VOLUNTEERS = "volunteers", _("volunteers")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("what exactly"), max_length=300)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["idea", "kind"]
        constraints = [models.UniqueConstraint(fields=["idea", "kind"], name="idea_need_once_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"


class LogEntry(models.Model):
    """An update the team posts in the idea's logbook; followers are notified."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="log_entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                               verbose_name=_("written by"))
    body = models.TextField(_("update"), max_length=10000)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)

    class Meta:
        verbose_name = _("logbook update")
        verbose_name_plural = _("logbook updates")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["idea", "-created_at"], name="log_entry_idea_newest")]

    def __str__(self) -> str:
        return self.body[:60]


def idea_image_path(instance, filename: str) -> str:
    return f"ideas/{instance.idea_id}/{secrets.token_hex(8)}.jpg"


class IdeaImage(models.Model):
    """A picture of the idea (or of one logbook update), re-encoded on upload, always with alt text."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="images")
    log_entry = models.ForeignKey(LogEntry, on_delete=models.CASCADE, null=True, blank=True, related_name="images")
    image = models.ImageField(_("image"), upload_to=idea_image_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt_text = models.CharField(_("description of the image"), max_length=300,
                                help_text=_("What the image shows, for people who cannot see it."))
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.alt_text


class TeamMember(models.Model):
    """A member of an idea's team, or an invitation sent by e-mail (no `user` until it is accepted)."""

    class Role(models.TextChoices):
        INITIATOR = "initiator", _("initiator")
        CO_FOUNDER = "co_founder", _("co-founder")
        VOLUNTEER = "volunteer", _("volunteer")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="idea_teams")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VOLUNTEER)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Where the invitation was sent."))
    token = models.CharField(max_length=64, blank=True, default="", editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    invited_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(_("joined"), null=True, blank=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        ordering = ["idea", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="team_member_once",
                                    condition=models.Q(user__isnull=False)),
            models.UniqueConstraint(fields=["idea", "email"], name="team_invitation_once",
                                    condition=models.Q(user__isnull=True)),
        ]
        indexes = [models.Index(fields=["user", "accepted_at"], name="team_member_user")]

    def __str__(self) -> str:
        return f"{self.idea} – {self.user or self.email}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None


class StageChange(models.Model):
    """Who moved the idea from which stage to which, when and why: the idea's timeline."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                   verbose_name=_("from"))
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+", verbose_name=_("to"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                           verbose_name=_("moved by"))
    reason = models.CharField(_("why"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["idea", "-created_at"], name="stage_change_idea_newest")]


class ChecklistTick(models.Model):
    """A checklist item the team has done for this idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="checklist_ticks")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="+")
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "item"], name="checklist_tick_once")]


class Support(models.Model):
    """One member's support for an idea (at most one each)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="support_once_per_member")]


class Follow(models.Model):
    """A member who is told about the idea's logbook updates, stage changes and comments."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="follow_once_per_member")]


class Comment(models.Model):
    """A comment on an idea, or a reply to one (`parent`): threads of any depth, shown indented to a limit."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies",
                               verbose_name=_("in reply to"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                               verbose_name=_("written by"))
    body = models.TextField(_("comment"), max_length=5000)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["idea", "created_at"], name="comment_idea_in_order")]

    def __str__(self) -> str:
        return self.body[:60]


class Report(models.Model):
    """A member's report of an idea or a comment, for the moderators (hub admins and facilitators)."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("to be looked at")
        HIDDEN = "hidden", _("hidden")
        DISMISSED = "dismissed", _("no action")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("reported by"))
    reason = models.TextField(_("what is wrong"), max_length=2000)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.OPEN)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = pgettext_lazy("moderation", "report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(
            condition=models.Q(idea__isnull=False) | models.Q(comment__isnull=False),
            name="idea_report_is_about_something")]


class Incubator(models.Model):
    """A neighbourhood or municipal incubator, run by its facilitators."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    place = models.ForeignKey(Place, on_delete=models.SET_NULL, null=True, blank=True, related_name="incubators",
                              verbose_name=_("place"))
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="incubators", verbose_name=_("run by the organisation"))
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="incubators_facilitated",
                                          verbose_name=_("facilitators"))
    ideas = models.ManyToManyField(Idea, through="CohortMembership", related_name="incubators", blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("incubator")
        verbose_name_plural = _("incubators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ideas:incubator", args=[self.slug])


class IntakeRound(models.Model):
    """A call for applications to an incubator, open between two dates, with its own questions and rubric."""

    incubator = models.ForeignKey(Incubator, on_delete=models.CASCADE, related_name="rounds",
                                  verbose_name=_("incubator"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("the call"), max_length=10000)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"), help_text=_("Applications are accepted until the end of this day."))
    challenge = models.ForeignKey(Challenge, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="rounds", verbose_name=_("for the challenge"))
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="rounds_reviewing",
                                       verbose_name=_("reviewers"))
    decisions_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("intake round")
        verbose_name_plural = _("intake rounds")
        ordering = ["-opens_on", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                              name="round_closes_after_it_opens")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:round", args=[self.pk])

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class RoundQuestion(models.Model):
    """An extra question of a round's application form."""

    round = models.ForeignKey(IntakeRound, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["round", "position", "id"]

    def __str__(self) -> str:
        return self.text


class RubricCriterion(models.Model):
    """A criterion reviewers score from `min_score` to `max_score`; the total weighs each by `weight`."""

    round = models.ForeignKey(IntakeRound, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.CharField(_("what to look for"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    min_score = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("rubric")
        ordering = ["round", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(max_score__gt=models.F("min_score")), name="criterion_range"),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    """An idea applying to an intake round, with the answers to the round's questions and the decision."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("not decided")
        ACCEPTED = "accepted", _("accepted")
        WAITLISTED = "waitlisted", _("waitlisted")
        DECLINED = "declined", _("declined")

    round = models.ForeignKey(IntakeRound, on_delete=models.CASCADE, related_name="applications")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                                  verbose_name=_("applicant"))
    answers = models.JSONField(_("answers"), default=dict, blank=True,
                               help_text=_("The answer to each question, by the question's id."))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decision_message = models.TextField(_("message to the applicant"), max_length=5000, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["round", "submitted_at", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "idea"], name="application_once_per_round")]

    def __str__(self) -> str:
        return f"{self.idea} → {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("ideas:application", args=[self.pk])


class Review(models.Model):
    """One reviewer's scores for one application. Until `submitted_at`, the reviewer does not see the others'."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    comment = models.TextField(_("comment"), max_length=5000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="review_once_per_reviewer")]


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(RubricCriterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"], name="score_once_per_criterion")]


class CohortMembership(models.Model):
    """An idea in an incubator's cohort (accepted from a round, or added by a facilitator), with its place
    on the facilitators' board (a column per stage, ordered by `board_position`)."""

    incubator = models.ForeignKey(Incubator, on_delete=models.CASCADE, related_name="cohort")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="cohort_memberships")
    application = models.ForeignKey(Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    board_position = models.PositiveIntegerField(default=0)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort")
        ordering = ["board_position", "id"]
        constraints = [models.UniqueConstraint(fields=["incubator", "idea"], name="cohort_once_per_idea")]


class MentorAssignment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="mentor_assignments")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring",
                               verbose_name=_("mentor"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        constraints = [models.UniqueConstraint(fields=["idea", "mentor"], name="mentor_once_per_idea")]


class SupportSession(models.Model):
    """A mentor's support session with the team. Private: the team, its mentors and the facilitators."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="support_sessions")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                               verbose_name=_("mentor"))
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes"), max_length=10000)
    next_steps = models.TextField(_("agreed next steps"), max_length=5000, blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support session")
        verbose_name_plural = _("support sessions")
        ordering = ["-date", "-id"]


class Milestone(models.Model):
    """A milestone the team sets itself, with a due date; `ideas_tick` reminds the team before it is due."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["due_on"], name="milestone_due_open",
                                condition=models.Q(done_at__isnull=True, reminder_sent_at__isnull=True))]

    def __str__(self) -> str:
        return self.title


class DotVote(models.Model):
    """A facilitator's vote over a set of ideas: each participant spreads `dots_per_participant` dots (several
    on one idea if they like); the results are shown when the vote closes (or live, if `show_live`)."""

    title = models.CharField(_("title"), max_length=200)
    incubator = models.ForeignKey(Incubator, on_delete=models.CASCADE, null=True, blank=True, related_name="votes")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, null=True, blank=True, related_name="votes")
    round = models.ForeignKey(IntakeRound, on_delete=models.CASCADE, null=True, blank=True, related_name="votes")
    ideas = models.ManyToManyField(Idea, related_name="dot_votes", verbose_name=_("ideas"))
    dots_per_participant = models.PositiveSmallIntegerField(_("dots each"), default=3)
    show_live = models.BooleanField(_("show the tally while voting"), default=False)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("dot vote")
        verbose_name_plural = _("dot votes")
        ordering = ["-opened_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(dots_per_participant__gte=1),
                                              name="dot_vote_at_least_one_dot")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:dot_vote", args=[self.pk])

    def is_closed(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.closed_at is not None or (self.closes_at is not None and self.closes_at <= now)


class Dot(models.Model):
    """The dots one participant put on one idea in a vote."""

    vote = models.ForeignKey(DotVote, on_delete=models.CASCADE, related_name="dots")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vote", "idea", "user"], name="dots_once_per_idea_and_voter"),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="dot_count_positive"),
        ]
