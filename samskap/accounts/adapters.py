from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils import translation
from django.utils.encoding import force_str

from samskap.core.selectors import hub_settings_get


class HubSite:
    """What allauth's e-mails call the site: the hub's name and the address people use."""

    def __init__(self, request):
        self.name = hub_settings_get().name
        self.domain = request.get_host() if request is not None else ""


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject: str) -> str:
        return f"[{hub_settings_get().name}] {force_str(subject)}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Send allauth's e-mails in the hub's name rather than the server's host name."""
        context = {**context, "current_site": HubSite(self.request)}
        super().send_mail(template_prefix, email, context)

    def save_user(self, request, user, form, commit=True):
        """Keep the language the person signed up in, so later e-mails and pages use it."""
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = translation.get_language() or ""
        if commit:
            user.save()
        return user


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        """Take the person's name from the identity provider (BankID, MitID, ID-porten …)."""
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
        if name and not user.name:
            user.name = name
        return user
