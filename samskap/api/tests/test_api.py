import json

import pytest
from django.urls import reverse

from samskap.accounts.models import ApiToken
from samskap.accounts.services import api_token_create, api_token_revoke
from samskap.accounts.tests.factories import UserFactory
from samskap.core.selectors import hub_settings_get

pytestmark = pytest.mark.django_db


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_openapi_document_lists_the_endpoints(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/me", "/api/v1/hub", "/api/v1/me/tokens"} <= set(document["paths"])


def test_api_documentation_page_lists_every_endpoint_and_schema(client):
    html = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for operation in ["GET /api/v1/me", "GET /api/v1/me/tokens", "GET /api/v1/hub", "PATCH /api/v1/hub"]:
        assert operation in html
    assert 'id="schema-MeOut"' in html and "/api/v1/openapi.json" in html


def test_swagger_console_is_served_from_our_own_static_files(client):
    html = client.get("/api/v1/swagger").content.decode()
    assert "swagger-ui-bundle.js" in html and "cdn" not in html.lower()


def test_me_without_credentials_is_a_json_error_with_a_message(client):
    response = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json() == {"message": "Log in or send a valid API token."}


def test_me_with_a_browser_session(client, member):
    client.force_login(member)
    body = client.get("/api/v1/me").json()
    assert body["id"] == member.pk and body["email"] == member.email
    assert body["url"].endswith(reverse("accounts:person", args=[member.pk]))
    assert body["roles"] == ["member"]


def test_me_with_a_personal_token_and_not_after_it_is_revoked(client, member):
    token, key = api_token_create(user=member, by=member, name="report script")
    response = client.get("/api/v1/me", **bearer(key))
    assert response.status_code == 200 and response.json()["email"] == member.email
    token.refresh_from_db()
    assert token.last_used_at is not None
    api_token_revoke(token=token, by=member)
    assert client.get("/api/v1/me", **bearer(key)).status_code == 401


def test_a_made_up_token_is_refused(client):
    assert client.get("/api/v1/me", **bearer("smk_not-a-real-token")).status_code == 401


def test_only_the_tokens_hash_is_stored(member):
    token, key = api_token_create(user=member, by=member, name="x")
    assert key not in {token.key_hash, token.hint}
    assert not ApiToken.objects.filter(key_hash=key).exists()


def test_hub_settings_are_public(client):
    body = client.get("/api/v1/hub").json()
    assert body["name"] == hub_settings_get().name
    assert body["languages"] == ["sv", "nb", "da", "en"]


def test_hub_admin_changes_hub_settings_through_the_api(client, hub_admin):
    _token, key = api_token_create(user=hub_admin, by=hub_admin, name="ops")
    response = client.patch("/api/v1/hub", json.dumps({"name": "SED", "default_language": "da"}),
                            content_type="application/json", **bearer(key))
    assert response.status_code == 200
    assert response.json()["name"] == "SED"
    assert hub_settings_get().default_language == "da"


def test_a_member_may_not_change_hub_settings(client, member):
    _token, key = api_token_create(user=member, by=member, name="x")
    response = client.patch("/api/v1/hub", json.dumps({"name": "Mine"}), content_type="application/json", **bearer(key))
    assert response.status_code == 403
    assert "message" in response.json()
    assert hub_settings_get().name != "Mine"


def test_invalid_hub_settings_are_a_422_with_a_message_and_nothing_changes(client, hub_admin):
    _token, key = api_token_create(user=hub_admin, by=hub_admin, name="ops")
    response = client.patch("/api/v1/hub", json.dumps({"name": "Half", "time_zone": "Mars/Olympus"}),
                            content_type="application/json", **bearer(key))
    assert response.status_code == 422
    body = response.json()
    assert body["message"] and "time_zone" in body["errors"]
    assert hub_settings_get().name != "Half"


def test_session_writes_need_the_csrf_token(member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    response = strict.patch("/api/v1/hub", json.dumps({"name": "x"}), content_type="application/json")
    assert response.status_code in (401, 403)


def test_token_list_is_paginated_with_items_and_count_and_a_capped_page_size(client, member):
    for n in range(3):
        _token, key = api_token_create(user=member, by=member, name=f"t{n}")
    body = client.get("/api/v1/me/tokens?limit=2", **bearer(key)).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    assert "key_hash" not in body["items"][0]
    too_many = client.get("/api/v1/me/tokens?limit=100000", **bearer(key))
    assert too_many.status_code == 422
    assert too_many.json()["message"]


def test_a_member_sees_only_their_own_tokens(client, member):
    other = UserFactory()
    api_token_create(user=other, by=other, name="theirs")
    _token, key = api_token_create(user=member, by=member, name="mine")
    names = [item["name"] for item in client.get("/api/v1/me/tokens", **bearer(key)).json()["items"]]
    assert names == ["mine"]
