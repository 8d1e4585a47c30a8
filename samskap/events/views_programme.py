"""Programme pages: the timetable, speakers, stands, downloads, and the organisers' editing pages. Thin."""

from pathlib import PurePath
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors_programme as selectors
from . import services_programme as services
from .forms_programme import EventFileForm, SessionForm, SpeakerForm, StandForm, SummaryForm
from .models import Event, EventFile, ProgrammeSession, Speaker, Stand


def _event_or_404(request, slug: str) -> Event:
    try:
        event = selectors.event_get(slug=slug, viewer=request.user)
    except Event.DoesNotExist:
        raise Http404
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def _programme_event(request, slug: str) -> Event:
    """The event, for those who may change its programme."""
    event = _event_or_404(request, slug)
    if not request.user.has_perm("events.change_programme", event):
        raise PermissionDenied
    return event


def _render(request, template: str, event: Event, context: dict, status: int = 200):
    """Render with times (shown and typed) in the event's own time zone."""
    with timezone.override(ZoneInfo(event.time_zone)):
        return render(request, template, {"event": event, **context}, status=status)


def _to_edit_page(event: Event):
    return redirect("events:programme_edit", slug=event.slug)


def _object_or_404(getter, **kwargs):
    try:
        return getter(**kwargs)
    except (ProgrammeSession.DoesNotExist, Speaker.DoesNotExist, EventFile.DoesNotExist, Stand.DoesNotExist):
        raise Http404


# Public pages --------------------------------------------------------------------------------------

def programme(request, slug: str):
    event = _event_or_404(request, slug)
    return _render(request, "events/programme.html", event, {
        "programme": selectors.programme_get(event=event),
        "can_edit": request.user.has_perm("events.change_programme", event),
    })


def speaker(request, slug: str, speaker_slug: str):
    event = _event_or_404(request, slug)
    speaker = _object_or_404(selectors.speaker_get, event=event, slug=speaker_slug)
    return _render(request, "events/speaker.html", event, {
        "speaker": speaker, "can_edit": request.user.has_perm("events.change_programme", event),
    })


