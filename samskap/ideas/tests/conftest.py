import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings, client):
    """Visitors' pages and the notifications of members who chose no language fall back to the hub's language
    (Swedish): the tests read English text, so they must not break as the translations arrive."""
    settings.LANGUAGE_CODE = "en"
    client.defaults.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
