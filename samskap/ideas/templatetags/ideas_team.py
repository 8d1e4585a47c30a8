"""Template tags for part B2's sections of the idea page: each loads its own data with a fixed number of queries
(the viewer's roles are cached on the idea)."""

from django import template

from samskap.ideas import selectors_team
from samskap.ideas.forms_team import LogEntryForm, StageMoveForm

register = template.Library()


@register.simple_tag
def idea_team_section(idea, user):
    return selectors_team.team_section(idea=idea, user=user)


@register.simple_tag
def idea_stage_section(idea, user):
    section = selectors_team.stage_section(idea=idea, user=user)
    section.form = StageMoveForm(idea=idea, stages=section.stages) if section.may_move else None
    return section


@register.simple_tag
def idea_timeline_section(idea, user):
    line = selectors_team.timeline(idea=idea, user=user)
    line.form = LogEntryForm() if line.may_post else None
    return line
