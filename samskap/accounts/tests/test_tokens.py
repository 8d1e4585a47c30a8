import pytest
from django.urls import reverse

from samskap.accounts.models import ApiToken

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_token_is_shown_once_and_then_only_its_beginning(client, member):
    client.force_login(member)
    html = client.post(reverse("accounts:api_tokens"), {"name": "weekly report"}).content.decode()
    token = ApiToken.objects.get(user=member)
    key = html.split('id="new-token">')[1].split("<")[0]
    assert key.startswith("smk_") and key.startswith(token.hint)
    later = client.get(reverse("accounts:api_tokens")).content.decode()
    assert key not in later and token.hint in later


def test_a_token_without_a_name_is_refused_with_a_message(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:api_tokens"), {"name": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert "This field is required." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_a_token(client, member):
    client.force_login(member)
    client.post(reverse("accounts:api_tokens"), {"name": "old"})
    token = ApiToken.objects.get()
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_revokes_another_persons_token(client, member):
    other = UserFactory()
    client.force_login(other)
    client.post(reverse("accounts:api_tokens"), {"name": "theirs"})
    token = ApiToken.objects.get()
    client.force_login(member)
    assert client.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
