import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samskap.accounts.tests.factories import make_user_for_role
from samskap.core.models import HubSettings
from samskap.core.selectors import hub_settings_get
from samskap.core.services import hub_settings_update

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 107, 82)).save(buffer, format="PNG")
    return buffer.getvalue()


def valid_data(**overrides):
    return {"name": "Social Innovation Skåne", "logo_alt": "", "default_language": "sv",
            "time_zone": "Europe/Stockholm", "contact_email": "hej@sis.se", **overrides}


def test_hub_admin_changes_name_language_time_zone_and_contact(client, hub_admin):
    client.force_login(hub_admin)
    response = client.post(reverse("core:hub_settings"), valid_data(default_language="da", time_zone="Europe/Copenhagen"))
    assert response.status_code == 302
    hub = HubSettings.objects.get()
    assert (hub.name, hub.default_language, hub.time_zone, hub.contact_email) == (
        "Social Innovation Skåne", "da", "Europe/Copenhagen", "hej@sis.se")
    assert "Social Innovation Skåne" in client.get("/").content.decode()


def test_hub_admin_uploads_a_logo_shown_in_the_header(client, hub_admin):
    client.force_login(hub_admin)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    client.post(reverse("core:hub_settings"), valid_data(logo=logo, logo_alt="SIS logo"))
    hub = HubSettings.objects.get()
    assert hub.logo.name.startswith("hub/")
    assert hub.logo.url in client.get("/").content.decode()


def test_a_logo_that_is_not_an_image_is_refused_and_nothing_is_saved(client, hub_admin):
    client.force_login(hub_admin)
    fake = SimpleUploadedFile("logo.png", b"<?php echo 'hi'; ?>", content_type="image/png")
    response = client.post(reverse("core:hub_settings"), valid_data(name="Changed", logo=fake),
                           HTTP_ACCEPT_LANGUAGE="sv")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ladda upp en JPEG-, PNG- eller WebP-bild" in html
    assert 'value="Changed"' in html
    assert hub_settings_get().name == "Samskap"


def test_an_invalid_contact_address_is_explained_and_what_was_typed_is_kept(client, hub_admin):
    client.force_login(hub_admin)
    response = client.post(reverse("core:hub_settings"), valid_data(contact_email="not-an-address", name="Ny hub"),
                           HTTP_ACCEPT_LANGUAGE="nb")
    html = response.content.decode()
    assert "Oppgi en gyldig e-postadresse" in html
    assert 'value="not-an-address"' in html and 'value="Ny hub"' in html
    assert HubSettings.objects.get().contact_email == ""


@pytest.mark.parametrize("role", ["member", "mentor", "facilitator"])
def test_only_hub_admins_reach_the_hub_settings_page(client, role):
    client.force_login(make_user_for_role(role))
    assert client.get(reverse("core:hub_settings")).status_code == 403


def test_hub_settings_service_refuses_anyone_but_a_hub_admin(member):
    with pytest.raises(PermissionDenied):
        hub_settings_update(by=member, name="Taken over")
    assert hub_settings_get().name == "Samskap"


def test_changed_hub_settings_reach_the_next_page_view_at_once(client, hub_admin):
    assert "Samskap" in client.get("/").content.decode()  # cached now
    hub_settings_update(by=hub_admin, name="Norge Unlimited")
    assert "Norge Unlimited" in client.get("/").content.decode()


def test_hub_admins_use_the_translated_django_admin_and_members_cannot(client, hub_admin, member):
    client.force_login(member)
    assert client.get("/admin/").status_code == 302
    client.force_login(hub_admin)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200
    assert "Webbplatsadministration" in response.content.decode()


def test_hub_admin_removes_the_logo(client, hub_admin):
    client.force_login(hub_admin)
    client.post(reverse("core:hub_settings"), valid_data(logo=SimpleUploadedFile("l.png", png_bytes(), "image/png")))
    assert HubSettings.objects.get().logo
    client.post(reverse("core:hub_settings"), valid_data(**{"logo-clear": "on"}))
    assert not HubSettings.objects.get().logo


def test_an_uploaded_logo_is_re_encoded_under_a_random_name(client, hub_admin):
    client.force_login(hub_admin)
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 500), (1, 2, 3)).save(buffer, format="PNG")
    client.post(reverse("core:hub_settings"), valid_data(logo=SimpleUploadedFile("evil.html", buffer.getvalue())))
    hub = HubSettings.objects.get()
    assert not hub.logo.name.endswith(".html") and "evil" not in hub.logo.name
    with Image.open(hub.logo.path) as stored:
        assert stored.size == (800, 200)
