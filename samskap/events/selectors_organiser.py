"""Reads for the organisers' tools: participant lists, counts, exports and the check-in desk.

Every read is one or two queries whatever the number of registrations: the check-in desk answers
300 arrivals in 15 minutes, and the lists carry a few hundred rows.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from .models import Event, EventInvitation, Registration, RegistrationQuestion

CHECK_IN_RESULTS = 20
# A check-in code is a URL-safe token (models._token makes 32 characters); anything shorter is not one.
_CODE_LIKE = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _contains(word: str, *fields: str) -> Q:
    """Any of the fields contains the word, whatever its case, also for å, ä, ö, æ and ø on SQLite.

    SQLite folds only ASCII letters, so "åsa" would miss "Åsa": the usual casings are asked for too.
    """
    variants = {word, word.lower(), word.capitalize(), word.upper()}
    q = Q()
    for field in fields:
        for variant in variants:
            q |= Q(**{f"{field}__icontains": variant})
    return q


def event_for_organisers(*, slug: str) -> Event:
    """The event with its organisers loaded, so the permission checks of a page ask for them once."""
    return Event.objects.prefetch_related("organisers").get(slug=slug)


def participants_public(*, event: Event) -> QuerySet[Registration]:
    """Confirmed registrants who chose to appear on the public list: name and organisation only."""
    return (event.registrations.filter(status=Registration.Status.CONFIRMED, on_participant_list=True)
            .only("id", "event", "name", "organisation_name").order_by("name", "id"))


def registrations_for_organisers(*, event: Event, status: str = "", payment_status: str = "",
                                 query: str = "") -> QuerySet[Registration]:
    """Every registration of the event, for the people running it; cancelled ones only when asked for."""
    registrations = event.registrations.select_related("ticket_type")
    if status:
        registrations = registrations.filter(status=status)
    else:
        registrations = registrations.exclude(status=Registration.Status.CANCELLED)
    if payment_status:
        registrations = registrations.filter(payment_status=payment_status)
    for word in query.split()[:5]:
        registrations = registrations.filter(_contains(word, "name", "organisation_name", "email"))
    return registrations.order_by("name", "id")


def registration_counts(*, event: Event) -> dict[str, Any]:
    """Registrations per status, checked in, on the public list, and money paid and owed: one query."""
    confirmed = Q(status=Registration.Status.CONFIRMED)
    live = ~Q(status=Registration.Status.CANCELLED)
    counts = event.registrations.aggregate(
        **{status: Count("id", filter=Q(status=status)) for status in Registration.Status.values},
        checked_in=Count("id", filter=confirmed & Q(checked_in_at__isnull=False)),
        listed=Count("id", filter=confirmed & Q(on_participant_list=True)),
        paid_amount=Sum("amount", filter=Q(payment_status=Registration.PaymentStatus.PAID)),
        unpaid_amount=Sum("amount", filter=live & Q(payment_status=Registration.PaymentStatus.UNPAID)),
        unpaid=Count("id", filter=live & Q(payment_status=Registration.PaymentStatus.UNPAID)),
    )
    counts["paid_amount"] = counts["paid_amount"] or 0
    counts["unpaid_amount"] = counts["unpaid_amount"] or 0
    return counts


def attendance_counts(*, event: Event) -> dict[str, int]:
    """Checked in and confirmed, for the check-in desk's live counter."""
    confirmed = Q(status=Registration.Status.CONFIRMED)
    return event.registrations.aggregate(
        confirmed=Count("id", filter=confirmed),
        checked_in=Count("id", filter=confirmed & Q(checked_in_at__isnull=False)),
    )


def check_in_search(*, event: Event, query: str, limit: int = CHECK_IN_RESULTS) -> list[Registration]:
    """Confirmed registrants whose name (or organisation) contains the words typed, not yet arrived first.

    The filter on the event and status uses the (event, status, created_at) index; an event's few
    hundred rows are then matched by name.
    """
    words = query.split()[:5]
    if not words:
        return []
    registrations = event.registrations.filter(status=Registration.Status.CONFIRMED)
    for word in words:
        registrations = registrations.filter(_contains(word, "name", "organisation_name"))
    return list(registrations.select_related("ticket_type")
                .order_by(F("checked_in_at").asc(nulls_first=True), "name", "id")[:limit])


def code_candidates(payload: str) -> list[str]:
    """The check-in code in what a scanner read: the bare code, or a URL with it in the path or query."""
    payload = payload.strip()
    if _CODE_LIKE.fullmatch(payload):
        return [payload]
    return _CODE_LIKE.findall(payload)[:10]


def registration_by_code(*, payload: str) -> Registration | None:
    """The registration (of any event) whose check-in code is in the payload, in one query."""
    candidates = code_candidates(payload)
    if not candidates:
        return None
    return Registration.objects.select_related("event").filter(check_in_code__in=candidates).first()


def event_questions(*, event: Event) -> list[RegistrationQuestion]:
    return list(event.questions.order_by("position", "id"))


def answer_text(question: RegistrationQuestion, answers: dict[str, Any]) -> str:
    """A registrant's answer to one question as plain text, whatever the kind of question."""
    value = answers.get(str(question.pk), answers.get(question.pk))
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if question.kind == RegistrationQuestion.Kind.YES_NO and str(value).lower() in ("yes", "no", "true", "false"):
        return _("yes") if str(value).lower() in ("yes", "true") else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def event_invitations(*, event: Event) -> list[EventInvitation]:
    """The event's invitations, each with whether its address has registered (one query)."""
    registered = Registration.objects.filter(event=event, email__iexact=OuterRef("email")).exclude(
        status=Registration.Status.CANCELLED)
    return list(EventInvitation.objects.filter(event=event).annotate(registered=Exists(registered)).order_by("email"))


def event_feedback(*, event: Event, limit: int = 500) -> dict[str, Any]:
    """What participants said after the event: how many answered, the average rating, and the comments
    (newest first, without names). One query."""
    from .models import Feedback

    rows = list(Feedback.objects.filter(registration__event=event).order_by("-created_at")
                .values("rating", "comment", "created_at")[:limit])
    ratings = [row["rating"] for row in rows]
    return {"count": len(rows), "average": sum(ratings) / len(ratings) if ratings else None,
            "per_rating": {rating: ratings.count(rating) for rating in range(5, 0, -1)},
            "comments": [row for row in rows if row["comment"].strip()]}
