"""Collections: curated, ordered lists of resources. The services, the pages, and reordering without JavaScript."""

import html
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samskap.accounts.tests.factories import UserFactory
from samskap.core.fragments import KNOWLEDGE, generation_bump
from samskap.knowledge import services
from samskap.knowledge.models import Collection, CollectionItem

from .factories import CollectionFactory, ResourceFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def curator(db):
    return UserFactory(name="Cora Curator", is_facilitator=True)


def order_of(collection) -> list[str]:
    return [item.resource.title for item in collection.items.select_related("resource").order_by("position")]


# Services ------------------------------------------------------------------------------------------

def test_a_curator_makes_a_collection_with_a_slug_from_its_title(curator):
    collection = services.collection_create(by=curator, title="Kom igång med ett grannskapsinkubator",
                                            description="Det första att läsa.", language="sv")
    assert collection.slug == "kom-igang-med-ett-grannskapsinkubator" and collection.created_by == curator
    assert services.collection_create(by=curator, title="New").slug == "new-2"  # /knowledge/collections/new/


def test_members_do_not_make_or_change_collections(member, curator):
    with pytest.raises(PermissionDenied):
        services.collection_create(by=member, title="Mine")
    collection = services.collection_create(by=curator, title="Curated")
    with pytest.raises(PermissionDenied):
        services.collection_update(collection=collection, by=member, title="Taken over")
    with pytest.raises(PermissionDenied):
        services.collection_items_set(collection=collection, by=member, resource_ids_in_order=[])
    with pytest.raises(PermissionDenied):
        services.collection_delete(collection=collection, by=member)


def test_a_collection_needs_a_title(curator):
    with pytest.raises(ValidationError) as error:
        services.collection_create(by=curator, title="  ")
    assert "title" in error.value.message_dict and not Collection.objects.exists()


def test_the_items_are_set_in_order_with_their_notes(curator):
    a, b, c = (ResourceFactory(title=title) for title in "ABC")
    collection = services.collection_create(by=curator, title="Start here")
    services.collection_items_set(collection=collection, by=curator, resource_ids_in_order=[b.pk, a.pk, c.pk],
                                  notes={b.pk: " Read this first "})
    assert order_of(collection) == ["B", "A", "C"]
    assert collection.items.get(resource=b).note == "Read this first"
    services.collection_items_set(collection=collection, by=curator, resource_ids_in_order=[c.pk, b.pk])
    assert order_of(collection) == ["C", "B"]
    assert collection.items.get(resource=b).note == "Read this first"  # notes not given stay


@pytest.mark.parametrize("ids, notes, message", [
    (lambda a, b: [a.pk, b.pk, a.pk], {}, "A resource can be in a collection only once."),
    (lambda a, b: [a.pk, 999_999], {}, "Some of the resources no longer exist (999999). Reload the page and try again."),
    (lambda a, b: [a.pk], lambda a: {a.pk: "x" * 501}, "A note can be at most 500 characters long."),
])
def test_bad_items_are_refused_with_a_clear_message_and_nothing_changes(curator, ids, notes, message):
    a, b = ResourceFactory(title="A"), ResourceFactory(title="B")
    collection = CollectionFactory(resources=[b])
    with pytest.raises(ValidationError) as error:
        services.collection_items_set(collection=collection, by=curator, resource_ids_in_order=ids(a, b),
                                      notes=notes(a) if callable(notes) else notes)
    assert error.value.messages == [message]
    assert order_of(collection) == ["B"]


def test_deleting_a_collection_keeps_its_resources(curator):
    resource = ResourceFactory()
    collection = CollectionFactory(resources=[resource])
    services.collection_delete(collection=collection, by=curator)
    assert not Collection.objects.exists() and not CollectionItem.objects.exists()
    resource.refresh_from_db()


# Pages ---------------------------------------------------------------------------------------------

