"""Writes for the calendar feeds: a member's secret address of their personal feed."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from samskap.core.permissions import is_member

from .models import CalendarToken, _token


def calendar_token_get_or_create(*, user) -> CalendarToken:
    """The member's calendar token, made the first time they ask for their calendar address."""
    if not is_member(user):
        raise PermissionDenied
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_renew(*, user) -> CalendarToken:
    """Give the member a new secret address: the old one stops working at once."""
    if not is_member(user):
        raise PermissionDenied
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=user)
    if not created:
        token.token = _token()
        token.save(update_fields=["token"])
    return token
