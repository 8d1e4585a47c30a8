"""Resources: the services (authors, content, files, slugs, versions, hiding), the list with its filters, the
resource and method-card pages, the form, and the queries each page runs."""

import html
import io
import re
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from PIL import Image

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Membership
from samskap.actors.tests.factories import MembershipFactory, OrganisationFactory, make_place, make_theme
from samskap.core.fragments import KNOWLEDGE, generation_bump
from samskap.core.models import SearchEntry
from samskap.core.selectors import search
from samskap.knowledge import services
from samskap.knowledge.models import Resource

from .factories import CollectionFactory, MethodCardFactory, ResourceFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def curator(db):
    return UserFactory(name="Cora Curator", is_facilitator=True)


def guide(**fields):
    return {"kind": "guide", "title": "Samskapande i praktiken", "language": "sv", "summary": "Hur man börjar.",
            "body": "Text om samskapande.", **fields}


# Files the checks read ---------------------------------------------------------------------------

def pdf(name: str = "guide.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")


def office(name: str, folder: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{folder}document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def opendocument(name: str = "plan.odt", kind: str = "application/vnd.oasis.opendocument.text"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), kind)  # first and uncompressed, as the standard says
        package.writestr("content.xml", "<office:document-content/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def png(name: str = "map.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


# Creating: authors, slugs, content -----------------------------------------------------------------

def test_a_member_adds_a_resource_as_its_author_under_an_ascii_slug_from_the_title(member):
    resource = services.resource_create(by=member, **guide(title="Världscafé på Ørestad – æbler & Þing"))
    assert resource.slug == "varldscafe-pa-orestad-aebler-thing"
    assert resource.author_person == member and resource.created_by == member
    assert resource.author_label == "Mira Medlem"
    assert resource.is_published


@pytest.mark.parametrize("title", ["New", "Collections", "Import", "Export", "Links", "Funding"])
def test_a_slug_is_never_one_of_the_reserved_words(member, title):
    first = services.resource_create(by=member, **guide(title=title))
    second = services.resource_create(by=member, **guide(title=title))
    assert first.slug == f"{title.lower()}-2" and second.slug == f"{title.lower()}-3"
    assert reverse("knowledge:resource", args=[first.slug]) == f"/knowledge/{title.lower()}-2/"


def test_slugs_stay_unique_and_a_title_without_letters_still_gets_one(member):
    assert services.resource_create(by=member, **guide(title="Guide")).slug == "guide"
    assert services.resource_create(by=member, **guide(title="Guide")).slug == "guide-2"
    assert services.resource_create(by=member, **guide(title="!!!")).slug == "resource"


def test_a_member_adds_a_resource_for_an_organisation_they_are_an_active_member_of(member):
    organisation = OrganisationFactory(name="Innovatarium")
    MembershipFactory(organisation=organisation, user=member)
    resource = services.resource_create(by=member, author_organisation=organisation, **guide())
    assert resource.author_organisation == organisation and resource.author_person is None
    assert resource.author_label == "Innovatarium"


@pytest.mark.parametrize("status", [None, Membership.Status.REQUESTED])
def test_a_member_cannot_add_a_resource_for_an_organisation_they_do_not_belong_to(member, status):
    organisation = OrganisationFactory()
    if status:
        MembershipFactory(organisation=organisation, user=member, status=status)
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, author_organisation=organisation, **guide())
    assert error.value.message_dict["author_organisation"] == [
        "You can add resources only for organisations you are an active member of."]
    assert not Resource.objects.exists()


def test_only_curators_add_a_resource_for_someone_outside_the_directory(member, curator):
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, author_name="Juanita Brown", **guide())
    assert "author_name" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.resource_create(by=member, author_person=UserFactory(), **guide())
    assert not Resource.objects.exists()
    resource = services.resource_create(by=curator, author_name="Juanita Brown", **guide())
    assert resource.author_label == "Juanita Brown" and resource.author_person is None


def test_anonymous_visitors_cannot_add_a_resource():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.resource_create(by=AnonymousUser(), **guide())


def test_a_resource_without_a_text_a_file_or_a_web_address_is_refused_with_a_clear_message(member):
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, **guide(body="   ", themes=[make_theme("Loneliness")]))
    assert error.value.messages == ["A resource needs a text, a file or a web address: fill in at least one of them."]
    assert not Resource.objects.exists()
    assert services.resource_create(by=member, **guide(body="", url="https://example.org/a")).url
    assert services.resource_create(by=member, file=pdf(), **guide(body="")).file


