"""Every write to resources and collections in the knowledge base.

Each service checks its permission itself (samskap.knowledge.permissions), so the pages and the API share
the rules, and keeps the search index current after the commit. Refused input raises ValidationError
with messages for the reader, keyed by field where there is one, and nothing is saved.
"""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samskap.actors.models import ContentLanguage
from samskap.actors.permissions import is_organisation_member
from samskap.core.fragments import KNOWLEDGE, generation_bump
from samskap.core.images import image_normalised
from samskap.core.uploads import IMAGE, document_checked

from .models import Collection, CollectionItem, Resource, ResourceKind
from .permissions import is_curator
from .search import resource_index, resource_unindex

# Words under /knowledge/ that are pages, not resources (and under /knowledge/collections/: "new").
RESERVED_SLUGS = frozenset({"new", "collections", "import", "export", "links", "funding"})
RESOURCE_FIELDS = frozenset({
    "kind", "title", "summary", "language", "body", "url", "author_person", "author_organisation", "author_name",
    "audiences", "published_on", "purpose", "when_to_use", "group_size_min", "group_size_max", "duration_minutes",
    "materials", "steps", "facilitator_tips",
})
COLLECTION_FIELDS = frozenset({"title", "description", "language", "is_published"})
IMAGE_SIZE = 4000           # images added as a resource's file, px on the longest side
SLUG_BASE_LENGTH = 200
SLUG_ATTEMPTS = 5
# Letters NFKD does not take apart: written the way they are in Scandinavian addresses.
SLUG_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d",
                              "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L", "œ": "oe", "Œ": "Oe"})


def knowledge_file_max_bytes() -> int:
    return int(getattr(settings, "KNOWLEDGE_FILE_MAX_BYTES", 20 * 1024 * 1024))


# Slugs ---------------------------------------------------------------------------------------------

def slug_from_title(title: str, *, fallback: str) -> str:
    """An ASCII slug: "Världscafé på Ørestad" -> "varldscafe-pa-orestad" (å, ä, ö folded, æ, ø written out)."""
    base = slugify((title or "").translate(SLUG_LETTERS), allow_unicode=False)[:SLUG_BASE_LENGTH].strip("-")
    return base or fallback


def _unique_slug(model: type[models.Model], title: str, *, fallback: str) -> str:
    base = slug_from_title(title, fallback=fallback)
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _save_with_new_slug(obj: Resource | Collection, *, fallback: str) -> None:
    """Save a new row under a free slug; if another request took it meanwhile, take the next one."""
    for attempt in range(SLUG_ATTEMPTS):
        obj.slug = _unique_slug(type(obj), obj.title, fallback=fallback)
        try:
            with transaction.atomic():
                obj.save()
            return
        except IntegrityError:
            taken_meanwhile = type(obj).objects.filter(slug=obj.slug).exists()
            if attempt == SLUG_ATTEMPTS - 1 or not taken_meanwhile:
                raise


# Resources -----------------------------------------------------------------------------------------

def _check_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - RESOURCE_FIELDS
    if unknown:
        raise TypeError(f"unknown resource fields: {sorted(unknown)}")


def _authors_checked(resource: Resource, by, previous: dict[str, Any]) -> None:
    """A member writes as themselves or for an organisation they are an active member of; only curators name
    someone else (from the directory or outside it). Authors already on the resource may stay."""
    curator = is_curator(by)
    errors: dict[str, list[str]] = {}
    organisation = resource.author_organisation
    if (organisation is not None and organisation.pk != previous.get("author_organisation_id")
            and not curator and not is_organisation_member(by, organisation)):
        errors.setdefault("author_organisation", []).append(
            _("You can add resources only for organisations you are an active member of."))
    if (resource.author_person_id and resource.author_person_id not in (by.pk, previous.get("author_person_id"))
            and not curator):
        errors.setdefault("author_person", []).append(_("You can name only yourself as the author."))
    if resource.author_name and resource.author_name != previous.get("author_name") and not curator:
        errors.setdefault("author_name", []).append(
            _("Only facilitators and hub admins add resources for people outside the directory."))
    if errors:
        raise ValidationError(errors)


