"""Links from the challenge pages to the idea pages (part B's), safe while those pages are not routed."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def idea_url(idea) -> str:
    try:
        return reverse("ideas:idea", args=[idea.pk])
    except NoReverseMatch:
        return ""


@register.simple_tag
def idea_new_url(challenge) -> str:
    """Where a member submits an idea answering `challenge`."""
    try:
        return f"{reverse('ideas:idea_new')}?challenge={challenge.pk}"
    except NoReverseMatch:
        return ""
