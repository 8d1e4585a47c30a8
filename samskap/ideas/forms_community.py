"""Forms of an idea's community (part C): a comment or reply (with a honeypot), a report, a moderator's reason."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Comment, Idea, Report

HONEYPOT = "website"
BODY_MAX_LENGTH = Comment._meta.get_field("body").max_length
REPORT_REASON_MAX = Report._meta.get_field("reason").max_length
HIDDEN_REASON_MAX = Idea._meta.get_field("hidden_reason").max_length


class CommentForm(forms.Form):
    """A comment, or a reply when `parent` is set. Several are on the idea's page at once: give each its own
    `auto_id` (see `comment_form`)."""

    body = forms.CharField(
        label=_("Your comment"), max_length=BODY_MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment.")})
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (and from screen readers); robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), max_length=BODY_MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a comment.")})


def comment_form(data=None, *, key: str = "new", reply_to: int | None = None, **kwargs) -> CommentForm:
    form = CommentForm(data, auto_id=f"id_%s_{key}", initial={"parent": reply_to} if reply_to else None, **kwargs)
    if reply_to:
        form.fields["body"].label = _("Your reply")
    return form


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"), max_length=REPORT_REASON_MAX, strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only the moderators read this. They may hide what breaks the hub's rules."),
        error_messages={"required": _("Tell the moderators what is wrong.")})


class HideForm(forms.Form):
    """Why an item is hidden. Several are on the queue at once: give each its own `auto_id`."""

    reason = forms.CharField(
        label=_("Why it is hidden"), max_length=HIDDEN_REASON_MAX, strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The author sees this."),
        error_messages={"required": _("Tell the author why it is hidden.")})
