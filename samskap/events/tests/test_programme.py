"""The programme: sessions, speakers, slides and files, stands, the summary afterwards, and their pages."""

import io
import zipfile
from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from PIL import Image

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.tests.factories import OrganisationFactory
from samskap.events import services_programme as services
from samskap.events.models import Event, EventFile, ProgrammeSession, Speaker, Stand

from .factories import EventFactory
from .factories_programme import PDF_BYTES, EventFileFactory, SessionFactory, SpeakerFactory, StandFactory

pytestmark = pytest.mark.django_db

PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def organiser(db):
    return UserFactory(name="Olga Organiser")


@pytest.fixture
def event(organiser):
    """Two days in Oslo, 12–13 March 2031, 09:00 to 17:00 local time (UTC+1)."""
    return EventFactory(title="Social innovation days", slug="social-innovation-days", time_zone="Europe/Oslo",
                        start=datetime(2031, 3, 12, 8, 0, tzinfo=UTC), end=datetime(2031, 3, 13, 16, 0, tzinfo=UTC),
                        created_by=organiser)


def oslo(day: int, hour: int, minute: int = 0) -> datetime:
    """A time in March 2031 in Oslo (UTC+1), as UTC."""
    return datetime(2031, 3, day, hour - 1, minute, tzinfo=UTC)


def png(size=(1200, 900), exif: bool = False) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (40, 120, 200))
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera maker"   # Make
        image.save(buffer, format="JPEG", exif=data)
    else:
        image.save(buffer, format="PNG")
    return buffer.getvalue()


def pptx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("ppt/presentation.xml", "<presentation/>")
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


# Sessions ------------------------------------------------------------------------------------------

def test_an_organiser_adds_a_session_with_speakers_and_links(event, organiser):
    speaker = SpeakerFactory(event=event, name="Amina Berg")
    session = services.session_create(
        event=event, by=organiser, title="Neighbourhood incubators", start=oslo(12, 10), end=oslo(12, 10, 45),
        room="Main hall", speakers=[speaker],
        links=[{"title": "Report", "url": "https://example.org/report"}, "https://example.org/"])
    session.refresh_from_db()
    assert list(session.speakers.all()) == [speaker]
    assert session.links == [{"title": "Report", "url": "https://example.org/report"},
                             {"title": "https://example.org/", "url": "https://example.org/"}]


