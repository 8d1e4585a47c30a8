"""Live workshops: a facilitator runs a method on a projector while participants take part on their phones.

- A **workshop** belongs to an event or stands alone; it has a **method** (World Café, Open Space, dot voting,
  vision battle), a short **code** participants type (or scan as a QR code) to join, and a **version** that
  goes up with every change, so every screen can tell whether it shows the latest state.
- **Participants** join as members or as guests with a display name; a per-device token (a cookie) tells
  them apart, so one device votes once per round.
- **Rounds** carry a question (World Café) or a title (vision battle) and a time limit.
- World Café: **tables** with hosts, **seats** per round, the hosts' **harvest** per round and table, and the
  shared **insights** the facilitator gathers (each can become an idea or a challenge).
- Open Space: **time slots** × **spaces**, **topics** posted by participants and placed in the grid,
  **attendance** ("I will go"), notes and **action items** per topic.
- Dot voting: **options** (free text, an idea or an insight) and each participant's **dots** on them.
- Vision battle: **visionaries** (name and vision), **votes** per round (keep / out, or one for the best).
Everything stays in the database once the workshop is finished: results pages, exports and the API read it.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskap.actors.models import ContentLanguage

# Letters and digits nobody confuses when reading them off a projector (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def device_hash(token: str) -> str:
    """The stored form of a device token (the cookie holds the token itself)."""
    return hashlib.sha256(token.encode()).hexdigest()


class Workshop(models.Model):
    class Method(models.TextChoices):
        WORLD_CAFE = "world_cafe", _("World Café")
        OPEN_SPACE = "open_space", _("Open Space")
        DOT_VOTING = "dot_voting", _("dot voting")
        VISION_BATTLE = "vision_battle", _("vision battle")

    class Status(models.TextChoices):
        PREPARING = "preparing", _("preparing")
        LIVE = "live", pgettext_lazy("workshop", "live")
        FINISHED = "finished", pgettext_lazy("workshop", "finished")

    class TableMode(models.TextChoices):
        RANDOM = "random", _("mixed at random between rounds")
        FREE = "free", _("participants choose their table")

    class BattleMode(models.TextChoices):
        BEST = "best", _("one vote for the best vision")
        KEEP_OUT = "keep_out", _("keep or out for each vision")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("theme and purpose"), max_length=3000, blank=True)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREPARING)
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, default=new_code)
    language = models.CharField(_("language"), max_length=2, choices=ContentLanguage.choices,
                                default=ContentLanguage.SV)
    event = models.ForeignKey("events.Event", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="workshops", verbose_name=_("event"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("created by"))
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_workshops",
                                          verbose_name=_("facilitators"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    # The live state every screen shows.
    version = models.PositiveIntegerField(default=0, editable=False)
    current_round = models.ForeignKey("Round", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    phase = models.CharField(_("step"), max_length=20, blank=True)  # method-specific: "topics", "agenda", "insights" …
    results_visible = models.BooleanField(_("results shown to everyone"), default=False)
    timer_ends_at = models.DateTimeField(_("timer ends"), null=True, blank=True)

    # Preparation, per method.
    round_minutes = models.PositiveSmallIntegerField(_("minutes per round"), default=20)
    table_mode = models.CharField(_("tables"), max_length=10, choices=TableMode.choices, default=TableMode.RANDOM)
    dots_per_participant = models.PositiveSmallIntegerField(_("dots per participant"), default=3)
    live_tally = models.BooleanField(_("show the tally on the projector while voting"), default=True)
    battle_mode = models.CharField(_("how the audience votes"), max_length=10, choices=BattleMode.choices,
                                   default=BattleMode.BEST)
    drop_per_round = models.PositiveSmallIntegerField(_("visions out per round"), default=1)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshops:workshop", args=[self.pk])

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.FINISHED


class Participant(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="workshop_participations")
    device = models.CharField(max_length=64)  # device_hash(token)
    display_name = models.CharField(_("display name"), max_length=60)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "device"], name="workshops_participant_one_per_device"),
            models.UniqueConstraint(fields=["workshop", "user"], condition=Q(user__isnull=False),
                                    name="workshops_participant_one_per_member"),
        ]

    def __str__(self):
        return self.display_name


class Round(models.Model):
    """A World Café round (with its question) or a vision-battle round (visions presented, then a vote)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    question = models.CharField(_("question"), max_length=300, blank=True)
    minutes = models.PositiveSmallIntegerField(_("time limit in minutes"), default=20)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    voting_open = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["workshop", "number"]
        constraints = [models.UniqueConstraint(fields=["workshop", "number"], name="workshops_round_number")]

    def __str__(self):
        return self.question or str(self.number)


