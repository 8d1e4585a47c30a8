"""`{% messages_link %}`: the link to the member's conversations with how many have unread messages, for the
marketplace pages' sub-navigation. The count is cached per member (one query a minute at most)."""

from django import template

from ..selectors_conversations import unread_conversations_count

register = template.Library()


@register.inclusion_tag("marketplace/conversation_nav_link.html", takes_context=True)
def messages_link(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "count": unread_conversations_count(user_id=user.pk),
            "current": request.resolver_match and request.resolver_match.url_name in ("inbox", "conversation")}


@register.inclusion_tag("marketplace/conversation_reply_box.html", takes_context=True)
def ad_reply_box(context, ad, is_owner=False) -> dict:
    """The reply part of an ad's page: the form for members who may reply, a link to their conversation when
    they have one, the reason when they cannot, and for the owner the way to mark the ad matched."""
    from ..forms_conversations import ReplyForm
    from ..selectors_conversations import conversation_for_ad
    from ..views_conversations import _reply_refusal

    request = context.get("request")
    user = getattr(request, "user", None)
    data = {"ad": ad, "is_owner": is_owner, "request": request, "csrf_token": context.get("csrf_token")}
    if user is None or not user.is_authenticated:
        return {**data, "visitor": True}
    if is_owner:
        return {**data, "can_mark_matched": ad.status in ("open", "expired") and ad.hidden_at is None,
                "reply_count": ad.conversations.count()}
    existing = conversation_for_ad(ad=ad, user=user)
    refusal = _reply_refusal(request, ad)
    form = None
    if refusal is None:
        form = ReplyForm(user=user, auto_id="reply_%s",
                         initial={"organisation": existing.respondent_organisation_id if existing else None})
    return {**data, "existing": existing, "refusal": refusal, "form": form}
