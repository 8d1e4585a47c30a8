"""Background work for the knowledge base, run by `manage.py db_worker` (django-tasks with the database backend).

Arguments are ids, never objects: a task may run minutes later, in another process.
"""

from django_tasks import task


@task()
def link_import_check(*, link_import_id: int) -> dict[str, int]:
    """Check every row of an uploaded link sheet and leave the per-row report on the LinkImport."""
    from .imports import link_import_run_check

    return link_import_run_check(link_import_id=link_import_id)


@task()
def link_import_write(*, link_import_id: int) -> dict[str, int]:
    """Write the new rows of a link import the curator confirmed."""
    from .imports import link_import_run_write

    return link_import_run_write(link_import_id=link_import_id)


@task()
def link_check_task(*, resource_ids: list[int] | None = None, call_ids: list[int] | None = None) -> dict[str, int]:
    """Check the external links of published resources and funding calls (all, or only the given ones), as
    `manage.py check_links`."""
    from django.utils import translation

    from samskap.core.selectors import hub_settings_get

    from .linkcheck import links_check
    from .models import FundingCall, Resource

    with translation.override(hub_settings_get().default_language):  # the language of the stored error texts
        if resource_ids is None and call_ids is None:
            return links_check()
        return links_check(resources=Resource.objects.filter(pk__in=resource_ids or []),
                           calls=FundingCall.objects.filter(pk__in=call_ids or []))