# World Café


class CafeTable(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=60, blank=True)
    host = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="hosted_tables",
                             verbose_name=_("host"))

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["workshop", "number"]
        constraints = [models.UniqueConstraint(fields=["workshop", "number"], name="workshops_table_number")]

    def __str__(self):
        return self.name or str(self.number)


class Seat(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="seats")
    table = models.ForeignKey(CafeTable, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="seats")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "participant"], name="workshops_seat_one_per_round")]


class Harvest(models.Model):
    """What a table found in a round, written by its host."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="harvests")
    table = models.ForeignKey(CafeTable, on_delete=models.CASCADE, related_name="harvests")
    text = models.TextField(_("harvest"), max_length=5000, blank=True)
    written_by = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("harvest")
        verbose_name_plural = _("harvests")
        ordering = ["round__number", "table__number"]
        constraints = [models.UniqueConstraint(fields=["round", "table"], name="workshops_harvest_per_table")]


class Insight(models.Model):
    """A shared insight gathered at the end; it can become an idea or a challenge."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="insights")
    text = models.CharField(_("insight"), max_length=500)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    idea = models.ForeignKey("ideas.Idea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    challenge = models.ForeignKey("ideas.Challenge", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")

    class Meta:
        verbose_name = _("insight")
        verbose_name_plural = _("insights")
        ordering = ["workshop", "position", "pk"]

    def __str__(self):
        return self.text


# Open Space


class TimeSlot(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="slots")
    label = models.CharField(_("time"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["workshop", "position", "pk"]

    def __str__(self):
        return self.label


class Space(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="spaces")
    name = models.CharField(_("space"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["workshop", "position", "pk"]

    def __str__(self):
        return self.name


class Topic(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("topic"), max_length=200)
    convener = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="convened_topics", verbose_name=_("convener"))
    convener_name = models.CharField(_("convener"), max_length=60)
    description = models.CharField(_("short description"), max_length=500, blank=True)
    slot = models.ForeignKey(TimeSlot, on_delete=models.SET_NULL, null=True, blank=True, related_name="topics")
    space = models.ForeignKey(Space, on_delete=models.SET_NULL, null=True, blank=True, related_name="topics")
    notes = models.TextField(_("notes"), max_length=10000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["workshop", "created_at", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["slot", "space"], condition=Q(slot__isnull=False, space__isnull=False),
            name="workshops_topic_one_per_cell")]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendance")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "participant"], name="workshops_attendance_once")]


class ActionItem(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("who"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["topic", "created_at", "pk"]


# Dot voting


class Option(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("option"), max_length=300)
    idea = models.ForeignKey("ideas.Idea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    insight = models.ForeignKey(Insight, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["workshop", "position", "pk"]

    def __str__(self):
        return self.text


class Dots(models.Model):
    """How many of a participant's dots are on an option (setting it again to the same number changes nothing)."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="dots")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="dots")
    count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["option", "participant"], name="workshops_dots_once")]


# Vision battle


class Visionary(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="visionaries")
    name = models.CharField(_("name"), max_length=100)
    vision = models.CharField(_("vision"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    out_in_round = models.ForeignKey(Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="out",
                                     verbose_name=_("out in round"))
    winner = models.BooleanField(_("winner"), default=False)

    class Meta:
        verbose_name = _("visionary")
        verbose_name_plural = _("visionaries")
        ordering = ["workshop", "position", "pk"]

    def __str__(self):
        return f"{self.name}: {self.vision}"


class BattleVote(models.Model):
    class Choice(models.TextChoices):
        BEST = "best", _("the best")
        KEEP = "keep", _("keep")
        OUT = "out", pgettext_lazy("vision battle", "out")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    visionary = models.ForeignKey(Visionary, on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(max_length=4, choices=Choice.choices)
    voted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # Keep or out: one choice per device, round and vision; the best: one vote per device and round.
            models.UniqueConstraint(fields=["round", "participant", "visionary"], name="workshops_vote_per_vision"),
            models.UniqueConstraint(fields=["round", "participant"], condition=Q(choice="best"),
                                    name="workshops_vote_one_best"),
        ]
