"""Knowledge pages: the resource list, a resource (and its file), adding, editing, hiding and deleting one,
linking its versions in other languages, and curated collections. Thin: forms validate, services write,
selectors read."""

import functools
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from samskap.core.fragments import DIRECTORY, KNOWLEDGE, cached_fragment, generation
from samskap.core.paging import page_number
from samskap.core.uploads import CONTENT_TYPES

from . import selectors, services
from .forms import CollectionForm, ResourceFilterForm, ResourceForm
from .models import Collection, Resource
from .permissions import is_curator

PAGE_SIZE = 20
# Visitors' copies of the list and of a resource page: outdated by any change to the knowledge base or the
# directory (authors' names).
FRAGMENT_GENERATIONS = (DIRECTORY, KNOWLEDGE)


def _add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the fields they name, the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _resource_or_404(request, slug: str) -> Resource:
    try:
        return selectors.resource_get(slug=slug, viewer=request.user)
    except Resource.DoesNotExist:
        raise Http404


def _collection_or_404(request, slug: str) -> Collection:
    try:
        return selectors.collection_get(slug=slug, viewer=request.user)
    except Collection.DoesNotExist:
        raise Http404


# The list ------------------------------------------------------------------------------------------

def _resource_list_context(request) -> dict:
    form = ResourceFilterForm(request.GET or None, themes=selectors.filter_themes())
    filters = form.valid_filters() if form.is_bound else {}
    problems = [
        _("The filter “%(filter)s” has no value “%(value)s”, so it was left out.") % {
            "filter": form.fields[name].label, "value": request.GET.get(name, "")[:60]}
        for name in form.errors
    ]
    resources = selectors.resource_list(viewer=request.user, reader_language=get_language() or "", **filters)
    paginator = Paginator(resources, PAGE_SIZE)
    number = page_number(request.GET.get("page", "1"), paginator.num_pages, problems)
    page = paginator.page(number)
    return {
        "filter_form": form, "page": page, "paginator": paginator, "problems": problems,
        "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
        "filtered": bool({name for name in filters if name != "sort"}), "is_curator": is_curator(request.user),
    }


def resource_list(request):
    if request.user.is_authenticated:  # hidden resources of their own, the curators' link badges: for them
        return render(request, "knowledge/resource_list.html", _resource_list_context(request))
    context = functools.cache(partial(_resource_list_context, request))  # built only on a miss, once
    key = ("resources", sorted(request.GET.lists()))
    return render(request, "knowledge/resource_list.html", {
        "cached_content": cached_fragment(request, "knowledge/partials/resource_list_content.html", context,
                                          key=key, generations=FRAGMENT_GENERATIONS),
    })


# A resource ----------------------------------------------------------------------------------------

def _resource_detail_context(request, slug: str) -> dict:
    try:
        page = selectors.resource_detail(slug=slug, viewer=request.user)
    except Resource.DoesNotExist:
        raise Http404
    resource = page.resource
    user = request.user
    can = {
        "change": user.has_perm("knowledge.change_resource", resource),
        "delete": user.has_perm("knowledge.delete_resource", resource),
        "curate": user.has_perm("knowledge.curate"),
    }
    return {"resource": resource, "page": page, "can": can}


def resource_detail(request, slug: str):
    if request.user.is_authenticated:  # their edit buttons, hidden resources, link status: rendered for them
        return render(request, "knowledge/resource_detail.html", _resource_detail_context(request, slug))
    # Which resource the address names, kept with the cached copies (any change to a resource outdates both).
    known_key = f"resource-at:{generation(KNOWLEDGE)}:{slug}"
    known = cache.get(known_key)
    if known is None:
        found = Resource.objects.published().only("title", "language", "summary").filter(slug=slug).first()
        if found is None:
            raise Http404
        known = (found.pk, found.title, found.language)
        cache.set(known_key, known)
    resource = Resource(pk=known[0], title=known[1], language=known[2], slug=slug)
    context = functools.cache(partial(_resource_detail_context, request, slug))
    return render(request, "knowledge/resource_detail.html", {
        "resource": resource,
        "cached_content": cached_fragment(request, "knowledge/partials/resource_detail_content.html", context,
                                          key=("resource", resource.pk), generations=FRAGMENT_GENERATIONS),
    })


def resource_file(request, slug: str):
    """The resource's file as a download: the type it was checked to be, a readable name, never sniffed."""
    resource = _resource_or_404(request, slug)
    if not resource.file:
        raise Http404
    extension = resource.file.name.rsplit(".", 1)[-1].lower()
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError:
        raise Http404
    response = FileResponse(handle, as_attachment=True,
                            content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
                            filename=selectors.file_name_for_download(resource))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _resource_form_page(request, form, *, resource=None, status: int = 200):
    return render(request, "knowledge/resource_form.html", {"form": form, "resource": resource}, status=status)


