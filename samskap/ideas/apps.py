from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "samskap.ideas"
    verbose_name = _("ideas and challenges")

    def ready(self):
        from samskap.core.fragments import IDEAS, generation_follows

        from . import permissions  # noqa: F401  (registers the rules)
        from . import search  # noqa: F401  (registers ideas and challenges as kinds of search result)
        from . import models as m

        # Visitors' cached copies of the lists, pages and API answers (samskap.core.fragments) follow every
        # write, including the counts the services keep with queryset updates (their rows' signals do it).
        generation_follows(IDEAS, models=(
            m.Idea, m.IdeaNeed, m.IdeaImage, m.TeamMember, m.StageChange, m.LogEntry, m.Support, m.Comment,
            m.Challenge, m.ProblemTreeNode, m.Stage, m.ChecklistItem, m.Incubator, m.IntakeRound,
            m.CohortMembership, m.MentorAssignment, m.DotVote,
        ), relations=(m.Idea.themes.through, m.Challenge.themes.through, m.Challenge.places.through,
                      m.Incubator.facilitators.through, m.DotVote.ideas.through))
