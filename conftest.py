"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache

from samskap.accounts.tests.factories import UserFactory

@pytest.fixture(autouse=True)
def _clean_cache_and_media(settings, tmp_path):
    """Each test starts with an empty cache (hub settings, rate limits) and its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return UserFactory(name="Mira Medlem")


@pytest.fixture
def hub_admin(db):
    return UserFactory(name="Hanna Hub", is_superuser=True, is_staff=True)
