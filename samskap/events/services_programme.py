"""Every write to an event's programme: sessions, speakers, slides and files, stands, and the summary afterwards.

Each service checks ``events.change_programme`` itself, so a page and the API share the rule.
"""

import uuid
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, time
from functools import partial
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from samskap.actors.models import Organisation
from samskap.core.images import image_normalised, validate_image_upload

from .models import Event, EventFile, ProgrammeSession, Speaker, Stand
from .search import event_index, session_index, session_unindex

PHOTO_SIZE = 800            # speaker photos, px on the longest side
SLIDE_IMAGE_SIZE = 3000     # images added as slides or files
SUMMARY_PHOTO_SIZE = 2000   # photos in the summary after the event
DEFAULT_EVENT_FILE_MAX_BYTES = 20 * 1024 * 1024

PDF = "application/pdf"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
IMAGE_TYPES = {"jpg": "image/jpeg", "png": "image/png"}   # what image_normalised writes
# Extension -> what the file must turn out to be.
ACCEPTED_EXTENSIONS = {"pdf": "pdf", "pptx": "pptx", "jpg": "image", "jpeg": "image", "png": "image", "webp": "image"}
SESSION_FIELDS = {"title", "description", "start", "end", "room", "links"}
SPEAKER_FIELDS = {"name", "user", "organisation_name", "bio"}


def event_file_max_bytes() -> int:
    return int(getattr(settings, "EVENT_FILE_MAX_BYTES", DEFAULT_EVENT_FILE_MAX_BYTES))


def _check(by, event: Event) -> None:
    if not by.has_perm("events.change_programme", event):
        raise PermissionDenied


def _delete_file_on_commit(field_file) -> None:
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


# Sessions ------------------------------------------------------------------------------------------

def links_cleaned(links: Iterable[Any]) -> list[dict[str, str]]:
    """Links as [{"title", "url"}], each an http(s) address; a plain address is its own title."""
    validate = URLValidator(schemes=["http", "https"])
    cleaned = []
    for link in links:
        title, url = (link.get("title", ""), link.get("url", "")) if isinstance(link, dict) else ("", str(link))
        url, title = url.strip(), title.strip()
        try:
            validate(url)
        except ValidationError:
            raise ValidationError(_("“%(url)s” is not a web address. Write it as https://…") % {"url": url[:100]},
                                  code="bad_link")
        cleaned.append({"title": title[:200] or url, "url": url})
    return cleaned


def _check_times(session: ProgrammeSession, event: Event) -> None:
    if session.end < session.start:
        raise ValidationError({"end": _("The session ends before it starts.")}, code="ends_before_start")
    zone = ZoneInfo(event.time_zone)
    first_day = datetime.combine(localtime(event.start, zone).date(), time.min, tzinfo=zone)
    after_last_day = datetime.combine(localtime(event.end, zone).date(), time.max, tzinfo=zone)
    if session.start < first_day or session.end > after_last_day:
        raise ValidationError(
            {"start": _("The session must take place on the event's days (%(first)s to %(last)s).") % {
                "first": date_format(first_day.date()), "last": date_format(after_last_day.date())}},
            code="outside_event")


def _session_save(session: ProgrammeSession, fields: dict[str, Any], speakers: Iterable[Speaker] | None) -> None:
    unknown = set(fields) - SESSION_FIELDS
    if unknown:
        raise TypeError(f"unknown session fields: {sorted(unknown)}")
    if "links" in fields:
        fields["links"] = links_cleaned(fields["links"] or [])
    for name, value in fields.items():
        setattr(session, name, value)
    session.full_clean(exclude=["event"])
    _check_times(session, session.event)
    speakers = list(speakers) if speakers is not None else None
    if speakers is not None and any(speaker.event_id != session.event_id for speaker in speakers):
        raise ValidationError({"speakers": _("A speaker of another event cannot speak in this session.")},
                              code="wrong_event")
    with transaction.atomic():
        session.save()
        if speakers is not None:
            session.speakers.set(speakers)
        transaction.on_commit(partial(session_index, session_id=session.pk))


def session_create(*, event: Event, by, speakers: Iterable[Speaker] = (), **fields: Any) -> ProgrammeSession:
    """Add a session (talk, workshop, break) to the event's programme."""
    _check(by, event)
    session = ProgrammeSession(event=event)
    _session_save(session, dict(fields), speakers)
    return session


def session_update(*, session: ProgrammeSession, by, speakers: Iterable[Speaker] | None = None,
                   **fields: Any) -> ProgrammeSession:
    _check(by, session.event)
    _session_save(session, dict(fields), speakers)
    return session