def test_a_method_card_with_steps_needs_no_other_text(member):
    card = services.resource_create(by=member, kind="method", title="Open Space", language="en",
                                    steps="Open the circle\nMark the market place")
    assert card.step_list == ["Open the circle", "Mark the market place"]
    with pytest.raises(ValidationError):
        services.resource_create(by=member, kind="method", title="Empty", language="en", purpose="Only a purpose")


def test_unknown_fields_and_bad_values_are_refused(member):
    with pytest.raises(TypeError):
        services.resource_create(by=member, is_published=False, **guide())
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, **guide(kind="poem", language="xx", audiences=["aliens"]))
    assert {"kind", "language", "audiences"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, **guide(group_size_min=30, group_size_max=5))
    assert error.value.message_dict["group_size_max"] == ["The largest group cannot be smaller than the smallest."]
    assert not Resource.objects.exists()


def test_related_methods_are_other_method_cards(member):
    world_cafe = MethodCardFactory(title="World Café")
    a_guide = ResourceFactory(title="A guide")
    card = services.resource_create(by=member, kind="method", title="Open Space", language="en", steps="Open",
                                    related_methods=[world_cafe])
    assert list(card.related_methods.all()) == [world_cafe]
    assert list(world_cafe.related_methods.all()) == [card]  # both ways
    with pytest.raises(ValidationError) as error:
        services.resource_update(resource=card, by=member, related_methods=[a_guide, card])
    assert "A guide" in error.value.message_dict["related_methods"][0]
    assert list(card.related_methods.all()) == [world_cafe]


# Files ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("upload, extension", [
    (pdf, "pdf"), (lambda: office("plan.docx", "word/"), "docx"), (lambda: office("budget.xlsx", "xl/"), "xlsx"),
    (lambda: office("slides.pptx", "ppt/"), "pptx"), (opendocument, "odt"),
    (lambda: SimpleUploadedFile("notes.txt", "Anteckningar från mötet – ÅÄÖ\n".encode()), "txt"),
    (lambda: SimpleUploadedFile("latin.txt", "Möte i Malmö\r\n".encode("cp1252")), "txt"),
])
def test_accepted_files_are_stored_under_a_random_name(member, upload, extension):
    resource = services.resource_create(by=member, file=upload(), **guide(body=""))
    assert resource.file.name.startswith("knowledge/") and resource.file.name.endswith(f".{extension}")
    assert "guide" not in resource.file.name and "plan" not in resource.file.name


def test_an_image_is_stored_re_encoded(member):
    resource = services.resource_create(by=member, file=png(), **guide(body=""))
    assert resource.file.name.endswith((".jpg", ".png"))
    with Image.open(resource.file) as image:
        assert image.size == (30, 20)


@pytest.mark.parametrize("upload, message", [
    (lambda: SimpleUploadedFile("guide.pdf", b"<html><script>alert(1)</script></html>"),
     "“guide.pdf” is called .pdf but is not that kind of file."),
    (lambda: office("plan.docx", "xl/"), "“plan.docx” is called .docx but is not that kind of file."),
    (lambda: SimpleUploadedFile("plan.docx", b"PK\x03\x04 not really a zip"),
     "“plan.docx” is called .docx but is not that kind of file."),
    (lambda: opendocument("plan.odt", kind="application/vnd.oasis.opendocument.spreadsheet"),
     "“plan.odt” is called .odt but is not that kind of file."),
    (lambda: SimpleUploadedFile("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
     "“notes.txt” is called .txt but is not that kind of file."),
    (lambda: SimpleUploadedFile("photo.png", b"GIF89a not a png"), "“photo.png”: "),
    (lambda: SimpleUploadedFile("tool.exe", b"MZ"), "“tool.exe” cannot be added. These kinds of file are accepted:"),
    (lambda: SimpleUploadedFile("page.html", b"<p>x</p>"), "“page.html” cannot be added."),
    (lambda: SimpleUploadedFile("old.doc", b"\xd0\xcf\x11\xe0"),
     "Old Office files (.doc) are not accepted. Save it as .docx or PDF and add it again."),
    (lambda: SimpleUploadedFile("empty.pdf", b""), "“empty.pdf” is empty."),
])
def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_is_saved(member, settings, upload, message):
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, file=upload(), **guide(body=""))
    assert error.value.message_dict["file"][0].startswith(message), error.value.message_dict
    assert not Resource.objects.exists()
    media = settings.MEDIA_ROOT / "knowledge"
    assert not media.exists() or not list(media.iterdir())


