"""The community section of an idea's page (part C): `{% idea_community idea as community %}` loads what
`ideas/partials/idea_community.html` shows (three queries at most), for the viewer in the template's context."""

from django import template

from samskap.ideas import selectors_community
from samskap.ideas.forms_community import comment_form

register = template.Library()


@register.simple_tag(takes_context=True)
def idea_community(context, idea):
    """The community section for the viewer: the page of comment threads comes from `?cpage=`."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    page = request.GET.get("cpage") if request is not None else None
    return selectors_community.community_for(idea=idea, user=user, page=page)


@register.simple_tag
def new_comment_form():
    return comment_form(key="new")


@register.simple_tag
def reply_form(node):
    return comment_form(key=f"c{node.comment.pk}", reply_to=node.comment.pk)