def _has_content(resource: Resource, has_file: bool) -> bool:
    method_card = resource.kind == ResourceKind.METHOD and bool(resource.step_list)
    return bool(resource.body.strip() or resource.url.strip() or has_file or method_card)


def _file_prepared(upload) -> tuple[Any, str]:
    """Check the upload (type from its content, size) and return what to store under which random name."""
    try:
        kind, extension = document_checked(upload, max_bytes=knowledge_file_max_bytes())
    except ValidationError as error:
        raise ValidationError({"file": error.messages})
    if kind == IMAGE:
        image = image_normalised(upload, max_size=IMAGE_SIZE)  # no EXIF, no polyglot: only what Pillow wrote
        return image, image.name
    upload.seek(0)
    return upload, f"{uuid.uuid4().hex}.{extension}"


def _related_checked(resource: Resource, related: Iterable[Resource]) -> list[Resource]:
    related = list(related)
    wrong = [other.title for other in related if other.kind != ResourceKind.METHOD or other.pk == resource.pk]
    if wrong:
        raise ValidationError({"related_methods": [
            _("Only other method cards can be related methods: %(titles)s.") % {"titles": ", ".join(wrong)}]})
    return related


def _delete_file_on_commit(name: str, storage) -> None:
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _resource_save(resource: Resource, *, by, fields: dict[str, Any], file, remove_file: bool,
                   themes, places, related_methods) -> Resource:
    """Check and save a resource with its relations; inside the caller's transaction. The file is written last,
    after every check, and removed again if the save fails."""
    creating = resource.pk is None
    previous = {} if creating else {"author_person_id": resource.author_person_id, "author_name": resource.author_name,
                                    "author_organisation_id": resource.author_organisation_id}
    old_file = resource.file.name if resource.file else ""
    for name, value in fields.items():
        setattr(resource, name, value.strip() if isinstance(value, str) and name != "body" else value)
    if creating and not (resource.author_person_id or resource.author_organisation_id or resource.author_name):
        resource.author_person = by
    _authors_checked(resource, by, previous)
    errors: dict[str, list[str]] = {}
    try:
        resource.full_clean(exclude=["file", "slug", "themes", "places", "related_methods"], validate_unique=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    low, high = resource.group_size_min, resource.group_size_max
    if low is not None and high is not None and low > high:
        errors.setdefault("group_size_max", []).append(_("The largest group cannot be smaller than the smallest."))
    if related_methods is not None:
        try:
            related_methods = _related_checked(resource, related_methods)
        except ValidationError as error:
            errors.update(error.message_dict)
    keeps_file = bool(old_file) and not remove_file
    if not _has_content(resource, has_file=bool(file) or keeps_file):
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("A resource needs a text, a file or a web address: fill in at least one of them."))
    if errors:
        raise ValidationError(errors)
    stored, stored_name = _file_prepared(file) if file else (None, "")
    written = ""
    try:
        if stored is not None:
            resource.file.save(stored_name, stored, save=False)
            written = resource.file.name
        elif remove_file:
            resource.file = ""
        if creating:
            resource.created_by = by
            _save_with_new_slug(resource, fallback="resource")
        else:
            resource.save()
        if themes is not None:
            resource.themes.set(themes)
        if places is not None:
            resource.places.set(places)
        if related_methods is not None:
            resource.related_methods.set(related_methods)
    except Exception:
        if written:
            resource.file.storage.delete(written)
        raise
    if old_file and (written or remove_file):
        _delete_file_on_commit(old_file, resource.file.storage)
    transaction.on_commit(partial(resource_index, resource_id=resource.pk))
    return resource