@login_required
def resource_create(request):
    if not request.user.has_perm("knowledge.add_resource"):
        raise PermissionDenied
    initial = {"language": request.LANGUAGE_CODE[:2]}
    if request.GET.get("kind"):
        initial["kind"] = request.GET["kind"]
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.resource_create(by=request.user, file=form.cleaned_data.get("file"),
                                                **form.service_fields())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The resource is added."))
            return redirect(resource)
    return _resource_form_page(request, form)


@login_required
def resource_edit(request, slug: str):
    resource = _resource_or_404(request, slug)
    if not request.user.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied
    # The form changes its instance while validating; the service gets the saved one.
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user,
                        instance=selectors.resource_get(slug=slug, viewer=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_update(resource=resource, by=request.user, file=form.cleaned_data.get("file"),
                                     remove_file=form.cleaned_data.get("remove_file", False),
                                     **form.service_fields())
        except ValidationError as error:
            resource.refresh_from_db()
            _add_errors(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(resource)
    return _resource_form_page(request, form, resource=resource)


@login_required
def resource_delete(request, slug: str):
    resource = _resource_or_404(request, slug)
    if not request.user.has_perm("knowledge.delete_resource", resource):
        raise PermissionDenied
    if request.method == "POST":
        services.resource_delete(resource=resource, by=request.user)
        messages.success(request, _("“%(title)s” is deleted.") % {"title": resource.title})
        return redirect("knowledge:resources")
    collections = resource.collections.count()
    return render(request, "knowledge/resource_delete.html", {"resource": resource, "collections": collections})


@login_required
@require_POST
def resource_publish(request, slug: str):
    """Curators hide a resource (only its authors and the curators see it then) or show it again."""
    resource = _resource_or_404(request, slug)
    if not request.user.has_perm("knowledge.curate"):
        raise PermissionDenied
    published = request.POST.get("published") == "1"
    services.resource_set_published(resource=resource, by=request.user, published=published)
    messages.success(request, _("The resource is shown to everyone again.") if published
                     else _("The resource is hidden: only its authors and the curators see it."))
    return redirect(resource)


@login_required
def resource_versions(request, slug: str):
    """Link versions of the resource in other languages, or unlink them."""
    resource = _resource_or_404(request, slug)
    if not request.user.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        try:
            if other_pk := request.POST.get("link", ""):
                other = _resource_by_pk(request, other_pk)
                services.resource_versions_link(resource=resource, other=other, by=request.user)
                messages.success(request, _("“%(title)s” is now a version of this resource.") % {"title": other.title})
            elif other_pk := request.POST.get("unlink", ""):
                other = _resource_by_pk(request, other_pk)
                if other.pk != resource.pk and other.translation_group != resource.translation_group:
                    raise ValidationError(_("“%(title)s” is not a version of this resource.") % {"title": other.title})
                services.resource_versions_unlink(resource=other, by=request.user)
                messages.success(request, _("“%(title)s” is no longer linked as a version.") % {"title": other.title})
                if other.pk == resource.pk:
                    return redirect(resource)
        except ValidationError as error:
            errors = error.messages
        except PermissionDenied:
            errors = [_("You can link only resources you may change yourself. Ask a facilitator to link this one.")]
        else:
            return redirect("knowledge:resource_versions", slug=resource.slug)
    versions = selectors.resource_versions(resource=resource, viewer=request.user)
    query = " ".join(request.GET.get("q", "").split())[:100]
    taken = selectors.resource_version_languages(resource=resource)
    matches = selectors.resources_matching(query=query, viewer=request.user,
                                           exclude_ids={resource.pk} | {v.pk for v in versions},
                                           exclude_languages=taken) if query else []
    return render(request, "knowledge/resource_versions.html", {
        "resource": resource, "versions": versions, "query": query, "matches": matches, "errors": errors,
    }, status=400 if errors else 200)


def _resource_by_pk(request, pk: str) -> Resource:
    if not str(pk).isdigit():
        raise ValidationError(_("Choose a resource from the list."))
    resource = selectors.visible_resources(request.user).filter(pk=int(pk)).first()
    if resource is None:
        raise ValidationError(_("That resource no longer exists."))
    return resource


# Collections ---------------------------------------------------------------------------------------

def collection_list(request):
    return render(request, "knowledge/collection_list.html", {
        "collections": selectors.collection_list(viewer=request.user),
        "can_add": request.user.has_perm("knowledge.add_collection"),
    })


def collection_detail(request, slug: str):
    collection = _collection_or_404(request, slug)
    return render(request, "knowledge/collection_detail.html", {
        "collection": collection, "items": selectors.collection_items(collection=collection, viewer=request.user),
        "can_change": request.user.has_perm("knowledge.change_collection", collection),
        "is_curator": is_curator(request.user),
    })


@login_required
def collection_create(request):
    if not request.user.has_perm("knowledge.add_collection"):
        raise PermissionDenied
    form = CollectionForm(request.POST or None, initial={"language": request.LANGUAGE_CODE[:2]})
    if request.method == "POST" and form.is_valid():
        try:
            collection = services.collection_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The collection is made. Now add resources to it."))
            return redirect("knowledge:collection_edit", slug=collection.slug)
    return render(request, "knowledge/collection_form.html", {"form": form, "collection": None})


def _items_changed(post, ids: list[int]) -> tuple[list[int], int | None, str]:
    """The order after one press of "Move up", "Move down", "Remove" or "Add" (or the same order for "Save")."""
    ids = list(ids)
    if move := post.get("move", ""):
        direction, _sep, raw = move.partition(":")
        pk = int(raw) if raw.isdigit() else None
        if pk in ids:
            index = ids.index(pk)
            other = index - 1 if direction == "up" else index + 1
            if 0 <= other < len(ids):
                ids[index], ids[other] = ids[other], ids[index]
            return ids, pk, direction
    elif (raw := post.get("remove", "")).isdigit():
        return [pk for pk in ids if pk != int(raw)], None, "remove"
    elif (raw := post.get("add", "")).isdigit():
        return ids + ([int(raw)] if int(raw) not in ids else []), int(raw), "add"
    return ids, None, "save"


@login_required
def collection_edit(request, slug: str):
    """The collection's details, and its resources: reorder them with "Move up" / "Move down" buttons (no
    JavaScript needed), remove them, write a note for each, and add more found by their title."""
    collection = _collection_or_404(request, slug)
    if not request.user.has_perm("knowledge.change_collection", collection):
        raise PermissionDenied
    query = " ".join((request.POST.get("q") or request.GET.get("q") or "").split())[:100]
    details = CollectionForm(request.POST if request.POST.get("action") == "details" else None, instance=collection,
                             prefix="details")
    errors = []
    if request.method == "POST" and request.POST.get("action") == "details":
        if details.is_valid():
            try:
                services.collection_update(collection=collection, by=request.user, **details.cleaned_data)
            except ValidationError as error:
                _add_errors(details, error)
            else:
                messages.success(request, _("The changes were saved."))
                return redirect("knowledge:collection_edit", slug=collection.slug)
        collection.refresh_from_db()
    elif request.method == "POST" and request.POST.get("action") == "items":
        ids = [int(pk) for pk in request.POST.getlist("item") if pk.isdigit()]
        notes = {pk: request.POST.get(f"note-{pk}", "") for pk in ids}
        ids, moved, what = _items_changed(request.POST, ids)
        try:
            items = services.collection_items_set(collection=collection, by=request.user, resource_ids_in_order=ids,
                                                  notes=notes)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _items_message(items, moved, what))
            query_string = {"q": query} if query and what == "add" else {}
            if moved and what in ("up", "down"):
                query_string.update(moved=moved, direction=what)
            url = reverse("knowledge:collection_edit", args=[collection.slug])
            # After a move the moved resource's button takes the focus (autofocus); browsers skip autofocus on an
            # address with a fragment, so only the other actions jump to the list.
            anchor = "" if what in ("up", "down", "add") else "#items-heading"
            return redirect(f"{url}{'?' + urlencode(query_string) if query_string else ''}{anchor}")
    items = selectors.collection_items(collection=collection, viewer=request.user)
    in_collection = {item.resource_id for item in items}
    matches = selectors.resources_matching(query=query, viewer=request.user, exclude_ids=in_collection)
    return render(request, "knowledge/collection_edit.html", {
        "collection": collection, "details": details, "items": items, "query": query, "matches": matches,
        "errors": errors, **_focus_after_move(request, items),
    }, status=400 if errors or details.errors else 200)


def _focus_after_move(request, items) -> dict:
    """The button the keyboard comes back to after "Move up" or "Move down": the same one, so pressing it again
    moves the resource further; the other one once the resource reached the top or the bottom."""
    moved = int(request.GET["moved"]) if request.GET.get("moved", "").isdigit() else None
    ids = [item.resource_id for item in items]
    if moved not in ids or len(ids) < 2:
        return {}
    index, direction = ids.index(moved), request.GET.get("direction")
    at_edge = index == 0 if direction == "up" else index == len(ids) - 1
    if direction not in ("up", "down"):
        return {}
    return {"focus_up" if (direction == "up") != at_edge else "focus_down": moved}


def _items_message(items, moved: int | None, what: str) -> str:
    if what in ("up", "down") and moved:
        for number, item in enumerate(items, start=1):
            if item.resource_id == moved:
                return _("“%(title)s” is now number %(number)s of %(count)s.") % {
                    "title": item.resource.title, "number": number, "count": len(items)}
    if what == "add" and moved:
        for item in items:
            if item.resource_id == moved:
                return _("“%(title)s” is added to the collection.") % {"title": item.resource.title}
    if what == "remove":
        return _("The resource is taken out of the collection.")
    return _("The changes were saved.")


@login_required
def collection_delete(request, slug: str):
    collection = _collection_or_404(request, slug)
    if not request.user.has_perm("knowledge.change_collection", collection):
        raise PermissionDenied
    if request.method == "POST":
        services.collection_delete(collection=collection, by=request.user)
        messages.success(request, _("The collection “%(title)s” is deleted.") % {"title": collection.title})
        return redirect("knowledge:collections")
    return render(request, "knowledge/collection_delete.html", {"collection": collection})