def file_download(request, slug: str, pk: int):
    """Slides and files as downloads: the type they were checked to be, a readable name, never sniffed."""
    event = _event_or_404(request, slug)
    event_file = _object_or_404(selectors.event_file_get, event=event, pk=pk)
    extension = PurePath(event_file.file.name).suffix
    try:
        handle = event_file.file.open("rb")
    except FileNotFoundError:
        raise Http404
    response = FileResponse(handle, as_attachment=True, content_type=event_file.content_type,
                            filename=f"{slugify(event_file.title) or 'file'}{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stands(request, slug: str):
    """The organisations presenting themselves; organisers find more in the directory and add them here."""
    event = _event_or_404(request, slug)
    can_edit = request.user.has_perm("events.change_programme", event)
    context = {"stands": selectors.stands(event=event), "can_edit": can_edit}
    if can_edit:
        query = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
        matches = selectors.organisations_matching(query=query)
        form = StandForm(request.POST or None, matches=matches, initial={"q": query})
        if request.method == "POST" and form.is_valid():
            organisation = form.cleaned_data["organisation"]
            try:
                services.stand_add(event=event, by=request.user, organisation=organisation,
                                   pitch=form.cleaned_data["pitch"])
            except ValidationError as error:
                form.add_error("organisation", error)
            else:
                messages.success(request, _("%(name)s presents itself at the event.") % {"name": organisation.name})
                return redirect("events:stands", slug=event.slug)
        context.update({"form": form, "query": query, "matches": matches})
    elif request.method == "POST":
        raise PermissionDenied
    return _render(request, "events/stands.html", event, context)


# Organisers' pages ---------------------------------------------------------------------------------

@login_required
def programme_edit(request, slug: str):
    event = _programme_event(request, slug)
    speakers = selectors.speakers(event=event)
    return _render(request, "events/programme_edit.html", event, {
        "programme": selectors.programme_get(event=event), "speakers": speakers,
        "form": SessionForm(event=event, speakers=speakers),
    })


def _session_page(request, event: Event, session: ProgrammeSession | None):
    with timezone.override(ZoneInfo(event.time_zone)):
        form = SessionForm(request.POST or None, event=event, session=session)
        if request.method == "POST" and form.is_valid():
            try:
                if session is None:
                    session = services.session_create(event=event, by=request.user,
                                                       speakers=form.cleaned_data["speakers"], **form.service_fields())
                    messages.success(request, _("“%(title)s” is in the programme.") % {"title": session.title})
                else:
                    services.session_update(session=session, by=request.user, speakers=form.cleaned_data["speakers"],
                                            **form.service_fields())
                    messages.success(request, _("The changes were saved."))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _to_edit_page(event)
        return _render(request, "events/session_form.html", event, {"form": form, "session": session})


@login_required
def session_create(request, slug: str):
    return _session_page(request, _programme_event(request, slug), None)


@login_required
def session_edit(request, slug: str, pk: int):
    event = _programme_event(request, slug)
    return _session_page(request, event, _object_or_404(selectors.session_get, event=event, pk=pk))


@login_required
@require_POST
def session_delete(request, slug: str, pk: int):
    event = _programme_event(request, slug)
    session = _object_or_404(selectors.session_get, event=event, pk=pk)
    services.session_delete(session=session, by=request.user)
    messages.success(request, _("“%(title)s” was taken out of the programme.") % {"title": session.title})
    return _to_edit_page(event)


def _speaker_page(request, event: Event, speaker: Speaker | None):
    form = SpeakerForm(request.POST or None, request.FILES or None, speaker=speaker)
    if request.method == "POST" and form.is_valid():
        photo = form.cleaned_data.get("photo") or None
        try:
            if speaker is None:
                speaker = services.speaker_create(event=event, by=request.user, photo=photo, **form.service_fields())
                messages.success(request, _("%(name)s was added as a speaker.") % {"name": speaker.name})
            else:
                services.speaker_update(speaker=speaker, by=request.user, photo=photo,
                                        remove_photo=form.cleaned_data.get("remove_photo", False),
                                        **form.service_fields())
                messages.success(request, _("The changes were saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _to_edit_page(event)
    return _render(request, "events/speaker_form.html", event, {"form": form, "speaker": speaker})


@login_required
def speaker_create(request, slug: str):
    return _speaker_page(request, _programme_event(request, slug), None)


@login_required
def speaker_edit(request, slug: str, pk: int):
    event = _programme_event(request, slug)
    return _speaker_page(request, event, _object_or_404(selectors.speaker_by_pk, event=event, pk=pk))


@login_required
@require_POST
def speaker_delete(request, slug: str, pk: int):
    event = _programme_event(request, slug)
    speaker = _object_or_404(selectors.speaker_by_pk, event=event, pk=pk)
    services.speaker_delete(speaker=speaker, by=request.user)
    messages.success(request, _("%(name)s is no longer a speaker.") % {"name": speaker.name})
    return _to_edit_page(event)


@login_required
def file_add(request, slug: str):
    event = _programme_event(request, slug)
    initial = {"session": request.GET.get("session")} if request.GET.get("session", "").isdigit() else {}
    form = EventFileForm(request.POST or None, request.FILES or None, event=event, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event_file = services.file_add(event=event, by=request.user, upload=form.cleaned_data["upload"],
                                           title=form.cleaned_data["title"], kind=form.cleaned_data["kind"],
                                           session=form.cleaned_data["session"])
        except ValidationError as error:
            form.add_error("upload", error)
        else:
            messages.success(request, _("“%(title)s” was added.") % {"title": event_file.title})
            return _to_edit_page(event)
    return _render(request, "events/programme_file_form.html", event, {"form": form})


@login_required
@require_POST
def file_delete(request, slug: str, pk: int):
    event = _programme_event(request, slug)
    event_file = _object_or_404(selectors.event_file_get, event=event, pk=pk)
    services.file_delete(event_file=event_file, by=request.user)
    messages.success(request, _("“%(title)s” was deleted.") % {"title": event_file.title})
    if request.POST.get("next") == "summary":
        return redirect("events:summary_edit", slug=event.slug)
    return _to_edit_page(event)


@login_required
@require_POST
def stand_remove(request, slug: str, pk: int):
    event = _programme_event(request, slug)
    stand = _object_or_404(selectors.stand_get, event=event, pk=pk)
    services.stand_remove(stand=stand, by=request.user)
    messages.success(request, _("%(name)s no longer has a stand.") % {"name": stand.organisation.name})
    return redirect("events:stands", slug=event.slug)


@login_required
def summary_edit(request, slug: str):
    event = _programme_event(request, slug)
    form = SummaryForm(request.POST or None, request.FILES or None, initial={"outcome_summary": event.outcome_summary})
    if request.method == "POST" and form.is_valid():
        try:
            services.summary_update(event=event, by=request.user, outcome_summary=form.cleaned_data["outcome_summary"],
                                    photos=form.photos())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The summary was saved."))
            return redirect("events:summary_edit", slug=event.slug)
    return _render(request, "events/summary_form.html", event, {
        "form": form, "event_files": selectors.files_without_session(event=event)})
