"""The idea page's incubator section: `{% idea_incubator_section idea user as section %}` (four queries at most)."""

from django import template

from ..selectors_cohort import IncubatorSection, incubator_section

register = template.Library()


@register.simple_tag
def idea_incubator_section(idea, user) -> IncubatorSection:
    return incubator_section(idea=idea, user=user)
