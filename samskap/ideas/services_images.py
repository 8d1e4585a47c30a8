"""Writes for an idea's own page (part B1): submitting or editing it together with its images, the images
themselves (add, describe, remove) and deleting an idea.

Images are checked before anything is stored (size from settings.IDEAS_IMAGE_MAX_BYTES, the type from the
content) and re-encoded (samskap.core.images), each with a description for people who cannot see it; an idea
keeps at most MAX_IMAGES. Stored files are deleted from storage only after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samskap.accounts.models import User
from samskap.core.images import image_normalised, validate_image_upload

from .models import Idea, IdeaImage
from .search import idea_index
from .services import idea_create, idea_publish, idea_update

MAX_IMAGES = 5
IMAGE_SIZE = 1600  # px, the longer side
ALT_TEXT_MAX = IdeaImage._meta.get_field("alt_text").max_length


def _delete_file_on_commit(field_file) -> None:
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


def _alt_text_checked(alt_text: str) -> str:
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise ValidationError(_("Describe what the image shows, for people who cannot see it."), code="no_alt_text")
    if len(alt_text) > ALT_TEXT_MAX:
        raise ValidationError(_("Keep the description of the image under %(max)s characters.") % {"max": ALT_TEXT_MAX},
                              code="alt_text_too_long")
    return alt_text


def image_checked(upload, alt_text: str) -> str:
    """Refuse an image that is too large, not an image, or without a description; return the description."""
    validate_image_upload(upload, max_bytes=settings.IDEAS_IMAGE_MAX_BYTES)
    return _alt_text_checked(alt_text)


def _images_room_checked(idea: Idea, adding: int, removing: int = 0) -> None:
    if not adding:
        return
    count = IdeaImage.objects.filter(idea=idea, log_entry__isnull=True).count() if idea.pk else 0
    if count - removing + adding > MAX_IMAGES:
        raise ValidationError(_("An idea can have at most %(max)s images. Remove one before adding another.")
                              % {"max": MAX_IMAGES}, code="too_many_images")


def image_store(idea: Idea, upload, alt_text: str, position: int, *, log_entry=None) -> IdeaImage:
    """Store a checked upload re-encoded (the idea's own pictures, or a logbook update's with `log_entry`)."""
    content = image_normalised(upload, max_size=IMAGE_SIZE)
    image = IdeaImage(idea=idea, log_entry=log_entry, alt_text=alt_text, position=position)
    image.image.save(content.name, content, save=False)
    image.save()
    return image


def _next_position(idea: Idea) -> int:
    last = IdeaImage.objects.filter(idea=idea, log_entry__isnull=True).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _check_change(by: User, idea: Idea) -> None:
    if not by.has_perm("ideas.change_idea", idea):
        raise PermissionDenied


def idea_image_add(*, idea: Idea, by: User, upload, alt_text: str) -> IdeaImage:
    """Add one image, with its description, to the idea (the core team or a hub admin)."""
    _check_change(by, idea)
    alt_text = image_checked(upload, alt_text)
    with transaction.atomic():
        _images_room_checked(idea, 1)
        return image_store(idea, upload, alt_text, _next_position(idea))


def idea_image_update(*, image: IdeaImage, by: User, alt_text: str) -> IdeaImage:
    """Change an image's description."""
    _check_change(by, image.idea)
    image.alt_text = _alt_text_checked(alt_text)
    image.save(update_fields=["alt_text"])
    return image


def idea_image_remove(*, image: IdeaImage, by: User) -> None:
    _check_change(by, image.idea)
    with transaction.atomic():
        _delete_file_on_commit(image.image)
        image.delete()


def _new_images_checked(images: Sequence[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Every new image checked before any is stored; errors name the image by its place in the form."""
    checked = []
    for upload, alt_text in images:
        checked.append((upload, image_checked(upload, alt_text)))
    return checked


@transaction.atomic
def idea_create_with_images(*, author: User, images: Sequence[tuple[Any, str]] = (), **fields) -> Idea:
    """Submit an idea (`idea_create`'s arguments) with up to MAX_IMAGES (upload, description) pairs; a refused
    image refuses the whole submission, so nothing is half-saved."""
    if not author.has_perm("ideas.add_idea"):
        raise PermissionDenied
    checked = _new_images_checked(images)
    if len(checked) > MAX_IMAGES:
        raise ValidationError(_("An idea can have at most %(max)s images.") % {"max": MAX_IMAGES},
                              code="too_many_images")
    idea = idea_create(author=author, **fields)
    for position, (upload, alt_text) in enumerate(checked):
        image_store(idea, upload, alt_text, position)
    return idea


@transaction.atomic
def idea_update_with_images(*, idea: Idea, by: User, images_new: Sequence[tuple[Any, str]] = (),
                            alt_texts: dict[int, str] | None = None, images_removed: Iterable[int] = (),
                            publish: bool = False, **fields) -> Idea:
    """Edit an idea (`idea_update`'s arguments) and its images at once: add `images_new`, change the descriptions
    in `alt_texts` ({image id: text}), remove the images in `images_removed`; `publish` publishes a draft."""
    _check_change(by, idea)
    checked = _new_images_checked(images_new)
    own = {image.pk: image for image in IdeaImage.objects.filter(idea=idea, log_entry__isnull=True)}
    removed = {pk for pk in images_removed if pk in own}
    described = {pk: _alt_text_checked(text) for pk, text in (alt_texts or {}).items()
                 if pk in own and pk not in removed}
    if len(own) - len(removed) + len(checked) > MAX_IMAGES:
        raise ValidationError(_("An idea can have at most %(max)s images. Remove one before adding another.")
                              % {"max": MAX_IMAGES}, code="too_many_images")
    idea = idea_update(idea=idea, by=by, **fields)
    for pk in removed:
        _delete_file_on_commit(own[pk].image)
        own[pk].delete()
    for pk, text in described.items():
        if own[pk].alt_text != text:
            own[pk].alt_text = text
            own[pk].save(update_fields=["alt_text"])
    position = _next_position(idea)
    for offset, (upload, alt_text) in enumerate(checked):
        image_store(idea, upload, alt_text, position + offset)
    if publish and idea.published_at is None:
        idea = idea_publish(idea=idea, by=by)
    return idea


@transaction.atomic
def idea_delete(*, idea: Idea, by: User) -> None:
    """Delete the idea with everything on it (the core team or a hub admin). Its image files go after the commit."""
    if not by.has_perm("ideas.delete_idea", idea):
        raise PermissionDenied
    for image in IdeaImage.objects.filter(idea=idea):
        _delete_file_on_commit(image.image)
    idea_id = idea.pk
    idea.delete()
    transaction.on_commit(partial(idea_index, idea_id=idea_id))