def resource_create(*, by, file=None, themes: Iterable = (), places: Iterable = (),
                    related_methods: Iterable[Resource] = (), **fields: Any) -> Resource:
    """Add a resource. Its author is `by` unless an organisation of theirs (or, for curators, someone else)
    is named; it needs a text, a file or a web address."""
    if not by.has_perm("knowledge.add_resource"):
        raise PermissionDenied
    _check_fields(fields)
    with transaction.atomic():
        return _resource_save(Resource(), by=by, fields=dict(fields), file=file, remove_file=False,
                              themes=list(themes), places=list(places), related_methods=list(related_methods))


def resource_update(*, resource: Resource, by, file=None, remove_file: bool = False, themes: Iterable | None = None,
                    places: Iterable | None = None, related_methods: Iterable[Resource] | None = None,
                    **fields: Any) -> Resource:
    """Change a resource (its author, members of its organisation and curators may). The slug stays, so links
    keep working. Relations given as None stay as they are."""
    if not by.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied
    _check_fields(fields)
    with transaction.atomic():
        return _resource_save(resource, by=by, fields=dict(fields), file=file, remove_file=remove_file,
                              themes=None if themes is None else list(themes),
                              places=None if places is None else list(places),
                              related_methods=None if related_methods is None else list(related_methods))


def resource_delete(*, resource: Resource, by) -> None:
    """Delete a resource, its file and its place in collections; its versions in other languages stay."""
    if not by.has_perm("knowledge.delete_resource", resource):
        raise PermissionDenied
    with transaction.atomic():
        resource_id = resource.pk
        if resource.file:
            _delete_file_on_commit(resource.file.name, resource.file.storage)
        resource.delete()
        transaction.on_commit(partial(resource_unindex, resource_id=resource_id))


def resource_set_published(*, resource: Resource, by, published: bool) -> Resource:
    """Hide a resource from everyone but its authors and the curators, or show it again (curators only)."""
    if not by.has_perm("knowledge.curate"):
        raise PermissionDenied
    with transaction.atomic():
        resource.is_published = published
        resource.save(update_fields=["is_published", "updated_at"])
        transaction.on_commit(partial(resource_index, resource_id=resource.pk))
    return resource


def _language_name(code: str) -> str:
    return str(dict(ContentLanguage.choices).get(code, code))


def resource_versions_link(*, resource: Resource, other: Resource, by) -> Resource:
    """Make `other` (with the versions it already has) a version of `resource` in another language.

    A set of versions holds at most one resource per language. Both resources must be the linker's to change.
    """
    if not (by.has_perm("knowledge.change_resource", resource) and by.has_perm("knowledge.change_resource", other)):
        raise PermissionDenied
    if other.pk == resource.pk:
        raise ValidationError(_("A resource cannot be a version of itself."), code="same")
    with transaction.atomic():
        # The sets as they are now (the objects in hand may be older than a link made meanwhile).
        current = dict(Resource.objects.select_for_update().filter(pk__in=[resource.pk, other.pk])
                       .values_list("pk", "translation_group"))
        resource.translation_group, other.translation_group = current[resource.pk], current[other.pk]
        groups = {resource.translation_group, other.translation_group}
        members = list(Resource.objects.select_for_update().filter(translation_group__in=groups)
                       .only("pk", "title", "language", "translation_group").order_by("pk"))
        if len(groups) == 1:
            raise ValidationError(_("“%(title)s” is already a version of this resource.") % {"title": other.title},
                                  code="already_linked")
        by_language: dict[str, Resource] = {}
        for member in members:
            first = by_language.setdefault(member.language, member)
            if first.pk != member.pk:
                mine, theirs = sorted((first, member), key=lambda r: r.translation_group != resource.translation_group)
                raise ValidationError(
                    _("There is already a version in %(language)s: “%(title)s”. Each language can have one "
                      "version; unlink “%(title)s” first, or link “%(other)s” to another resource.") % {
                        "language": _language_name(member.language), "title": mine.title, "other": theirs.title},
                    code="language_taken")
        Resource.objects.filter(translation_group=other.translation_group).update(
            translation_group=resource.translation_group)
        other.translation_group = resource.translation_group
        transaction.on_commit(partial(generation_bump, KNOWLEDGE))
    return resource


