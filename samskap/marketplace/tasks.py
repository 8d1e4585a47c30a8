"""Background work for the marketplace, run by `manage.py db_worker` (django-tasks with the database backend).

Arguments are ids, never objects: a task may run minutes later, in another process.
"""

from django_tasks import task


@task()
def marketplace_tick_task() -> dict[str, int]:
    """As `manage.py marketplace_tick`: expire ads, remind owners, alert saved searches."""
    from .management.commands.marketplace_tick import tick

    return tick()