def session_delete(*, session: ProgrammeSession, by) -> None:
    """Delete a session with its files (the stored files go too, after the commit)."""
    _check(by, session.event)
    with transaction.atomic():
        for event_file in session.files.all():
            _delete_file_on_commit(event_file.file)
        session_id = session.pk
        session.delete()
        transaction.on_commit(partial(session_unindex, session_id=session_id))


# Speakers ------------------------------------------------------------------------------------------

def _speaker_slug(speaker: Speaker) -> str:
    base = (slugify(speaker.name) or "speaker")[:150]
    taken = set(Speaker.objects.filter(event_id=speaker.event_id, slug__startswith=base)
                .exclude(pk=speaker.pk).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _speaker_save(speaker: Speaker, fields: dict[str, Any], *, photo, remove_photo: bool) -> None:
    unknown = set(fields) - SPEAKER_FIELDS
    if unknown:
        raise TypeError(f"unknown speaker fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(speaker, name, value)
    if not speaker.name.strip() and speaker.user is not None:
        speaker.name = speaker.user.display_name
    if not speaker.name.strip():
        raise ValidationError({"name": _("Give the speaker's name, or the e-mail address of a member.")},
                              code="no_name")
    if not speaker.slug:
        speaker.slug = _speaker_slug(speaker)
    if photo is not None:
        validate_image_upload(photo)
    speaker.full_clean(exclude=["event", "photo", "user"])
    old_photo = speaker.photo if (photo is not None or remove_photo) else None
    with transaction.atomic():
        if photo is not None:
            normalised = image_normalised(photo, max_size=PHOTO_SIZE)
            speaker.photo.save(normalised.name, normalised, save=False)
        elif remove_photo:
            speaker.photo = ""
        speaker.save()
        if old_photo:
            _delete_file_on_commit(old_photo)
        for session_id in speaker.sessions.values_list("pk", flat=True):
            transaction.on_commit(partial(session_index, session_id=session_id))


def speaker_create(*, event: Event, by, photo=None, **fields: Any) -> Speaker:
    """Add a speaker: a member (``user``), or a guest with name, organisation, bio and photo."""
    _check(by, event)
    speaker = Speaker(event=event)
    _speaker_save(speaker, dict(fields), photo=photo, remove_photo=False)
    return speaker


def speaker_update(*, speaker: Speaker, by, photo=None, remove_photo: bool = False, **fields: Any) -> Speaker:
    """Change a speaker. The address of the speaker's page stays, so links keep working."""
    _check(by, speaker.event)
    _speaker_save(speaker, dict(fields), photo=photo, remove_photo=remove_photo)
    return speaker


def speaker_delete(*, speaker: Speaker, by) -> None:
    _check(by, speaker.event)
    with transaction.atomic():
        session_ids = list(speaker.sessions.values_list("pk", flat=True))
        _delete_file_on_commit(speaker.photo)
        speaker.delete()
        for session_id in session_ids:
            transaction.on_commit(partial(session_index, session_id=session_id))


# Files ---------------------------------------------------------------------------------------------

def _head(upload, length: int) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _is_pptx(upload) -> bool:
    """A PowerPoint presentation is a ZIP package with a content-types part and a ppt/ folder."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(name.startswith("ppt/") for name in names)


def event_file_checked(upload) -> tuple[str, str]:
    """Check an uploaded file by its name and by its content; return (content type, extension).

    Only PDF, PowerPoint (.pptx) and JPEG, PNG or WebP images are accepted, up to EVENT_FILE_MAX_BYTES.
    """
    name = PurePath(upload.name or "").name
    max_bytes = event_file_max_bytes()
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s; the largest file allowed is %(max)s.") % {
                "name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_large")
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension == "ppt":
        raise ValidationError(_("Old PowerPoint files (.ppt) are not accepted. Save the presentation as .pptx or "
                                "PDF and add it again."), code="wrong_type")
    expected = ACCEPTED_EXTENSIONS.get(extension)
    if expected is None:
        raise ValidationError(
            _("“%(name)s” cannot be added. Only PDF, PowerPoint (.pptx) and images (JPEG, PNG, WebP) are accepted.")
            % {"name": name}, code="wrong_type")
    if expected == "pdf":
        if b"%PDF-" not in _head(upload, 1024):  # the header may follow a few bytes of junk
            raise ValidationError(_("“%(name)s” is called .pdf but is not a PDF file.") % {"name": name},
                                  code="not_what_it_says")
        return PDF, "pdf"
    if expected == "pptx":
        if not _is_pptx(upload):
            raise ValidationError(
                _("“%(name)s” is called .pptx but is not a PowerPoint presentation.") % {"name": name},
                code="not_what_it_says")
        return PPTX, "pptx"
    try:
        validate_image_upload(upload, max_bytes=max_bytes)
    except ValidationError as error:
        raise ValidationError(_("“%(name)s”: %(problem)s") % {"name": name, "problem": " ".join(error.messages)},
                              code="not_what_it_says")
    return "image", extension


def _stored(upload, *, content_type: str, extension: str, image_size: int) -> tuple[Any, str, str]:
    """What to store, under which random name, as which type: images re-encoded (no EXIF, no polyglots),
    PDF and PowerPoint files as they came (copied in chunks, never read whole into memory)."""
    if content_type == "image":
        image = image_normalised(upload, max_size=image_size)
        return image, image.name, IMAGE_TYPES[PurePath(image.name).suffix.lstrip(".")]
    upload.seek(0)
    return upload, f"{uuid.uuid4().hex}.{extension}", content_type


def _photo_checked(upload, alt_text: str) -> tuple[str, str]:
    name = PurePath(upload.name or "").name
    checked = event_file_checked(upload)
    if checked[0] != "image":
        raise ValidationError(_("“%(name)s” is not a photo. Photos are JPEG, PNG or WebP images.") % {"name": name},
                              code="not_a_photo")
    if not (alt_text or "").strip():
        raise ValidationError(_("Describe what “%(name)s” shows, for those who cannot see it.") % {"name": name},
                              code="no_alt")
    return checked


def _file_create(*, event: Event, upload, title: str, kind: str, session: ProgrammeSession | None,
                 alt_text: str, image_size: int) -> EventFile:
    """Store a checked file (the checks run first, so a refused file leaves nothing behind)."""
    if kind == EventFile.Kind.PHOTO:
        content_type, extension = _photo_checked(upload, alt_text)
    else:
        content_type, extension = event_file_checked(upload)
    title = (title or PurePath(upload.name or "").stem).strip()[:200] or _("File")
    content, name, content_type = _stored(upload, content_type=content_type, extension=extension,
                                          image_size=image_size)
    event_file = EventFile(event=event, session=session, kind=kind, title=title, content_type=content_type,
                           size=content.size, alt_text=alt_text.strip())
    event_file.file.save(name, content, save=False)
    event_file.save()
    return event_file


def file_add(*, event: Event, by, upload, title: str = "", kind: str = EventFile.Kind.SLIDES,
             session: ProgrammeSession | None = None, alt_text: str = "") -> EventFile:
    """Add slides or a file (PDF, PPTX or an image) to the event or one of its sessions."""
    _check(by, event)
    if session is not None and session.event_id != event.pk:
        raise ValidationError(_("The session belongs to another event."), code="wrong_event")
    if kind not in EventFile.Kind.values:
        raise ValidationError(_("Unknown kind of file."), code="bad_kind")
    return _file_create(event=event, upload=upload, title=title, kind=kind, session=session, alt_text=alt_text,
                        image_size=SLIDE_IMAGE_SIZE)


def file_delete(*, event_file: EventFile, by) -> None:
    _check(by, event_file.event)
    with transaction.atomic():
        _delete_file_on_commit(event_file.file)
        event_file.delete()


# Stands --------------------------------------------------------------------------------------------

def stand_add(*, event: Event, by, organisation: Organisation, pitch: str = "") -> Stand:
    """Let an organisation from the directory present itself at the event with a short pitch."""
    _check(by, event)
    if organisation.merged_into_id:
        raise ValidationError(_("This organisation was merged into another; add that one instead."), code="merged")
    stand = Stand(event=event, organisation=organisation, pitch=pitch.strip())
    stand.full_clean(exclude=["event", "organisation"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            stand.save()
    except IntegrityError:
        raise ValidationError(_("%(name)s already has a stand at this event.") % {"name": organisation.name},
                              code="duplicate")
    return stand


def stand_remove(*, stand: Stand, by) -> None:
    _check(by, stand.event)
    stand.delete()


# After the event -----------------------------------------------------------------------------------

def summary_update(*, event: Event, by, outcome_summary: str,
                   photos: Sequence[tuple[Any, str]] = ()) -> Event:
    """Keep what came out of the event on its page: a text and photos, each with a description (alt text)."""
    _check(by, event)
    for upload, alt_text in photos:   # every photo is checked before any is stored
        _photo_checked(upload, alt_text)
    with transaction.atomic():
        event.outcome_summary = outcome_summary.strip()
        event.save(update_fields=["outcome_summary", "updated_at"])
        for upload, alt_text in photos:
            _file_create(event=event, upload=upload, title="", kind=EventFile.Kind.PHOTO, session=None,
                         alt_text=alt_text, image_size=SUMMARY_PHOTO_SIZE)
        transaction.on_commit(partial(event_index, event_id=event.pk))
    return event
