"""Forms for replies, messages and marking an ad matched. They take input; the services decide and write."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from samskap.actors.selectors import organisations_of

from .services_conversations import ATTACHMENT_TYPES, BODY_MAX_LENGTH, attachment_max_bytes

ATTACHMENT_ACCEPT = ",".join(f".{extension}" for extension in ATTACHMENT_TYPES)


def _attachment_help() -> str:
    return _("Optional. PDF, Word, Excel, PowerPoint, OpenDocument text, plain text or an image (JPEG, PNG, WebP), "
             "at most %(max)s.") % {"max": filesizeformat(attachment_max_bytes())}


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=BODY_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 5}))
    attachment = forms.FileField(label=_("Attachment"), required=False,
                                 widget=forms.ClearableFileInput(attrs={"accept": ATTACHMENT_ACCEPT}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _attachment_help()
        self.fields["body"].error_messages["required"] = _("Write a message.")


class ReplyForm(MessageForm):
    """The first message to an ad's owner, optionally for one of the member's organisations."""

    organisation = forms.ModelChoiceField(label=_("Replying for"), required=False, queryset=None,
                                          empty_label=_("Myself"))

    field_order = ["organisation", "body", "attachment"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_of(user=user)
        self.fields["body"].label = _("Your reply")


class MatchedForm(forms.Form):
    partners = forms.MultipleChoiceField(label=_("Partners"), widget=forms.CheckboxSelectMultiple,
                                         help_text=_("Pick everyone you will work with."))

    def __init__(self, *args, conversations, **kwargs):
        super().__init__(*args, **kwargs)
        self.conversations = {str(c.pk): c for c in conversations}
        self.fields["partners"].choices = [(str(c.pk), _partner_label(c)) for c in conversations]
        self.fields["partners"].error_messages["required"] = _("Pick at least one partner.")

    def picked(self) -> list:
        return [self.conversations[pk] for pk in self.cleaned_data["partners"]]


def _partner_label(conversation) -> str:
    name = conversation.respondent.display_name
    if conversation.respondent_organisation_id:
        return _("%(name)s for %(organisation)s") % {"name": name,
                                                      "organisation": conversation.respondent_organisation.name}
    return name