def test_a_session_outside_the_events_days_is_refused(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.session_create(event=event, by=organiser, title="Dinner", start=oslo(14, 19), end=oslo(14, 21))
    assert "must take place on the event's days" in str(error.value)
    assert not ProgrammeSession.objects.exists()


def test_a_session_late_on_the_last_day_is_still_on_the_events_days(event, organiser):
    session = services.session_create(event=event, by=organiser, title="Dinner", start=oslo(13, 19),
                                      end=oslo(13, 23, 30))
    assert session.pk


def test_a_session_that_ends_before_it_starts_is_refused(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.session_create(event=event, by=organiser, title="Backwards", start=oslo(12, 11), end=oslo(12, 10))
    assert "The session ends before it starts." in str(error.value)


def test_a_link_that_is_not_a_web_address_is_refused(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.session_create(event=event, by=organiser, title="Talk", start=oslo(12, 10), end=oslo(12, 11),
                                links=["javascript:alert(1)"])
    assert "is not a web address" in str(error.value)


def test_a_speaker_of_another_event_cannot_be_put_in_a_session(event, organiser):
    stranger = SpeakerFactory()
    with pytest.raises(ValidationError):
        services.session_create(event=event, by=organiser, title="Talk", start=oslo(12, 10), end=oslo(12, 11),
                                speakers=[stranger])


def test_deleting_a_session_deletes_its_files_from_storage(event, organiser, django_capture_on_commit_callbacks):
    event_file = EventFileFactory(session=SessionFactory(event=event))
    storage, name = event_file.file.storage, event_file.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_delete(session=event_file.session, by=organiser)
    assert not EventFile.objects.exists()
    assert not storage.exists(name)


# Who may change the programme ----------------------------------------------------------------------

def _role(role: str, event: Event):
    """A user with `role` towards `event`."""
    from django.contrib.auth.models import AnonymousUser

    if role == "anonymous":
        return AnonymousUser()
    if role == "organising_admin":
        user = UserFactory()
        event.organisers.add(OrganisationFactory(admins=[user]))
        return user
    if role == "other_organisation_admin":
        user = UserFactory()
        OrganisationFactory(admins=[user])
        return user
    return {"member": UserFactory, "facilitator": lambda: UserFactory(is_facilitator=True),
            "hub_admin": lambda: UserFactory(is_superuser=True, is_staff=True),
            "creator": lambda: event.created_by}[role]()


@pytest.mark.parametrize(("role", "hub_event", "allowed"), [
    ("anonymous", False, False),
    ("member", False, False),
    ("other_organisation_admin", False, False),
    ("facilitator", False, False),
    ("facilitator", True, True),
    ("organising_admin", False, True),
    ("creator", False, True),
    ("hub_admin", False, True),
])
def test_only_those_who_run_the_event_may_change_its_programme(event, role, hub_event, allowed):
    event.organised_by_hub = hub_event
    event.save()
    user = _role(role, event)
    attempts = [
        lambda: services.session_create(event=event, by=user, title="Talk", start=oslo(12, 10), end=oslo(12, 11)),
        lambda: services.speaker_create(event=event, by=user, name="Guest"),
        lambda: services.file_add(event=event, by=user, upload=upload("a.pdf", PDF_BYTES)),
        lambda: services.stand_add(event=event, by=user, organisation=OrganisationFactory()),
        lambda: services.summary_update(event=event, by=user, outcome_summary="Good."),
    ]
    for attempt in attempts:
        if allowed:
            attempt()
        else:
            with pytest.raises(PermissionDenied):
                attempt()
    assert ProgrammeSession.objects.exists() is allowed
    assert Speaker.objects.exists() is allowed
    assert EventFile.objects.exists() is allowed
    assert Stand.objects.exists() is allowed


# Speakers ------------------------------------------------------------------------------------------

def test_a_member_speaker_takes_the_name_from_the_profile(event, organiser):
    member = UserFactory(name="Kari Nordmann")
    speaker = services.speaker_create(event=event, by=organiser, user=member, name="")
    assert (speaker.name, speaker.slug, speaker.user) == ("Kari Nordmann", "kari-nordmann", member)


def test_a_speaker_needs_a_name_or_a_member(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.speaker_create(event=event, by=organiser, name=" ")
    assert "Give the speaker's name" in str(error.value)


def test_two_speakers_with_the_same_name_get_different_pages(event, organiser):
    first = services.speaker_create(event=event, by=organiser, name="Anna Lind")
    second = services.speaker_create(event=event, by=organiser, name="Anna Lind")
    assert (first.slug, second.slug) == ("anna-lind", "anna-lind-2")


def test_a_speaker_photo_is_re_encoded_smaller_and_without_its_camera_data(event, organiser):
    speaker = services.speaker_create(event=event, by=organiser, name="Guest",
                                      photo=upload("me.jpg", png((2000, 1500), exif=True)))
    with Image.open(speaker.photo.path) as photo:
        assert max(photo.size) == services.PHOTO_SIZE
        assert not photo.getexif()
    assert "me" not in speaker.photo.name


def test_a_speaker_photo_that_is_not_an_image_is_refused(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.speaker_create(event=event, by=organiser, name="Guest", photo=upload("me.jpg", PDF_BYTES))
    assert "not an image we can read" in str(error.value)
    assert not Speaker.objects.exists()


def test_changing_a_speakers_name_keeps_the_address_of_the_page(event, organiser):
    speaker = services.speaker_create(event=event, by=organiser, name="Anna Lind")
    services.speaker_update(speaker=speaker, by=organiser, name="Anna Lind-Berg")
    speaker.refresh_from_db()
    assert (speaker.name, speaker.slug) == ("Anna Lind-Berg", "anna-lind")


# Files ---------------------------------------------------------------------------------------------

def test_slides_as_pdf_are_kept_with_their_type_and_size(event, organiser):
    session = SessionFactory(event=event)
    event_file = services.file_add(event=event, by=organiser, upload=upload("Kommunens roll.pdf", PDF_BYTES),
                                   session=session)
    assert (event_file.title, event_file.content_type, event_file.size) == ("Kommunens roll", "application/pdf",
                                                                            len(PDF_BYTES))
    assert event_file.file.name.endswith(".pdf") and "Kommunens" not in event_file.file.name


def test_a_powerpoint_presentation_is_accepted(event, organiser):
    event_file = services.file_add(event=event, by=organiser, upload=upload("deck.PPTX", pptx()), title="Deck")
    assert event_file.content_type == PPTX_TYPE


def test_an_image_is_re_encoded_and_typed_by_what_it_became(event, organiser):
    event_file = services.file_add(event=event, by=organiser, upload=upload("board.webp", png()), title="Board")
    assert event_file.content_type == "image/jpeg" and event_file.file.name.endswith(".jpg")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("setup.exe", b"MZ\x90\x00", "Only PDF, PowerPoint (.pptx) and images (JPEG, PNG, WebP) are accepted"),
    ("notes.docx", docx(), "Only PDF, PowerPoint (.pptx) and images (JPEG, PNG, WebP) are accepted"),
    ("slides.pdf", b"<html><script>alert(1)</script></html>", "is called .pdf but is not a PDF file"),
    ("deck.pptx", docx(), "is called .pptx but is not a PowerPoint presentation"),
    ("deck.pptx", PDF_BYTES, "is called .pptx but is not a PowerPoint presentation"),
    ("photo.png", b"GIF89a not really", "not an image we can read"),
    ("old.ppt", b"\xd0\xcf\x11\xe0", "Old PowerPoint files (.ppt) are not accepted"),
    ("empty.pdf", b"", "is empty"),
])
def test_a_file_of_the_wrong_kind_is_refused_with_a_clear_message(event, organiser, name, content, message):
    with pytest.raises(ValidationError) as error:
        services.file_add(event=event, by=organiser, upload=upload(name, content))
    assert message in " ".join(error.value.messages)
    assert not EventFile.objects.exists()


def test_a_file_above_the_size_limit_is_refused(event, organiser, settings):
    settings.EVENT_FILE_MAX_BYTES = 50
    with pytest.raises(ValidationError) as error:
        services.file_add(event=event, by=organiser, upload=upload("big.pdf", PDF_BYTES))
    assert "the largest file allowed is 50\xa0bytes" in error.value.messages[0]


def test_the_size_limit_is_20_mb_without_a_setting(settings):
    del settings.EVENT_FILE_MAX_BYTES
    assert services.event_file_max_bytes() == 20 * 1024 * 1024


def test_a_file_cannot_be_added_to_a_session_of_another_event(event, organiser):
    with pytest.raises(ValidationError):
        services.file_add(event=event, by=organiser, upload=upload("a.pdf", PDF_BYTES), session=SessionFactory())


def test_deleting_a_file_removes_it_from_storage(event, organiser, django_capture_on_commit_callbacks):
    event_file = EventFileFactory(session=SessionFactory(event=event))
    storage, name = event_file.file.storage, event_file.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.file_delete(event_file=event_file, by=organiser)
    assert not storage.exists(name) and not EventFile.objects.exists()


# Stands --------------------------------------------------------------------------------------------

def test_an_organisation_presents_itself_once_per_event(event, organiser):
    organisation = OrganisationFactory(name="Yalla Trappan")
    stand = services.stand_add(event=event, by=organiser, organisation=organisation, pitch=" Catering and sewing. ")
    assert stand.pitch == "Catering and sewing."
    with pytest.raises(ValidationError) as error:
        services.stand_add(event=event, by=organiser, organisation=organisation)
    assert "Yalla Trappan already has a stand at this event." in error.value.messages
    services.stand_remove(stand=stand, by=organiser)
    assert not Stand.objects.exists()


def test_a_merged_organisation_cannot_get_a_stand(event, organiser):
    target = OrganisationFactory()
    with pytest.raises(ValidationError):
        services.stand_add(event=event, by=organiser, organisation=OrganisationFactory(merged_into=target))


# The summary after the event -----------------------------------------------------------------------

def test_the_summary_keeps_the_text_and_the_photos_with_their_descriptions(event, organiser):
    services.summary_update(event=event, by=organiser, outcome_summary="Three new ideas.\n",
                            photos=[(upload("hall.png", png()), "The hall full of people")])
    event.refresh_from_db()
    photo = event.files.get()
    assert event.outcome_summary == "Three new ideas."
    assert (photo.kind, photo.alt_text, photo.session) == ("photo", "The hall full of people", None)


def test_a_summary_photo_without_a_description_is_refused_and_nothing_is_saved(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.summary_update(event=event, by=organiser, outcome_summary="Text",
                                photos=[(upload("a.png", png()), "Two people"), (upload("b.png", png()), " ")])
    assert "Describe what “b.png” shows" in error.value.messages[0]
    event.refresh_from_db()
    assert event.outcome_summary == "" and not EventFile.objects.exists()


def test_a_pdf_is_not_a_summary_photo(event, organiser):
    with pytest.raises(ValidationError) as error:
        services.summary_update(event=event, by=organiser, outcome_summary="",
                                photos=[(upload("slides.pdf", PDF_BYTES), "Slides")])
    assert "is not a photo" in error.value.messages[0]


def test_the_summary_partial_shows_the_text_photos_and_slides(event, organiser):
    services.summary_update(event=event, by=organiser, outcome_summary="Three new ideas.",
                            photos=[(upload("hall.png", png()), "The hall full of people")])
    slides = EventFileFactory(session=SessionFactory(event=event), title="Kommunens roll")
    html = render_to_string("events/partials/summary.html", {"event": event})
    assert "Three new ideas." in html
    assert 'alt="The hall full of people"' in html
    assert reverse("events:file_download", args=[event.slug, slides.pk]) in html
    assert "Kommunens roll" in html and "PDF" in html


def test_the_summary_partial_is_empty_for_an_event_without_one(event):
    assert render_to_string("events/partials/summary.html", {"event": event}).strip() == ""


# The programme page --------------------------------------------------------------------------------

def test_the_programme_shows_each_day_in_the_events_time_zone(client, event):
    speaker = SpeakerFactory(event=event, name="Amina Berg", slug="amina-berg", organisation_name="Kooperativet")
    # 23:30 UTC on the 12th is 00:30 on the 13th in Oslo: the session belongs to the second day.
    late = SessionFactory(event=event, title="Night walk", start=datetime(2031, 3, 12, 23, 30, tzinfo=UTC),
                          end=datetime(2031, 3, 13, 0, 30, tzinfo=UTC), room="Park")
    first = SessionFactory(event=event, title="Opening", start=oslo(12, 9), end=oslo(12, 9, 30), room="Main hall",
                           speakers=[speaker])
    slides = EventFileFactory(session=first, title="Opening slides")
    response = client.get(reverse("events:programme", args=[event.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    day_one, day_two = html.index("Wednesday 12 March 2031"), html.index("Thursday 13 March 2031")
    assert day_one < html.index("Opening") < day_two < html.index("Night walk")
    assert "9 a.m." in html and "12:30 a.m." in html
    assert "Main hall" in html and "Park" in html
    assert reverse("events:speaker", args=[event.slug, "amina-berg"]) in html
    assert reverse("events:file_download", args=[event.slug, slides.pk]) in html
    assert f"(slides, PDF, {len(PDF_BYTES)}\xa0bytes)" in html
    assert f'id="session-{late.pk}"' in html


def test_the_programme_lists_material_for_the_whole_event_but_not_the_summary_photos(client, event, organiser):
    services.file_add(event=event, by=organiser, upload=upload("Agenda.pdf", PDF_BYTES), kind="document")
    services.summary_update(event=event, by=organiser, outcome_summary="",
                            photos=[(upload("hall.png", png()), "The hall full of people")])
    html = client.get(reverse("events:programme", args=[event.slug])).content.decode()
    assert "Material for the whole event" in html and "(document, PDF," in html
    assert "The hall full of people" not in html


def test_an_organiser_removes_a_speaker_and_their_photo(client, event, organiser, django_capture_on_commit_callbacks):
    speaker = services.speaker_create(event=event, by=organiser, name="Guest", photo=upload("a.png", png()))
    storage, name = speaker.photo.storage, speaker.photo.name
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:speaker_delete", args=[event.slug, speaker.pk]))
    assert response.status_code == 302
    assert not Speaker.objects.exists() and not storage.exists(name)


def test_the_programme_prints_without_menus(client, event):
    html = client.get(reverse("events:programme", args=[event.slug])).content.decode()
    assert 'href="/static/events/print.css" media="print"' in html


def test_organisers_find_the_way_to_edit_the_programme_and_visitors_do_not(client, event, organiser):
    url = reverse("events:programme", args=[event.slug])
    edit_url = reverse("events:programme_edit", args=[event.slug])
    assert edit_url not in client.get(url).content.decode()
    client.force_login(organiser)
    assert edit_url in client.get(url).content.decode()


def test_the_programme_of_a_draft_is_hidden_from_visitors(client, event, organiser):
    event.status = Event.Status.DRAFT
    event.save()
    url = reverse("events:programme", args=[event.slug])
    assert client.get(url).status_code == 404
    client.force_login(organiser)
    assert client.get(url).status_code == 200


def programme_rows(event, n: int, start: int = 0):
    for i in range(start, start + n):
        speaker = SpeakerFactory(event=event)
        session = SessionFactory(event=event, start=oslo(12 + i % 2, 9, i % 50), end=oslo(12 + i % 2, 10),
                                 speakers=[speaker])
        EventFileFactory(session=session)
    StandFactory(event=event)


def count_queries(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the caches every page shares
    with django_assert_max_num_queries(10) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def log_in_as(client, viewer: str, event: Event, organiser) -> None:
    if viewer == "creator":
        client.force_login(organiser)
    elif viewer == "organising_admin":
        client.force_login(_role("organising_admin", event))


@pytest.mark.parametrize("viewer", ["anonymous", "creator", "organising_admin"])
def test_the_programme_runs_the_same_few_queries_for_5_and_50_sessions(client, event, organiser, viewer,
                                                                      django_assert_max_num_queries):
    log_in_as(client, viewer, event, organiser)
    url = reverse("events:programme", args=[event.slug])
    programme_rows(event, 5)
    with_five = count_queries(client, url, django_assert_max_num_queries)
    programme_rows(event, 45, start=5)
    with_fifty = count_queries(client, url, django_assert_max_num_queries)
    assert with_five == with_fifty
    assert client.get(url).content.decode().count('id="session-') == 50


@pytest.mark.parametrize("viewer", ["creator", "organising_admin"])
def test_the_edit_page_runs_the_same_few_queries_for_5_and_50_sessions(client, event, organiser, viewer,
                                                                      django_assert_max_num_queries):
    log_in_as(client, viewer, event, organiser)
    url = reverse("events:programme_edit", args=[event.slug])
    programme_rows(event, 5)
    with_five = count_queries(client, url, django_assert_max_num_queries)
    programme_rows(event, 45, start=5)
    assert count_queries(client, url, django_assert_max_num_queries) == with_five


# The speaker page ----------------------------------------------------------------------------------

def test_the_speaker_page_shows_bio_photo_organisation_and_sessions(client, event, organiser):
    speaker = services.speaker_create(event=event, by=organiser, name="Amina Berg", organisation_name="Kooperativet",
                                      bio="Runs a neighbourhood incubator.", photo=upload("a.png", png()))
    session = SessionFactory(event=event, title="Neighbourhood incubators", speakers=[speaker],
                             start=oslo(12, 14), end=oslo(12, 15))
    response = client.get(reverse("events:speaker", args=[event.slug, speaker.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Amina Berg" in html and "Kooperativet" in html
    assert "Runs a neighbourhood incubator." in html
    assert f'src="{speaker.photo.url}" alt="Photo of Amina Berg"' in html
    assert f"{reverse('events:programme', args=[event.slug])}#session-{session.pk}" in html
    assert "2 p.m." in html


def test_a_speaker_of_another_event_is_not_found_under_this_one(client, event):
    other = SpeakerFactory(slug="someone")
    assert client.get(reverse("events:speaker", args=[event.slug, other.slug])).status_code == 404


# Downloads -----------------------------------------------------------------------------------------

def test_a_pdf_is_downloaded_as_an_attachment_with_its_type_and_a_readable_name(client, event, organiser):
    event_file = services.file_add(event=event, by=organiser, upload=upload("x.pdf", PDF_BYTES),
                                   title="Kommunens roll i samskapande")
    response = client.get(reverse("events:file_download", args=[event.slug, event_file.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="kommunens-roll-i-samskapande.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize(("name", "content", "content_type", "extension"), [
    ("deck.pptx", pptx(), PPTX_TYPE, ".pptx"),
    ("photo.png", png(), "image/jpeg", ".jpg"),
])
def test_other_files_are_downloaded_with_their_own_type(client, event, organiser, name, content, content_type,
                                                        extension):
    event_file = services.file_add(event=event, by=organiser, upload=upload(name, content), title="Material")
    response = client.get(reverse("events:file_download", args=[event.slug, event_file.pk]))
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="material{extension}"'


def test_files_of_a_draft_are_not_downloadable_by_visitors(client, event):
    event_file = EventFileFactory(session=SessionFactory(event=event))
    event.status = Event.Status.DRAFT
    event.save()
    assert client.get(reverse("events:file_download", args=[event.slug, event_file.pk])).status_code == 404


def test_a_file_is_only_found_under_its_own_event(client, event):
    other = EventFileFactory()
    assert client.get(reverse("events:file_download", args=[event.slug, other.pk])).status_code == 404


# The organisers' pages -----------------------------------------------------------------------------

def test_visitors_are_sent_to_log_in_and_members_are_refused_the_edit_page(client, event):
    url = reverse("events:programme_edit", args=[event.slug])
    assert "/accounts/login/" in client.get(url)["Location"]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_an_organiser_adds_a_session_in_the_events_local_time(client, event, organiser):
    speaker = SpeakerFactory(event=event)
    client.force_login(organiser)
    response = client.post(reverse("events:session_create", args=[event.slug]), {
        "title": "Future battles", "start": "2031-03-12T13:00", "end": "2031-03-12T14:15", "room": "Room B",
        "speakers": [speaker.pk], "links": "Vote here | https://example.org/vote\n\n"})
    assert response.status_code == 302 and response["Location"] == reverse("events:programme_edit", args=[event.slug])
    session = ProgrammeSession.objects.get()
    assert (session.start, session.end) == (oslo(12, 13), oslo(12, 14, 15))
    assert session.links == [{"title": "Vote here", "url": "https://example.org/vote"}]
    assert list(session.speakers.all()) == [speaker]
    page = client.get(reverse("events:programme_edit", args=[event.slug])).content.decode()
    assert "Future battles" in page and "1 p.m." in page


def test_the_session_form_shows_times_in_the_events_time_zone_and_saves_changes(client, event, organiser):
    session = SessionFactory(event=event, start=oslo(12, 13), end=oslo(12, 14), links=[
        {"title": "https://example.org/", "url": "https://example.org/"}])
    client.force_login(organiser)
    url = reverse("events:session_edit", args=[event.slug, session.pk])
    html = client.get(url).content.decode()
    assert 'value="2031-03-12T13:00"' in html and "https://example.org/</textarea>" in html
    response = client.post(url, {"title": "Renamed", "start": "2031-03-12T13:00", "end": "2031-03-12T13:30"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.end, session.links) == ("Renamed", oslo(12, 13, 30), [])


def test_a_session_on_another_day_shows_the_message_in_the_form(client, event, organiser):
    client.force_login(organiser)
    response = client.post(reverse("events:session_create", args=[event.slug]), {
        "title": "Too late", "start": "2031-03-20T13:00", "end": "2031-03-20T14:00"})
    assert response.status_code == 200
    assert "The session must take place on the event&#x27;s days" in response.content.decode()


def test_an_organiser_deletes_a_session(client, event, organiser):
    session = SessionFactory(event=event)
    client.force_login(organiser)
    response = client.post(reverse("events:session_delete", args=[event.slug, session.pk]))
    assert response.status_code == 302 and not ProgrammeSession.objects.exists()


def test_an_organiser_adds_a_member_as_speaker_by_e_mail_address(client, event, organiser):
    member = UserFactory(name="Kari Nordmann", email="kari@example.org")
    client.force_login(organiser)
    url = reverse("events:speaker_create", args=[event.slug])
    response = client.post(url, {"member_email": "nobody@example.org"})
    assert "No member has this e-mail address." in response.content.decode()
    response = client.post(url, {"member_email": "KARI@example.org", "bio": "Works at NAV."})
    assert response.status_code == 302
    speaker = Speaker.objects.get()
    assert (speaker.name, speaker.user, speaker.bio) == ("Kari Nordmann", member, "Works at NAV.")


def test_a_speaker_photo_that_is_not_an_image_shows_a_message(client, event, organiser):
    client.force_login(organiser)
    response = client.post(reverse("events:speaker_create", args=[event.slug]),
                           {"name": "Guest", "photo": upload("me.png", b"not an image")})
    assert "The file is not an image we can read." in response.content.decode()
    assert not Speaker.objects.exists()


def test_an_organiser_uploads_slides_to_a_session(client, event, organiser):
    session = SessionFactory(event=event)
    client.force_login(organiser)
    url = reverse("events:file_add", args=[event.slug])
    assert f'<option value="{session.pk}" selected>' in client.get(url, {"session": session.pk}).content.decode()
    response = client.post(url, {"upload": upload("Slides.pdf", PDF_BYTES), "kind": "slides",
                                 "session": session.pk})
    assert response.status_code == 302
    assert EventFile.objects.get().session == session


def test_a_bad_upload_shows_what_is_wrong(client, event, organiser):
    client.force_login(organiser)
    response = client.post(reverse("events:file_add", args=[event.slug]),
                           {"upload": upload("virus.pdf", b"MZ\x90\x00"), "kind": "slides"})
    assert response.status_code == 200
    assert "is called .pdf but is not a PDF file" in response.content.decode()
    assert not EventFile.objects.exists()


def test_organisers_find_an_organisation_and_give_it_a_stand(client, event, organiser):
    organisation = OrganisationFactory(name="Yalla Trappan")
    OrganisationFactory(name="Something else")
    client.force_login(organiser)
    url = reverse("events:stands", args=[event.slug])
    html = client.get(url, {"q": "yalla"}).content.decode()
    assert "Yalla Trappan" in html and "Something else" not in html
    response = client.post(url, {"q": "yalla", "organisation": organisation.pk, "pitch": "Catering and sewing."})
    assert response.status_code == 302
    client.logout()
    html = client.get(url).content.decode()
    assert "Yalla Trappan" in html and "Catering and sewing." in html
    assert "Add an organisation" not in html


def test_a_search_without_matches_says_so(client, event, organiser):
    client.force_login(organiser)
    html = client.get(reverse("events:stands", args=[event.slug]), {"q": "nowhere"}).content.decode()
    assert "No organisation in the directory has “nowhere” in its name." in html


def test_visitors_cannot_add_stands(client, event):
    response = client.post(reverse("events:stands", args=[event.slug]),
                           {"organisation": OrganisationFactory().pk})
    assert response.status_code == 403 and not Stand.objects.exists()


def test_an_organiser_removes_a_stand(client, event, organiser):
    stand = StandFactory(event=event)
    client.force_login(organiser)
    client.post(reverse("events:stand_remove", args=[event.slug, stand.pk]))
    assert not Stand.objects.exists()


def test_an_organiser_writes_the_summary_with_a_photo(client, event, organiser):
    client.force_login(organiser)
    url = reverse("events:summary_edit", args=[event.slug])
    response = client.post(url, {"outcome_summary": "Three new ideas.", "photo_1": upload("hall.png", png())})
    assert "Describe what the photo shows" in response.content.decode()
    assert not EventFile.objects.exists()
    response = client.post(url, {"outcome_summary": "Three new ideas.", "photo_1": upload("hall.png", png()),
                                 "alt_1": "The hall full of people"})
    assert response.status_code == 302
    photo = EventFile.objects.get()
    assert photo.alt_text == "The hall full of people"
    html = client.get(url).content.decode()
    assert 'alt="The hall full of people"' in html and "Three new ideas." in html


def test_members_may_not_write_the_summary(client, event):
    client.force_login(UserFactory())
    response = client.post(reverse("events:summary_edit", args=[event.slug]), {"outcome_summary": "Mine"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.outcome_summary == ""
