"""Sign-up, verification, log-in, password reset, e-mail change, TOTP and deletion, as a person does them."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.urls import reverse

from samskap.accounts.models import ApiToken, User
from samskap.accounts.services import api_token_create

from .factories import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Ny-lösenfras-för-2026"


def link_in_last_mail() -> str:
    return re.search(r"https?://testserver(/\S+)", mail.outbox[-1].body).group(1)


def totp_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, counter))


def test_sign_up_sends_a_verification_link_and_log_in_works_once_confirmed(client):
    response = client.post(reverse("account_signup"), {
        "email": "Ida@Example.org", "name": "Ida Ildsjel", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
    }, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 302
    user = User.objects.get(email__iexact="ida@example.org")
    assert user.name == "Ida Ildsjel"
    assert user.preferred_language == "nb"
    assert len(mail.outbox) == 1
    assert "ida@example.org" in mail.outbox[0].to[0].lower()
    assert mail.outbox[0].subject.startswith("[Samskap] ")
    assert mail.outbox[0].body.startswith("Hei fra Samskap!")  # in the language the person signed up in

    client.logout()
    blocked = client.post(reverse("account_login"), {"login": "ida@example.org", "password": NEW_PASSWORD})
    assert blocked.status_code == 302 and blocked["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm_url = link_in_last_mail()
    assert client.get(confirm_url).status_code == 200
    assert client.post(confirm_url).status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(reverse("account_login"), {"login": "ida@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_with_mismatched_passwords_keeps_what_was_typed_and_creates_nobody(client):
    response = client.post(reverse("account_signup"), {
        "email": "ola@example.no", "name": "Ola", "password1": NEW_PASSWORD, "password2": "something else",
    }, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "You must type the same password each time" in html
    assert 'value="ola@example.no"' in html
    assert not User.objects.exists()


def test_sign_up_with_an_address_already_in_use_is_refused(client, member):
    response = client.post(reverse("account_signup"), {
        "email": member.email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
    }, HTTP_ACCEPT_LANGUAGE="en")
    # The page does not reveal that the address has an account; its owner is told by e-mail instead.
    assert response.status_code == 302
    assert User.objects.count() == 1
    assert mail.outbox[-1].to == [member.email]


def test_log_in_and_log_out(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_wrong_password_says_so_in_the_users_language(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": "nope"},
                           HTTP_ACCEPT_LANGUAGE="da")
    assert "Den angivne emailadresse og/eller adgangskode er ikke korrekt" in response.content.decode()


def test_password_reset_by_link_sets_a_new_password(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email})
    assert len(mail.outbox) == 1
    response = client.get(link_in_last_mail(), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link_in_last_mail()
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_changing_e_mail_needs_the_new_address_to_be_verified(client, member):
    client.force_login(member)
    client.post(reverse("account_email"), {"action_add": "", "email": "new@example.dk"})
    assert EmailAddress.objects.filter(user=member, email="new@example.dk", verified=False).exists()
    assert mail.outbox[-1].to == ["new@example.dk"]
    client.post(link_in_last_mail())
    member.refresh_from_db()
    assert member.email == "new@example.dk"
    assert EmailAddress.objects.get(user=member, email="new@example.dk").primary


def test_two_factor_log_in_asks_for_the_code_from_the_authenticator_app(client, member):
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    # Turning on two-factor asks for the password again first.
    reauthenticate = client.get(reverse("mfa_activate_totp"))["Location"]
    client.post(reauthenticate, {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()

    client.logout()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.session["_auth_user_id"] == str(member.pk)


def test_deleting_the_account_removes_profile_addresses_and_tokens(client, member):
    api_token_create(user=member, by=member, name="script")
    client.force_login(member)
    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not ApiToken.objects.exists()
    assert "_auth_user_id" not in client.session


def test_deleting_the_account_needs_the_password_and_the_confirmation(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:account_delete"), {"password": "wrong"}, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "The password is not right." in html
    assert "This field is required." in html
    assert User.objects.filter(pk=member.pk).exists()


def test_openid_connect_providers_come_from_settings_alone(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [{
        "provider_id": "idporten", "name": "ID-porten", "client_id": "samskap", "secret": "s3cret",
        "settings": {"server_url": "https://idporten.example/.well-known/openid-configuration"},
    }]}}
    html = client.get(reverse("account_login")).content.decode()
    assert "ID-porten" in html
    assert "/accounts/oidc/idporten/login/" in html


def test_openid_connect_providers_are_read_from_the_environment(monkeypatch):
    from config.settings.base import oidc_providers_from_env

    monkeypatch.setenv("OIDC_PROVIDERS", '[{"id": "mitid", "name": "MitID", "client_id": "c", "secret": "s", '
                                         '"server_url": "https://broker.example/.well-known/openid-configuration"}]')
    providers = oidc_providers_from_env()
    app = providers["openid_connect"]["APPS"][0]
    assert (app["provider_id"], app["name"], app["client_id"]) == ("mitid", "MitID", "c")
    assert app["settings"]["server_url"].startswith("https://broker.example/")