def test_a_file_over_the_size_limit_is_refused_with_the_limit_in_the_message(member, settings):
    settings.KNOWLEDGE_FILE_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    with pytest.raises(ValidationError) as error:
        services.resource_create(by=member, file=big, **guide())
    assert error.value.message_dict["file"] == ["“big.pdf” is 2.0\xa0KB; the largest file allowed is 1.0\xa0KB."]
    assert not Resource.objects.exists()


def test_a_new_file_replaces_the_old_one_which_is_deleted_after_the_commit(
        member, django_capture_on_commit_callbacks):
    resource = services.resource_create(by=member, file=pdf(), **guide())
    old = resource.file.name
    storage = resource.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_update(resource=resource, by=member, file=pdf("new.pdf"))
    assert resource.file.name != old and not storage.exists(old) and storage.exists(resource.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_update(resource=resource, by=member, remove_file=True)
    assert not resource.file and not storage.exists(old)


def test_removing_the_only_content_is_refused(member):
    resource = services.resource_create(by=member, file=pdf(), **guide(body=""))
    with pytest.raises(ValidationError):
        services.resource_update(resource=resource, by=member, remove_file=True)
    resource.refresh_from_db()
    assert resource.file


# Search, hiding, deleting --------------------------------------------------------------------------

def test_a_resource_is_found_by_search_after_the_commit_and_no_longer_once_hidden_or_deleted(
        member, curator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        resource = services.resource_create(by=member, **guide(title="Arbetsintegrerande företag",
                                                               body="Om arbetsintegrerande sociala företag."))
    results, _count = search(query="arbejdsintegrerende", kinds=["resource"])
    assert [result.url for result in results] == [resource.get_absolute_url()]
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_set_published(resource=resource, by=curator, published=False)
    assert not SearchEntry.objects.filter(kind="resource", object_id=resource.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_set_published(resource=resource, by=curator, published=True)
    assert SearchEntry.objects.filter(kind="resource", object_id=resource.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(resource=resource, by=member)
    assert not SearchEntry.objects.filter(kind="resource", object_id=resource.pk).exists()


def test_only_curators_hide_a_resource(member):
    resource = services.resource_create(by=member, **guide())
    with pytest.raises(PermissionDenied):
        services.resource_set_published(resource=resource, by=member, published=False)


def test_deleting_a_resource_deletes_its_file_and_its_places_in_collections(member, django_capture_on_commit_callbacks):
    resource = services.resource_create(by=member, file=pdf(), **guide())
    collection = CollectionFactory(resources=[resource])
    name, storage = resource.file.name, resource.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_delete(resource=resource, by=member)
    assert not storage.exists(name) and not collection.items.exists()


def test_others_cannot_change_or_delete_a_members_resource(member):
    resource = services.resource_create(by=member, **guide())
    other = UserFactory()
    with pytest.raises(PermissionDenied):
        services.resource_update(resource=resource, by=other, title="Mine now")
    with pytest.raises(PermissionDenied):
        services.resource_delete(resource=resource, by=other)


# Versions in other languages ----------------------------------------------------------------------

def test_versions_are_linked_and_a_set_holds_one_version_per_language(member, curator):
    swedish = services.resource_create(by=member, **guide(title="Världscafé"))
    english = services.resource_create(by=member, **guide(title="World Café", language="en"))
    danish = services.resource_create(by=member, **guide(title="Verdenscafé", language="da"))
    services.resource_versions_link(resource=swedish, other=english, by=member)
    services.resource_versions_link(resource=danish, other=swedish, by=member)
    groups = set(Resource.objects.values_list("translation_group", flat=True))
    assert len(groups) == 1

    another_english = services.resource_create(by=member, **guide(title="The World Café", language="en"))
    with pytest.raises(ValidationError) as error:
        services.resource_versions_link(resource=swedish, other=another_english, by=member)
    assert error.value.messages == [
        "There is already a version in English: “World Café”. Each language can have one version; unlink "
        "“World Café” first, or link “The World Café” to another resource."]
    another_english.refresh_from_db()
    assert another_english.translation_group not in groups


def test_two_sets_of_versions_join_only_when_their_languages_do_not_overlap(member):
    sv, en = (services.resource_create(by=member, **guide(title=t, language=l)) for t, l in (("A", "sv"), ("B", "en")))
    da, nb = (services.resource_create(by=member, **guide(title=t, language=l)) for t, l in (("C", "da"), ("D", "nb")))
    services.resource_versions_link(resource=sv, other=en, by=member)
    services.resource_versions_link(resource=da, other=nb, by=member)
    services.resource_versions_link(resource=sv, other=nb, by=member)
    assert Resource.objects.values("translation_group").distinct().count() == 1
    with pytest.raises(ValidationError) as error:
        services.resource_versions_link(resource=sv, other=da, by=member)
    assert error.value.code == "already_linked"


def test_a_resource_is_not_a_version_of_itself_nor_of_one_in_its_own_language(member):
    first = services.resource_create(by=member, **guide(title="Ett"))
    second = services.resource_create(by=member, **guide(title="Två"))
    with pytest.raises(ValidationError):
        services.resource_versions_link(resource=first, other=first, by=member)
    with pytest.raises(ValidationError) as error:
        services.resource_versions_link(resource=first, other=second, by=member)
    assert error.value.code == "language_taken"


def test_unlinking_takes_one_resource_out_and_leaves_the_others_linked(member):
    sv, en, da = (services.resource_create(by=member, **guide(title=l, language=l)) for l in ("sv", "en", "da"))
    services.resource_versions_link(resource=sv, other=en, by=member)
    services.resource_versions_link(resource=sv, other=da, by=member)
    services.resource_versions_unlink(resource=en, by=member)
    sv.refresh_from_db(), en.refresh_from_db(), da.refresh_from_db()
    assert sv.translation_group == da.translation_group != en.translation_group


def test_linking_a_version_needs_the_right_to_change_both_resources(member):
    mine = services.resource_create(by=member, **guide())
    theirs = services.resource_create(by=UserFactory(), **guide(language="en"))
    with pytest.raises(PermissionDenied):
        services.resource_versions_link(resource=mine, other=theirs, by=member)


# The list ------------------------------------------------------------------------------------------

def test_the_list_shows_what_each_resource_is(client):
    theme = make_theme("Loneliness")
    organisation = OrganisationFactory(name="Innovatarium")
    ResourceFactory(title="Guide till samskapande", kind="guide", summary="Hur kommun och civilsamhälle börjar.",
                    language="sv", themes=[theme], author_organisation=organisation)
    ResourceFactory(title="Hidden one", is_published=False)
    page = text_of(client.get(reverse("knowledge:resources"), **EN))
    assert "Guide · Svenska ·" in page and "Guide till samskapande" in page
    assert "Hur kommun och civilsamhälle börjar." in page and "By Innovatarium" in page and "Loneliness" in page
    assert "Hidden one" not in page and "1 resource" in page
    assert "Link: not checked yet" not in page  # the link check is for curators


@pytest.mark.parametrize("query, expected", [
    ("kind=method", {"World Café"}),
    ("theme=test-loneliness", {"Guide about loneliness"}),
    ("language=da", {"Dansk guide"}),
    ("audience=residents", {"For residents"}),
    ("place={skane}", {"In Malmö", "In Skåne"}),  # a place includes the places within it
    ("place={malmo}", {"In Malmö"}),
])
def test_each_filter_narrows_the_list(client, query, expected):
    skane = make_place("Skåne", level="region")
    malmo = make_place("Malmö", parent=skane)
    query = query.format(skane=skane.slug, malmo=malmo.slug)
    loneliness = make_theme("Loneliness")
    MethodCardFactory(title="World Café", audiences=["facilitators"])
    ResourceFactory(title="Guide about loneliness", themes=[loneliness], audiences=["facilitators"])
    ResourceFactory(title="Dansk guide", language="da", audiences=["facilitators"])
    ResourceFactory(title="For residents", audiences=["residents", "municipalities"])
    ResourceFactory(title="In Malmö", places=[malmo], audiences=["facilitators"])
    ResourceFactory(title="In Skåne", places=[skane], audiences=["facilitators"])
    response = client.get(f"{reverse('knowledge:resources')}?{query}", **EN)
    titles = set(re.findall(r'<a class="ds-link" href="/knowledge/[^"]+/" lang="\w+">([^<]+)</a>',
                            response.content.decode()))
    assert {html.unescape(title) for title in titles} == expected


def test_the_list_sorts_by_title_or_newest_first(client):
    import datetime

    ResourceFactory(title="Beta", published_on=datetime.date(2024, 1, 1))
    ResourceFactory(title="alfa", published_on=datetime.date(2023, 1, 1))
    ResourceFactory(title="Gamma", published_on=datetime.date(2025, 1, 1))
    newest = text_of(client.get(reverse("knowledge:resources"), **EN))
    by_title = text_of(client.get(reverse("knowledge:resources") + "?sort=title", **EN))
    assert newest.index("Gamma") < newest.index("Beta") < newest.index("alfa")
    assert by_title.index("alfa") < by_title.index("Beta") < by_title.index("Gamma")


def test_unknown_filter_values_are_left_out_and_reported(client):
    ResourceFactory(title="A guide")
    page = text_of(client.get(reverse("knowledge:resources") + "?kind=poem&page=x", **EN))
    assert "A guide" in page
    assert "The filter “Kind” has no value “poem”, so it was left out." in page
    assert "“x” is not a page number, so the first page is shown." in page


def test_the_list_pages_through_many_resources(client):
    for i in range(25):
        ResourceFactory(title=f"Resource {i:02}", published_on=f"2024-01-{i + 1:02}")
    first = text_of(client.get(reverse("knowledge:resources"), **EN))
    second = text_of(client.get(reverse("knowledge:resources") + "?page=2", **EN))
    assert "Resource 24" in first and "Resource 04" not in first and "Resource 04" in second


def test_curators_see_hidden_resources_and_the_link_check_members_see_their_own_hidden_ones(client, curator, member):
    ResourceFactory(title="Broken link", link_status="broken")
    ResourceFactory(title="Someone's hidden", is_published=False)
    ResourceFactory(title="My hidden", is_published=False, created_by=member)
    client.force_login(member)
    page = text_of(client.get(reverse("knowledge:resources"), **EN))
    assert "My hidden" in page and "Someone's hidden" not in page and "Link: broken" not in page
    client.force_login(curator)
    page = text_of(client.get(reverse("knowledge:resources"), **EN))
    assert "My hidden" in page and "Someone's hidden" in page and "Hidden" in page
    assert "Link: broken" in page and "Link: not checked yet" in page


def test_members_see_the_button_to_add_a_resource_and_curators_the_import_and_link_check(client, member, curator):
    url = reverse("knowledge:resources")
    assert "Add a resource" not in text_of(client.get(url, **EN))
    client.force_login(member)
    page = text_of(client.get(url, **EN))
    assert "Add a resource" in page and "Import links" not in page and "Link check" not in page
    client.force_login(curator)
    page = client.get(url, **EN).content.decode()
    for name, label in (("knowledge:import", "Import links"), ("knowledge:links", "Link check")):
        try:
            assert f'href="{reverse(name)}">{label}</a>' in page
        except NoReverseMatch:  # written by another part of the knowledge base; the page must not break
            assert label not in page


def test_visitors_get_a_cached_list_that_a_new_resource_outdates(client, member, django_capture_on_commit_callbacks):
    ResourceFactory(title="First")
    url = reverse("knowledge:resources")
    assert "First" in text_of(client.get(url, **EN))
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_create(by=member, **guide(title="Second"))
    assert "Second" in text_of(client.get(url, **EN))


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url, **EN)  # warm the caches every page shares (themes, places)
    generation_bump(KNOWLEDGE)  # but not the visitors' copy of this page
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url, **EN)
    assert response.status_code == 200
    return len(captured)


def resources(n: int, start: int = 0):
    theme, other = make_theme(f"Theme {start}"), make_theme(f"Other {start}")
    organisation = OrganisationFactory()
    for i in range(start, start + n):
        ResourceFactory(title=f"Resource {i}", themes=[theme, other], created_by=UserFactory(),
                        author_organisation=organisation if i % 2 else None, author_person=UserFactory())


@pytest.mark.parametrize("viewer", ["anonymous", "member", "curator"])
def test_the_list_runs_the_same_few_queries_for_5_and_30_resources(client, viewer, curator, member,
                                                                   django_assert_max_num_queries):
    if viewer != "anonymous":
        client.force_login(curator if viewer == "curator" else member)
    url = reverse("knowledge:resources") + "?theme=test-theme-0"
    resources(5)
    with_five = count_queries(client, url, django_assert_max_num_queries)
    resources(25, start=5)
    Resource.themes.through.objects.bulk_create(
        Resource.themes.through(resource=r, theme_id=Resource.themes.through.objects.filter(
            theme__slug="test-theme-0").values_list("theme_id", flat=True)[0])
        for r in Resource.objects.filter(title__in=[f"Resource {i}" for i in range(5, 25)]))
    with_many = count_queries(client, url, django_assert_max_num_queries)
    assert with_five == with_many
    assert text_of(client.get(url, **EN)).count("Resource ") >= 20


# A resource and a method card ----------------------------------------------------------------------

@pytest.fixture
def world_cafe(db):
    organisation = OrganisationFactory(name="Innovatarium")
    card = MethodCardFactory(
        title="World Café", slug="world-cafe", language="en", summary="Conversations in small groups.",
        purpose="Connect many perspectives.", when_to_use="When a large group shares a question.",
        group_size_min=12, group_size_max=300, duration_minutes=120, materials="Paper tablecloths\nPens",
        steps="Choose the question\nSet the tables\nThree rounds\nHarvest together",
        facilitator_tips="Keep time.", body="## History\n\nFirst used in 1995. <script>alert(1)</script>",
        author_organisation=organisation, themes=[make_theme("Participation")], places=[make_place("Malmö")],
        audiences=["facilitators", "municipalities"], url="https://theworldcafe.example/",
        link_status="redirected", link_final_url="https://theworldcafe.example/new/")
    card.related_methods.add(MethodCardFactory(title="Open Space", slug="open-space", language="en"))
    danish = MethodCardFactory(title="Verdenscafé", slug="verdenscafe", language="da",
                               translation_group=card.translation_group)
    MethodCardFactory(title="Secret version", language="nb", translation_group=card.translation_group,
                      is_published=False)
    CollectionFactory(title="Getting started", resources=[card])
    CollectionFactory(title="Hidden collection", resources=[card], is_published=False)
    return card, danish


def test_a_method_card_shows_its_structure(client, world_cafe):
    card, danish = world_cafe
    response = client.get(card.get_absolute_url(), **EN)
    page, body = text_of(response), response.content.decode()
    assert "Method card · English ·" in page
    assert "Group size 12–300 people" in page and "Duration 2 hours" in page
    assert "Purpose Connect many perspectives." in page and "When to use it When a large group" in page
    assert "Materials Paper tablecloths Pens" in page and "Tips for the facilitator Keep time." in page
    assert re.search(r'<ol class="method-steps" lang="en"><li>Choose the question</li><li>Set the tables</li>'
                     r'<li>Three rounds</li><li>Harvest together</li></ol>', body)
    assert "Related methods Open Space" in page
    assert "More about the method" in page and "<h3>History</h3>" in body and "<script>alert" not in body
    assert "Facilitators, municipalities" in page and "Malmö" in page and "Participation" in page
    assert f'<a class="ds-link" href="{danish.get_absolute_url()}" lang="da" hreflang="da">Dansk</a>' in body
    versions = re.search(r'<p class="ds-paragraph resource-versions">(.*?)</p>', body, re.S).group(1)
    assert "Dansk" in versions and "Norsk" not in versions  # a hidden version is not offered
    assert "In collections Getting started" in page and "Hidden collection" not in page
    assert 'href="https://theworldcafe.example/" rel="noopener nofollow"' in body
    assert "Link: moved" not in page  # for curators only
    assert f'<a class="ds-link" href="{card.author_organisation.get_absolute_url()}">Innovatarium</a>' in body


def test_curators_see_the_link_check_and_their_buttons_on_a_resource(client, world_cafe, curator):
    card, _danish = world_cafe
    client.force_login(curator)
    page = text_of(client.get(card.get_absolute_url(), **EN))
    assert "Link: moved" in page and "Moved to: https://theworldcafe.example/new/" in page
    assert "Edit" in page and "Versions in other languages" in page and "Hide" in page and "Delete" in page
    assert "Also in: Dansk · Norsk" in page  # the hidden version, for those who see it


def test_a_resource_page_runs_the_same_few_queries_however_much_it_links_to(client, curator, world_cafe,
                                                                            django_assert_max_num_queries):
    card, _danish = world_cafe
    for viewer in (None, curator):
        if viewer:
            client.force_login(viewer)
        few = count_queries(client, card.get_absolute_url(), django_assert_max_num_queries)
        for i in range(25):
            card.related_methods.add(MethodCardFactory(title=f"Method {i}"))
            card.themes.add(make_theme(f"Theme {viewer} {i}"))
            CollectionFactory(resources=[card])
        assert count_queries(client, card.get_absolute_url(), django_assert_max_num_queries) == few


def test_a_hidden_resource_is_seen_only_by_its_authors_and_the_curators(client, member, curator):
    resource = ResourceFactory(title="Draft guide", is_published=False, created_by=member)
    assert client.get(resource.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(resource.get_absolute_url()).status_code == 404
    for user in (member, curator):
        client.force_login(user)
        response = client.get(resource.get_absolute_url(), **EN)
        assert response.status_code == 200 and "This resource is hidden" in text_of(response)


def test_the_file_is_a_download_with_a_readable_name_that_browsers_do_not_sniff(client, member):
    resource = services.resource_create(by=member, file=pdf(), **guide(title="Guide för Ö-bor"))
    page = client.get(resource.get_absolute_url(), **EN)
    assert "Download the file (PDF, " in text_of(page)
    response = client.get(reverse("knowledge:resource_file", args=[resource.slug]))
    assert response["Content-Disposition"] == 'attachment; filename="guide-for-o-bor.pdf"'
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.get(reverse("knowledge:resource_file", args=[ResourceFactory().slug])).status_code == 404


def test_curators_hide_and_show_a_resource_from_its_page(client, curator):
    resource = ResourceFactory()
    client.force_login(curator)
    response = client.post(reverse("knowledge:resource_publish", args=[resource.slug]), {"published": "0"}, **EN)
    assert response.status_code == 302
    resource.refresh_from_db()
    assert not resource.is_published
    client.post(reverse("knowledge:resource_publish", args=[resource.slug]), {"published": "1"})
    resource.refresh_from_db()
    assert resource.is_published


# The form ------------------------------------------------------------------------------------------

def form_data(**fields):
    return {"kind": "guide", "title": "Samskapande i praktiken", "summary": "Hur man börjar.", "language": "sv",
            "body": "Text.", "published_on": "2025-03-01", "author": "me", "url": "", **fields}


def test_a_member_adds_a_resource_with_the_form(client, member):
    loneliness = make_theme("Loneliness")
    client.force_login(member)
    response = client.post(reverse("knowledge:resource_new"), form_data(
        themes=[loneliness.pk], audiences=["residents", "entrepreneurs"], url="example.org/guide"), **EN)
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.author_person == member and list(resource.themes.all()) == [loneliness]
    assert resource.audiences == ["residents", "entrepreneurs"] and resource.url == "https://example.org/guide"


def test_the_form_offers_only_the_members_own_organisations(client, member):
    mine = OrganisationFactory(name="Min förening")
    MembershipFactory(organisation=mine, user=member)
    OrganisationFactory(name="Not mine")
    client.force_login(member)
    page = client.get(reverse("knowledge:resource_new"), **EN).content.decode()
    assert f'value="organisation-{mine.pk}"' in page and "Not mine" not in page
    assert "Someone not in the directory" not in page  # for curators
    client.post(reverse("knowledge:resource_new"), form_data(author=f"organisation-{mine.pk}"))
    assert Resource.objects.get().author_organisation == mine


def test_a_member_cannot_post_an_organisation_they_do_not_belong_to(client, member):
    other = OrganisationFactory()
    client.force_login(member)
    response = client.post(reverse("knowledge:resource_new"), form_data(author=f"organisation-{other.pk}"), **EN)
    assert response.status_code == 200 and not Resource.objects.exists()
    assert "is not one of the available choices" in text_of(response)


def test_the_form_explains_what_is_missing_and_saves_nothing(client, member):
    client.force_login(member)
    response = client.post(reverse("knowledge:resource_new"), form_data(body="", title=""), **EN)
    page = text_of(response)
    assert "Please correct the following:" in page and "Title: This field is required." in page
    response = client.post(reverse("knowledge:resource_new"), form_data(body=""), **EN)
    assert "A resource needs a text, a file or a web address: fill in at least one of them." in text_of(response)
    response = client.post(reverse("knowledge:resource_new"), form_data(
        file=SimpleUploadedFile("guide.pdf", b"not a pdf")), **EN)
    assert "File: “guide.pdf” is called .pdf but is not that kind of file." in text_of(response)
    assert not Resource.objects.exists()


def test_a_curator_adds_a_resource_for_someone_outside_the_directory(client, curator):
    client.force_login(curator)
    response = client.post(reverse("knowledge:resource_new"), form_data(author="name"), **EN)
    assert "Write the author's name, or choose another author." in text_of(response)
    client.post(reverse("knowledge:resource_new"), form_data(author="name", author_name="Juanita Brown"))
    assert Resource.objects.get().author_label == "Juanita Brown"


def test_a_method_card_is_added_with_the_forms_method_card_section(client, member):
    related = MethodCardFactory(title="Open Space")
    client.force_login(member)
    page = text_of(client.get(reverse("knowledge:resource_new"), **EN))
    assert "Method card (for methods)" in page
    client.post(reverse("knowledge:resource_new"), form_data(
        kind="method", title="Framtidsverkstad", body="", purpose="Se framtiden.", group_size_min="10",
        group_size_max="40", duration_minutes="180", materials="Post-it", steps="Kritik\nFantasi\nFörverkligande",
        facilitator_tips="Låt fantasin flöda.", related_methods=[related.pk]))
    card = Resource.objects.get(title="Framtidsverkstad")
    assert card.is_method_card and card.step_list == ["Kritik", "Fantasi", "Förverkligande"]
    assert card.group_size_max == 40 and list(card.related_methods.all()) == [related]


def test_editing_keeps_the_slug_and_the_authors_organisation(client, member):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, user=member)
    resource = services.resource_create(by=member, author_organisation=organisation, **guide(title="Old title"))
    client.force_login(member)
    page = client.get(reverse("knowledge:resource_edit", args=[resource.slug]), **EN).content.decode()
    assert f'value="organisation-{organisation.pk}" ' in page and "checked" in page
    response = client.post(reverse("knowledge:resource_edit", args=[resource.slug]), form_data(
        title="New title", author=f"organisation-{organisation.pk}"))
    resource.refresh_from_db()
    assert response.status_code == 302 and resource.title == "New title" and resource.slug == "old-title"
    assert resource.author_organisation == organisation


def test_a_curator_edits_a_members_resource_and_the_author_stays(client, member, curator):
    resource = services.resource_create(by=member, **guide())
    client.force_login(curator)
    client.post(reverse("knowledge:resource_edit", args=[resource.slug]),
                form_data(title="Better title", author=f"person-{member.pk}"))
    resource.refresh_from_db()
    assert resource.title == "Better title" and resource.author_person == member


def test_deleting_asks_first(client, member):
    resource = services.resource_create(by=member, **guide())
    CollectionFactory(resources=[resource])
    client.force_login(member)
    page = text_of(client.get(reverse("knowledge:resource_delete", args=[resource.slug]), **EN))
    assert "Delete Samskapande i praktiken?" in page and "It is also taken out of 1 collection." in page
    assert Resource.objects.exists()
    response = client.post(reverse("knowledge:resource_delete", args=[resource.slug]))
    assert response["Location"] == reverse("knowledge:resources") and not Resource.objects.exists()


def test_versions_are_linked_and_unlinked_on_the_versions_page(client, member):
    swedish = services.resource_create(by=member, **guide(title="Världscafé"))
    english = services.resource_create(by=member, **guide(title="World Café", language="en"))
    other_english = services.resource_create(by=member, **guide(title="World Café again", language="en"))
    url = reverse("knowledge:resource_versions", args=[swedish.slug])
    client.force_login(member)
    page = text_of(client.get(url + "?q=world", **EN))
    assert "World Café" in page and "Link as a version" in page
    assert client.post(url, {"link": english.pk}).status_code == 302
    assert "Also in: English" in text_of(client.get(swedish.get_absolute_url(), **EN))
    assert "World Café again" not in text_of(client.get(url + "?q=world", **EN))  # English is taken
    response = client.post(url, {"link": other_english.pk}, **EN)
    assert response.status_code == 400 and "There is already a version in English" in text_of(response)
    client.post(url, {"unlink": english.pk})
    english.refresh_from_db()
    assert english.translation_group != Resource.objects.get(pk=swedish.pk).translation_group


def test_linking_someone_elses_resource_on_the_versions_page_explains_who_can(client, member):
    mine = services.resource_create(by=member, **guide(title="Min guide"))
    theirs = services.resource_create(by=UserFactory(), **guide(title="Their guide", language="en"))
    client.force_login(member)
    response = client.post(reverse("knowledge:resource_versions", args=[mine.slug]), {"link": theirs.pk}, **EN)
    assert response.status_code == 400
    assert "You can link only resources you may change yourself." in text_of(response)
    theirs.refresh_from_db()
    assert theirs.translation_group != Resource.objects.get(pk=mine.pk).translation_group
