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


def _send_or_retry(task_, send, *, attempt: int, **ids) -> bool:
    """Send now; when the mail server fails, enqueue `task_` again later, up to MAX_ATTEMPTS times."""
    try:
        return send(**ids)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Giving up on %s %s after %s attempts", task_.name, ids, attempt)
            raise
        logger.warning("%s %s failed (attempt %s); trying again later", task_.name, ids, attempt, exc_info=True)
        task_.using(run_after=timezone.now() + RETRY_DELAY * attempt).enqueue(attempt=attempt + 1, **ids)
        return False


@task()
def send_registration_email(*, registration_id: int, kind: str, attempt: int = 1) -> bool:
    """Send one registration e-mail; when the mail server fails, try again later, up to MAX_ATTEMPTS times."""
    from .emails import registration_email_send

    return _send_or_retry(send_registration_email, registration_email_send, attempt=attempt,
                          registration_id=registration_id, kind=kind)


@task()
def send_invitation_email(*, invitation_id: int, attempt: int = 1) -> bool:
    """E-mail one invitation, retried like the registration e-mails."""
    from .emails import invitation_email_send

    return _send_or_retry(send_invitation_email, invitation_email_send, attempt=attempt, invitation_id=invitation_id)


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
