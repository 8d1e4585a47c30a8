"""GET /api/v1/search: public, paginated like every list, with clear errors."""

import pytest

from samskap.accounts.tests.factories import UserFactory
from samskap.core.search import SEARCH_KINDS, search_index_update

pytestmark = pytest.mark.django_db


def person(name: str, bio: str):
    user = UserFactory(name=name, bio=bio, listed_in_directory=True)
    search_index_update(kind="person", obj=user)
    return user


def test_search_answers_visitors_with_items_and_a_count(client):
    karin = person("Karin Kooperativ", "Samarbete & <ensamhet> i Malmö.")
    person("Olle Annan", "Bokföring.")
    response = client.get("/api/v1/search?q=samarbeid")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["items"] == [{
        "kind": "person",
        "id": karin.pk,
        "title": "Karin Kooperativ",
        "snippet": "<mark>Samarbete</mark> &amp; &lt;ensamhet&gt; i Malmö.",
        "url": f"http://testserver/people/{karin.pk}/",
    }]


def test_search_pages_with_limit_and_offset(client):
    for n in range(5):
        person(f"Person {n}", "Arbetslöshet bland unga.")
    body = client.get("/api/v1/search?q=arbejdsløshed&limit=2&offset=4").json()
    assert body["count"] == 5 and len(body["items"]) == 1
    assert client.get("/api/v1/search?q=arbejdsløshed&limit=101").status_code == 422


def test_search_can_be_limited_to_kinds(client):
    person("Karin Kooperativ", "Samarbete.")
    assert client.get("/api/v1/search?q=samarbete&kind=person").json()["count"] == 1
    assert client.get("/api/v1/search?q=samarbete&kind=group").json() == {"items": [], "count": 0}
    assert client.get("/api/v1/search?q=samarbete&kind=group,person").json()["count"] == 1


@pytest.mark.parametrize("url", ["/api/v1/search?q=", "/api/v1/search?q=%20%20", "/api/v1/search"])
def test_search_without_a_query_is_refused_with_a_message(client, url):
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["message"]


def test_an_unknown_kind_is_refused_with_the_kinds_there_are(client):
    response = client.get("/api/v1/search?q=samarbete&kind=planet", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    message = response.json()["message"]
    assert "planet" in message
    assert all(kind in message for kind in SEARCH_KINDS)


def test_search_is_described_in_the_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/search"]["get"]
    assert not operation.get("security")
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"q", "kind", "limit", "offset"}
