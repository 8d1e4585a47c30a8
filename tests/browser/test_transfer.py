"""The export and import pages of hub admins, in all four languages, have no WCAG 2.1 A/AA violations."""

import importlib

import pytest
from django.apps import apps as django_apps

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import Organisation
from samskap.actors.tests.factories import OrganisationFactory

from .conftest import LANGUAGES, axe_violations, format_violations, log_in, set_language

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def shipped_places_and_themes(transactional_db):
    """The shipped places and themes, also after a transactional (browser) test flushed the database."""
    from samskap.core.models import Place

    if not Place.objects.filter(slug="se-malmo").exists():
        importlib.import_module("samskap.core.migrations.0003_places_and_themes_data").places_and_themes_load(
            django_apps, None)

GOOD_CSV = ("name,country,org_number,kind,municipality,themes\n"
            "Tøyen Hage,NO,,association,no-oslo-toyen,loneliness\n"
            "Already Here,SE,802322-7724,association,se-malmo,\n").encode()
BROKEN_CSV = "name,country,org_number,kind\nDansk Fejl,DK,12345678,association\n".encode()


def audit(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n{format_violations(violations)}"


def upload(page, content: bytes) -> None:
    page.goto("/organisations/import/")
    page.set_input_files("#id_file", files=[{"name": "organisations.csv", "mimeType": "text/csv", "buffer": content}])
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_export_and_import_pages_have_no_accessibility_violations(context, page, live_server, tmp_path,
                                                                       settings, language):
    settings.DATA_DIR = tmp_path
    OrganisationFactory(name="Already Here", org_number="802322-7724")
    log_in(context, live_server, UserFactory(is_superuser=True, is_staff=True))
    set_language(context, live_server, language)

    page.goto("/organisations/export/")
    audit(page)
    page.goto("/organisations/import/")
    audit(page)

    upload(page, GOOD_CSV)  # the preview, with a new row and a duplicate
    assert page.locator("main table tbody tr").count() == 2
    audit(page)

    upload(page, BROKEN_CSV)  # the error report
    assert page.locator(".ds-alert[data-color=danger]").is_visible()
    audit(page)

    page.goto("/organisations/import/")
    page.locator("main button[type=submit]").click()  # no file: the form's error summary
    page.wait_for_load_state()
    assert page.locator(".ds-error-summary").is_visible()
    audit(page)


def test_a_hub_admin_imports_a_file_after_the_preview(context, page, live_server, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    OrganisationFactory(name="Already Here", org_number="802322-7724")
    log_in(context, live_server, UserFactory(is_superuser=True, is_staff=True))
    set_language(context, live_server, "en")

    upload(page, GOOD_CSV)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/organisations/")

    assert Organisation.objects.filter(name="Tøyen Hage", head_office__slug="no-oslo-toyen").exists()
    assert Organisation.objects.count() == 2