def test_the_collections_page_lists_published_collections_with_how_many_resources_they_hold(client, curator):
    CollectionFactory(title="Getting started", resources=[ResourceFactory(), ResourceFactory(),
                                                          ResourceFactory(is_published=False)])
    CollectionFactory(title="Work in progress", is_published=False)
    page = text_of(client.get(reverse("knowledge:collections"), **EN))
    assert "Getting started" in page and "2 resources" in page and "Work in progress" not in page
    assert "Make a collection" not in page
    client.force_login(curator)
    page = text_of(client.get(reverse("knowledge:collections"), **EN))
    assert "Work in progress" in page and "Hidden" in page and "3 resources" in page and "Make a collection" in page


def test_a_collection_shows_its_resources_in_order_with_the_curators_notes(client):
    first, second = ResourceFactory(title="Read me first"), ResourceFactory(title="Then me")
    collection = CollectionFactory(title="Getting started", description="**Welcome.**",
                                   resources=[first, second, ResourceFactory(title="Secret", is_published=False)])
    collection.items.filter(resource=first).update(note="The basics.")
    response = client.get(collection.get_absolute_url(), **EN)
    page = text_of(response)
    assert page.index("Read me first") < page.index("Then me") and "Secret" not in page
    assert "Why it is here: The basics." in page and "<strong>Welcome.</strong>" in response.content.decode()
    assert "2 resources" in page and "Edit the collection" not in page


