"""Background work of the platform core, run by `manage.py db_worker`."""

from django.db import transaction
from django_tasks import task

from .search import search_index_rebuild


@task()
def search_index_rebuild_task() -> dict[str, int]:
    """Index everything afresh: a theme or a place was renamed, and every document naming it must follow."""
    return search_index_rebuild()


def search_index_refresh_later() -> None:
    """After this transaction, ask the task worker to rebuild the search index (a few seconds per 10,000 things)."""
    transaction.on_commit(search_index_rebuild_task.enqueue)
