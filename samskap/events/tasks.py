"""Background work for events, run by `manage.py db_worker` (django-tasks with the database backend).

Arguments are ids, never objects: a task may run minutes later, in another process.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
RETRY_DELAY = timedelta(minutes=5)  # times the attempt number: 5, 10, 15 … minutes


@task()
def send_registration_email(*, registration_id: int, kind: str, attempt: int = 1) -> bool:
    """Send one registration e-mail; when the mail server fails, try again later, up to MAX_ATTEMPTS times."""
    from .emails import registration_email_send

    try:
        return registration_email_send(registration_id=registration_id, kind=kind)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Giving up on the %s e-mail for registration %s after %s attempts",
                             kind, registration_id, attempt)
            raise
        logger.warning("The %s e-mail for registration %s failed (attempt %s); trying again later",
                       kind, registration_id, attempt, exc_info=True)
        send_registration_email.using(run_after=timezone.now() + RETRY_DELAY * attempt).enqueue(
            registration_id=registration_id, kind=kind, attempt=attempt + 1)
        return False


@task()
def offer_expire(*, registration_id: int) -> bool:
    """Runs when a waiting-list offer expires: an unanswered offer passes to the next person."""
    from .services_registration import offer_expire as expire

    return expire(registration_id=registration_id)


@task()
def events_tick() -> dict[str, int]:
    """The time-driven sweep (expired offers, reminders, feedback requests), as `manage.py events_tick`."""
    from .services_registration import events_tick as tick

    return tick()
