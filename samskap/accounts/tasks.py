"""Background work for accounts, run by `manage.py db_worker` (django-tasks).

The worker's loop (scripts/worker.sh) runs `manage.py send_digests` itself; this task is the same sweep for
anything that wants to enqueue it (an admin action, a scheduler of its own).
"""

from django_tasks import task


@task()
def send_digests() -> int:
    """Send every e-mail digest that is due; returns how many were sent."""
    from .notifications import digests_send

    return digests_send()
