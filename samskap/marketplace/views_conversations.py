"""Pages for replies and conversations: the inbox, one conversation, attachments, blocks, and marking an ad
matched. Thin: forms take the input, services decide and write, selectors read. Never cached: every page
here is personal.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskap.core.uploads import CONTENT_TYPES

from . import selectors_conversations as selectors
from . import services_conversations as services
from .forms_conversations import MatchedForm, MessageForm, ReplyForm
from .models import Ad, Conversation

INBOX_PAGE_SIZE = 30


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _conversation_or_404(request, pk: int) -> Conversation:
    try:
        return selectors.conversation_get(pk=pk, user=request.user)
    except Conversation.DoesNotExist:
        raise Http404 from None


def _ad_or_404(request, pk: int) -> Ad:
    ad = Ad.objects.select_related("owner", "organisation").filter(pk=pk).first()
    if ad is None or not request.user.has_perm("marketplace.view_ad", ad):
        raise Http404
    return ad


@login_required
def inbox(request):
    paginator = Paginator(selectors.inbox_for(user=request.user), INBOX_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))  # the nearest page that exists
    return render(request, "marketplace/inbox.html", {
        "page": page, "conversations": page.object_list, "blocks": selectors.blocks_of(user=request.user),
        "messages_unread": selectors.unread_conversations_count(user_id=request.user.pk),
    })


@login_required
def conversation(request, pk: int):
    conversation = _conversation_or_404(request, pk)
    posted = request.method == "POST"
    form = MessageForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.message_send(conversation=conversation, by=request.user, body=form.cleaned_data["body"],
                                      attachment=form.cleaned_data.get("attachment"))
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Your message was sent."))
                return redirect(conversation.get_absolute_url() + "#latest")
    services.conversation_mark_read(conversation=conversation, by=request.user)
    is_owner = request.user.pk == conversation.ad.owner_id
    other = conversation.respondent if is_owner else conversation.ad.owner
    return render(request, "marketplace/conversation.html", {
        "conversation": conversation, "ad": conversation.ad, "is_owner": is_owner, "other": other,
        "messages_list": selectors.conversation_messages(conversation=conversation), "form": form,
        "i_blocked": selectors.has_blocked(blocker_id=request.user.pk, blocked_id=other.pk),
        "blocked_me": selectors.has_blocked(blocker_id=other.pk, blocked_id=request.user.pk),
        "can_mark_matched": is_owner and conversation.ad.status in (Ad.Status.OPEN, Ad.Status.EXPIRED)
        and conversation.ad.hidden_at is None,
    }, status=400 if form.errors else 200)


@login_required
def attachment(request, pk: int, message_pk: int):
    """A message's attachment, for the conversation's two parties only, always as a download."""
    conversation = _conversation_or_404(request, pk)
    message = conversation.messages.filter(pk=message_pk).first()
    if message is None or not message.attachment or message.hidden_at is not None:
        raise Http404
    extension = message.attachment.name.rsplit(".", 1)[-1].lower()
    try:
        handle = message.attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True,
                            content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
                            filename=message.attachment_name or f"attachment.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def reply(request, pk: int):
    """The first (or a further) reply to an ad, from the form on the ad's page."""
    ad = Ad.objects.select_related("owner", "organisation").filter(pk=pk, hidden_at__isnull=True).first()
    if ad is None:
        raise Http404
    if not request.user.has_perm("marketplace.view_ad", ad):  # closed or expired: say so, rather than "not found"
        return render(request, "marketplace/conversation_reply.html", {
            "ad": ad, "refusal": _("This ad is no longer open for replies.")}, status=400)
    existing = selectors.conversation_for_ad(ad=ad, user=request.user)
    posted = request.method == "POST"
    form = ReplyForm(request.POST if posted else None, request.FILES if posted else None, user=request.user,
                     initial={"organisation": existing.respondent_organisation_id if existing else None})
    refusal = _reply_refusal(request, ad)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            message = services.ad_reply(ad=ad, by=request.user, body=form.cleaned_data["body"],
                                        attachment=form.cleaned_data.get("attachment"),
                                        organisation=form.cleaned_data.get("organisation"))
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied:
            raise
        else:
            messages.success(request, _("Your reply was sent. Only you and the ad's owner see this conversation."))
            return redirect(message.conversation.get_absolute_url() + "#latest")
    status = 400 if (request.method == "POST" and (form.errors or refusal)) else 200
    return render(request, "marketplace/conversation_reply.html", {
        "ad": ad, "form": form, "refusal": refusal, "existing": existing}, status=status)


def _reply_refusal(request, ad: Ad) -> str | None:
    """Why the member cannot reply to the ad, in words; None when they can."""
    if ad.owner_id == request.user.pk:
        return _("You cannot reply to your own ad.")
    if not services.ad_is_open_for_replies(ad):
        return _("This ad is no longer open for replies.")
    if not rules.has_perm("marketplace.reply_ad", request.user, ad):
        return _("You cannot reply to an ad of your own organisation.")
    if selectors.has_blocked(blocker_id=ad.owner_id, blocked_id=request.user.pk):
        return _("%(name)s does not accept messages from you.") % {"name": ad.owner.display_name}
    return None


@login_required
@require_POST
def block(request, pk: int):
    conversation = _conversation_or_404(request, pk)
    other = conversation.respondent if request.user.pk == conversation.ad.owner_id else conversation.ad.owner
    try:
        services.block_create(blocker=request.user, blocked=other)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You blocked %(name)s. They cannot send you messages any more. You can unblock "
                                    "them from your messages page.") % {"name": other.display_name})
    return redirect(conversation.get_absolute_url())


@login_required
@require_POST
def unblock(request, user_pk: int):
    if services.block_delete(blocker=request.user, blocked_id=user_pk):
        messages.success(request, _("Unblocked. They can send you messages again."))
    return redirect("marketplace:inbox")


@login_required
def ad_matched(request, pk: int):
    """The owner picks the partners among the respondents and marks the ad matched."""
    ad = _ad_or_404(request, pk)
    if not request.user.has_perm("marketplace.change_ad", ad):
        raise PermissionDenied
    conversations = selectors.respondents_of(ad=ad)
    form = MatchedForm(request.POST if request.method == "POST" else None, conversations=conversations)
    if request.method == "POST" and form.is_valid():
        try:
            services.ad_mark_matched(ad=ad, by=request.user, conversations=form.picked())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The ad is marked matched. The partnership now shows on both profiles."))
            return redirect(ad.get_absolute_url())
    return render(request, "marketplace/matched.html", {
        "ad": ad, "form": form, "conversations": conversations,
        "can_match": ad.status in (Ad.Status.OPEN, Ad.Status.EXPIRED) and ad.hidden_at is None,
    }, status=400 if form.errors else 200)