def resource_versions_unlink(*, resource: Resource, by) -> Resource:
    """Take a resource out of its set of versions; the others stay linked to each other."""
    if not by.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied
    with transaction.atomic():
        resource.translation_group = uuid.uuid4()
        resource.save(update_fields=["translation_group", "updated_at"])
    return resource


# Collections ---------------------------------------------------------------------------------------

def _collection_fields_checked(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - COLLECTION_FIELDS
    if unknown:
        raise TypeError(f"unknown collection fields: {sorted(unknown)}")


def collection_create(*, by, **fields: Any) -> Collection:
    """Start a curated collection (curators only); resources are added with collection_items_set."""
    if not by.has_perm("knowledge.add_collection"):
        raise PermissionDenied
    _collection_fields_checked(fields)
    with transaction.atomic():
        collection = Collection(created_by=by, **{k: v.strip() if isinstance(v, str) else v for k, v in fields.items()})
        collection.full_clean(exclude=["slug"], validate_unique=False)
        _save_with_new_slug(collection, fallback="collection")
    return collection


def collection_update(*, collection: Collection, by, **fields: Any) -> Collection:
    """Change a collection's title, description, language or visibility; the slug stays."""
    if not by.has_perm("knowledge.change_collection", collection):
        raise PermissionDenied
    _collection_fields_checked(fields)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(collection, name, value.strip() if isinstance(value, str) else value)
        collection.full_clean(exclude=["slug"], validate_unique=False)
        collection.save()
    return collection


def collection_items_set(*, collection: Collection, by, resource_ids_in_order: Sequence[int],
                         notes: Mapping[int, str] | None = None) -> list[CollectionItem]:
    """Make the collection hold exactly these resources, in this order, each with its note."""
    if not by.has_perm("knowledge.change_collection", collection):
        raise PermissionDenied
    ids = [int(pk) for pk in resource_ids_in_order]
    notes = {int(pk): (note or "").strip() for pk, note in (notes or {}).items()}
    if len(set(ids)) != len(ids):
        raise ValidationError(_("A resource can be in a collection only once."), code="twice")
    found = set(Resource.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if missing := [pk for pk in ids if pk not in found]:
        raise ValidationError(_("Some of the resources no longer exist (%(ids)s). Reload the page and try again.")
                              % {"ids": ", ".join(map(str, missing))}, code="unknown")
    max_note = CollectionItem._meta.get_field("note").max_length
    if any(len(notes.get(pk, "")) > max_note for pk in ids):
        raise ValidationError(_("A note can be at most %(max)s characters long.") % {"max": max_note},
                              code="note_too_long")
    with transaction.atomic():
        Collection.objects.select_for_update().filter(pk=collection.pk).first()
        existing = {item.resource_id: item for item in collection.items.all()}
        collection.items.exclude(resource_id__in=ids).delete()
        changed, new = [], []
        for position, pk in enumerate(ids):
            item = existing.get(pk)
            if item is None:
                new.append(CollectionItem(collection=collection, resource_id=pk, position=position,
                                          note=notes.get(pk, "")))
            else:
                note = notes.get(pk, item.note)
                if (item.position, item.note) != (position, note):
                    item.position, item.note = position, note
                    changed.append(item)
        CollectionItem.objects.bulk_update(changed, ["position", "note"])
        CollectionItem.objects.bulk_create(new)
        collection.save(update_fields=["updated_at"])
        transaction.on_commit(partial(generation_bump, KNOWLEDGE))
    return list(collection.items.select_related("resource").order_by("position", "pk"))


def collection_delete(*, collection: Collection, by) -> None:
    """Delete a collection; its resources stay in the knowledge base."""
    if not by.has_perm("knowledge.change_collection", collection):
        raise PermissionDenied
    with transaction.atomic():
        collection.delete()

