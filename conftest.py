"""Fixtures shared by every app's tests."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.utils import translation

from samskap.accounts.tests.factories import UserFactory


def _quick_postgresql_flush() -> None:
    """Empty the tables after a transactional (browser) test with DELETE instead of Django's TRUNCATE.

    TRUNCATE of ~150 tables gives each a new file on disk and took seconds per test on PostgreSQL; DELETE of
    the few rows a test wrote takes milliseconds. Django's foreign keys on PostgreSQL are DEFERRABLE INITIALLY
    DEFERRED, so the order of the DELETEs does not matter inside flush's transaction.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [f"DELETE FROM {self.quote_name(table)};" for table in tables]

    DatabaseOperations.sql_flush = sql_flush


_quick_postgresql_flush()

# Tables whose rows only the migrations write and nothing in a test changes: a flush after a transactional
# (browser) test keeps them, so Django's post-migrate signal finds every content type and permission in place
# instead of creating ~600 rows again (0.2 s per browser test).
KEPT_ACROSS_FLUSHES = {"django_content_type", "auth_permission"}


def _flush_keeps_content_types() -> None:
    from django.db.backends.postgresql.operations import DatabaseOperations as PostgreSQL
    # From the backend's base module: importing sqlite3.operations first is a circular import when SQLite is not
    # the configured database (PostgreSQL runs).
    from django.db.backends.sqlite3.base import DatabaseOperations as SQLite

    for operations in (PostgreSQL, SQLite):
        flush = operations.sql_flush

        def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False, flush=flush):
            kept = [table for table in tables if table not in KEPT_ACROSS_FLUSHES]
            return flush(self, style, kept, reset_sequences=reset_sequences, allow_cascade=allow_cascade)

        operations.sql_flush = sql_flush


_flush_keeps_content_types()

@pytest.fixture(autouse=True)
def _clean_cache_and_media(settings, tmp_path):
    """Each test starts with an empty cache (hub settings, rate limits) and its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request (services, commands) speaks English in tests, whatever LANGUAGE_CODE is."""
    with translation.override("en"):
        yield


def _load_places_and_themes_into_empty_tables() -> None:
    """What the data migration loads (samskap.core.migrations.0003), in one INSERT per level instead of an
    update_or_create per row: after every browser test's flush, that took a quarter of a second."""
    from samskap.core.models import Place, Theme
    from samskap.core.places_data import PLACES
    from samskap.core.themes_data import THEMES

    by_slug = {}
    for level in Place.Level.values:  # country, region, municipality, neighbourhood: parents first
        rows = [Place(slug=place.slug, level=place.level, country=place.country, code=place.code, name=place.name,
                      name_en=place.name_en, parent=by_slug[place.parent_slug] if place.parent_slug else None,
                      latitude=place.latitude, longitude=place.longitude)
                for place in PLACES if place.level == level]
        by_slug.update((place.slug, place) for place in Place.objects.bulk_create(rows))
    assert len(by_slug) == len(PLACES)
    Theme.objects.bulk_create(Theme(slug=theme.slug, kind=theme.kind, position=theme.position, labels=theme.labels)
                              for theme in THEMES)


@pytest.fixture(autouse=True)
def _shipped_places_and_themes(request):
    """The places, themes and idea stages the data migrations ship, also after a transactional (browser) test
    has flushed the database: tests may rely on them as a fresh installation does."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "live_server"}:
        return
    transactional = "live_server" in names or "transactional_db" in names or bool(
        marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from samskap.core.models import Place, Theme

    if not Place.objects.exists() and not Theme.objects.exists():
        _load_places_and_themes_into_empty_tables()
    elif not Place.objects.filter(level=Place.Level.COUNTRY).exists():
        migration = importlib.import_module("samskap.core.migrations.0003_places_and_themes_data")
        migration.places_and_themes_load(django_apps, None)
    from samskap.ideas.models import Stage

    if not Stage.objects.exists():
        importlib.import_module("samskap.ideas.migrations.0002_stages").add_stages(django_apps, None)


@pytest.fixture
def member(db):
    return UserFactory(name="Mira Medlem")


@pytest.fixture
def hub_admin(db):
    return UserFactory(name="Hanna Hub", is_superuser=True, is_staff=True)


@pytest.fixture
def run_tasks(db, monkeypatch):
    """Run every background task that is due, as `manage.py db_worker` would, and return how many ran.

    The worker's close_old_connections is turned off: on PostgreSQL it would close the connection
    that holds the test's transaction. Tasks that enqueue more tasks do it on commit; wrap the test
    in django_capture_on_commit_callbacks(execute=True) to see those.
    """
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run() -> int:
        before = DBTaskResult.objects.ready().count()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        return before

    return run
