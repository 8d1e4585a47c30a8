from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samskap.core.images import validate_image_upload
from samskap.core.models import Place, Theme
from samskap.core.selectors import place_choices, themes_active

from .models import SPOKEN_LANGUAGES, User


class SignupExtraForm(forms.Form):
    """Asked at sign-up besides e-mail and password (allauth's ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(label=_("Name"), max_length=150, required=False,
                           help_text=_("As you want others in the network to see it. You can change it later."))

    def signup(self, request, user):
        user.name = self.cleaned_data.get("name", "")
        user.save(update_fields=["name"])


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"), choices=SPOKEN_LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    avatar = forms.FileField(
        label=_("Profile picture"), required=False,
        help_text=_("JPEG, PNG or WebP, at most 2 MB. It is shown in a circle."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_avatar = forms.BooleanField(label=_("Remove the current picture"), required=False)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes you work with"), queryset=Theme.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    place = forms.ModelChoiceField(
        label=_("Where you are"), queryset=Place.objects.all(), required=False,
        help_text=_("Your municipality or neighbourhood, so that people near you can find you."),
    )

    class Meta:
        model = User
        fields = [
            "name", "bio", "skills", "interests", "themes", "place", "languages", "preferred_language", "time_zone",
            "phone", "email_visibility", "phone_visibility", "listed_in_directory", "digest",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5}), "digest": forms.RadioSelect}
        help_texts = {
            "interests": _("What you would like to work on or learn, separated with commas."),
            "listed_in_directory": _(
                "Anyone can then see your skills, interests, themes and organisations on your profile, and members "
                "can find you in the people search. If you leave it off, only members can open your profile, and "
                "they see your name, what you wrote about yourself and the contact details you share."
            ),
            "bio": _("A few sentences about you and what you work on. At most 1000 characters."),
            "preferred_language": _("The site is shown in this language when you are logged in."),
            "time_zone": _("Times are shown in this zone. Leave empty to use the hub's."),
            "digest": _(
                "How often we e-mail you what is new in your notifications (funding calls that fit your "
                "organisation, for example). Only notifications you have not read yet are sent; with no e-mail "
                "you find them under Notifications."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = [("", _("The hub's default"))] + list(settings.LANGUAGES)
        self.fields["time_zone"].choices = [("", _("The hub's time zone"))] + list(self.fields["time_zone"].choices)[1:]
        if not (self.instance and self.instance.avatar):
            del self.fields["remove_avatar"]
        self.fields["themes"].queryset = themes_active()
        self.fields["place"].choices = [("", _("Not given"))] + place_choices(value="pk")
        # Left out of a post (an older form, a script): the choice stays as it was.
        self.fields["digest"].required = False

    def clean_digest(self):
        return self.cleaned_data.get("digest") or self.instance.digest

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar:
            validate_image_upload(avatar, max_bytes=settings.AVATAR_MAX_BYTES)
        return avatar


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Name of the token"), max_length=100,
                           help_text=_("What the token is for, for example “weekly report script”."))


class AccountDeleteForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    confirm = forms.BooleanField(label=_("I understand that my account and profile are deleted for good."))

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