def test_a_hidden_collection_is_only_for_curators(client, curator, member):
    collection = CollectionFactory(is_published=False)
    assert client.get(collection.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(collection.get_absolute_url()).status_code == 404
    client.force_login(curator)
    assert "This collection is hidden" in text_of(client.get(collection.get_absolute_url(), **EN))


def test_a_curator_makes_a_collection_with_the_form_and_lands_on_its_edit_page(client, curator):
    client.force_login(curator)
    response = client.post(reverse("knowledge:collection_new"), {"title": "", "language": "en"}, **EN)
    assert "Title: This field is required." in text_of(response) and not Collection.objects.exists()
    response = client.post(reverse("knowledge:collection_new"),
                           {"title": "Methods for big groups", "language": "en", "is_published": "on"})
    collection = Collection.objects.get()
    assert response["Location"] == reverse("knowledge:collection_edit", args=[collection.slug])


@pytest.fixture
def three(curator):
    resources = [ResourceFactory(title=title) for title in ("Alpha", "Bravo", "Charlie")]
    collection = CollectionFactory(title="Curated", resources=resources)
    return collection, resources


def post_items(client, collection, **extra):
    items = list(collection.items.order_by("position"))
    data = {"action": "items", "item": [str(item.resource_id) for item in items],
            **{f"note-{item.resource_id}": item.note for item in items}, **extra}
    return client.post(reverse("knowledge:collection_edit", args=[collection.slug]), data, **EN)


def test_move_up_and_move_down_reorder_without_javascript_and_bring_the_focus_back(client, curator, three):
    collection, (alpha, bravo, charlie) = three
    client.force_login(curator)
    response = post_items(client, collection, move=f"up:{charlie.pk}")
    assert order_of(collection) == ["Alpha", "Charlie", "Bravo"]
    assert response.status_code == 302
    assert response["Location"].endswith(f"?moved={charlie.pk}&direction=up")
    page = client.get(response["Location"], **EN)
    assert "“Charlie” is now number 2 of 3." in text_of(page)
    assert re.search(rf'value="up:{charlie.pk}" autofocus', page.content.decode())

    response = post_items(client, collection, move=f"up:{charlie.pk}")
    assert order_of(collection) == ["Charlie", "Alpha", "Bravo"]
    page = client.get(response["Location"], **EN).content.decode()
    # At the top "Move up" is disabled, so the keyboard lands on "Move down".
    assert re.search(rf'value="up:{charlie.pk}" disabled', page)
    assert re.search(rf'value="down:{charlie.pk}" autofocus', page)

    post_items(client, collection, move=f"down:{alpha.pk}")
    assert order_of(collection) == ["Charlie", "Bravo", "Alpha"]
    post_items(client, collection, move=f"down:{alpha.pk}")  # already last: nothing moves
    assert order_of(collection) == ["Charlie", "Bravo", "Alpha"]


def test_notes_typed_before_pressing_a_move_button_are_kept(client, curator, three):
    collection, (alpha, bravo, charlie) = three
    client.force_login(curator)
    post_items(client, collection, move=f"down:{alpha.pk}", **{f"note-{alpha.pk}": "The basics"})
    assert order_of(collection) == ["Bravo", "Alpha", "Charlie"]
    assert collection.items.get(resource=alpha).note == "The basics"


def test_resources_are_removed_found_by_title_and_added(client, curator, three):
    collection, (alpha, bravo, charlie) = three
    delta = ResourceFactory(title="Delta method")
    client.force_login(curator)
    post_items(client, collection, remove=str(bravo.pk))
    assert order_of(collection) == ["Alpha", "Charlie"]
    page = text_of(client.get(reverse("knowledge:collection_edit", args=[collection.slug]) + "?q=delta", **EN))
    assert "Delta method" in page and "Add Delta method" in page
    page = text_of(client.get(reverse("knowledge:collection_edit", args=[collection.slug]) + "?q=alpha", **EN))
    assert "No resource outside the collection has “alpha” in its title." in page
    response = post_items(client, collection, add=str(delta.pk), q="delta")
    assert order_of(collection) == ["Alpha", "Charlie", "Delta method"]
    assert "q=delta" in response["Location"]
    assert "“Delta method” is added to the collection." in text_of(client.get(response["Location"], **EN))


def test_a_note_that_is_too_long_is_refused_on_the_page(client, curator, three):
    collection, (alpha, _bravo, _charlie) = three
    client.force_login(curator)
    response = post_items(client, collection, save="1", **{f"note-{alpha.pk}": "x" * 600})
    assert response.status_code == 400 and "A note can be at most 500 characters long." in text_of(response)
    assert collection.items.get(resource=alpha).note == ""


def test_the_details_are_changed_and_the_collection_deleted_from_its_edit_page(client, curator, three):
    collection, _resources = three
    client.force_login(curator)
    url = reverse("knowledge:collection_edit", args=[collection.slug])
    response = client.post(url, {"action": "details", "details-title": "", "details-language": "sv"}, **EN)
    assert response.status_code == 400 and "Title: This field is required." in text_of(response)
    client.post(url, {"action": "details", "details-title": "Renamed", "details-language": "en",
                      "details-description": "New text"})
    collection.refresh_from_db()
    assert collection.title == "Renamed" and not collection.is_published and collection.slug != "renamed"
    page = text_of(client.get(reverse("knowledge:collection_delete", args=[collection.slug]), **EN))
    assert "its resources stay in the knowledge base" in page
    response = client.post(reverse("knowledge:collection_delete", args=[collection.slug]))
    assert response["Location"] == reverse("knowledge:collections") and not Collection.objects.exists()


def test_members_cannot_open_the_edit_page(client, member, three):
    collection, _resources = three
    client.force_login(member)
    assert client.get(reverse("knowledge:collection_edit", args=[collection.slug])).status_code == 403
    assert post_items(client, collection, remove="1").status_code == 403


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url, **EN)
    generation_bump(KNOWLEDGE)
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url, **EN)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("viewer", ["anonymous", "curator"])
def test_the_collection_pages_run_the_same_few_queries_for_5_and_30_resources(
        client, curator, viewer, django_assert_max_num_queries):
    if viewer == "curator":
        client.force_login(curator)
    collection = CollectionFactory(title="Big", resources=[ResourceFactory() for _ in range(5)])
    CollectionFactory(title="Small", resources=[ResourceFactory()])
    urls = [reverse("knowledge:collections"), collection.get_absolute_url()]
    if viewer == "curator":
        urls.append(reverse("knowledge:collection_edit", args=[collection.slug]) + "?q=e")
    few = [count_queries(client, url, django_assert_max_num_queries) for url in urls]
    for position in range(5, 30):
        CollectionItem.objects.create(collection=collection, resource=ResourceFactory(), position=position)
        CollectionFactory(resources=[ResourceFactory()])
    assert [count_queries(client, url, django_assert_max_num_queries) for url in urls] == few
    assert "30 resources" in text_of(client.get(collection.get_absolute_url(), **EN))
