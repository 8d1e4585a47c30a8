import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samskap.accounts.models import User, Visibility

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def image_upload(name="me.png", image_format="PNG", size=(1200, 800), mode="RGB") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 120, 40)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def profile_data(**overrides):
    return {"name": "Mira Medlem", "bio": "Jeg driver et reparasjonskafé.", "languages": ["nb", "so"],
            "preferred_language": "nb", "time_zone": "Europe/Oslo", "phone": "+47 22 00 00 00",
            "email_visibility": Visibility.PUBLIC, "phone_visibility": Visibility.MEMBERS, **overrides}


def test_member_edits_name_bio_languages_and_contact_visibility(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), profile_data())
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.bio == "Jeg driver et reparasjonskafé."
    assert member.languages == ["nb", "so"]
    assert (member.preferred_language, member.time_zone) == ("nb", "Europe/Oslo")
    assert (member.email_visibility, member.phone_visibility) == ("public", "members")


def test_avatar_is_re_encoded_small_and_without_metadata(client, member):
    client.force_login(member)
    client.post(reverse("accounts:profile_edit"), profile_data(avatar=image_upload()))
    member.refresh_from_db()
    assert member.avatar.name.startswith("avatars/") and member.avatar.name.endswith(".jpg")
    with Image.open(member.avatar.path) as stored:
        assert max(stored.size) == 512
        assert not stored.getexif()


def test_avatar_that_is_not_an_image_is_refused_and_nothing_is_saved(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("me.png", b"MZ\x90\x00 not really a picture", content_type="image/png")
    response = client.post(reverse("accounts:profile_edit"), profile_data(name="Changed Name", avatar=fake),
                           HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "The file is not an image we can read" in html
    assert 'value="Changed Name"' in html
    member.refresh_from_db()
    assert member.name == "Mira Medlem" and not member.avatar


def test_avatar_of_a_type_we_do_not_take_is_refused(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), profile_data(avatar=image_upload("me.gif", "GIF", (10, 10), "P")),
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "GIF images are not accepted" in response.content.decode()


def test_oversized_avatar_is_refused_with_its_size(client, member, settings):
    settings.AVATAR_MAX_BYTES = 1000
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), profile_data(avatar=image_upload()),
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "the largest allowed is 1000" in response.content.decode().replace("\xa0", " ")
    member.refresh_from_db()
    assert not member.avatar


def test_a_too_long_bio_is_explained_and_kept(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), profile_data(bio="x" * 1001), HTTP_ACCEPT_LANGUAGE="sv")
    html = response.content.decode()
    assert "Säkerställ att detta värde har som mest 1000 tecken" in html
    assert "x" * 1001 in html


def test_removing_the_avatar(client, member):
    client.force_login(member)
    client.post(reverse("accounts:profile_edit"), profile_data(avatar=image_upload()))
    client.post(reverse("accounts:profile_edit"), profile_data(remove_avatar="on"))
    member.refresh_from_db()
    assert not member.avatar


@pytest.mark.parametrize(
    ("visibility", "anonymous_sees", "member_sees"),
    [(Visibility.PUBLIC, True, True), (Visibility.MEMBERS, False, True), (Visibility.ONLY_ME, False, False)],
)
def test_contact_fields_are_shown_by_the_owners_choice(client, visibility, anonymous_sees, member_sees):
    owner = UserFactory(email="owner@example.org", phone="+45 11 22 33 44", listed_in_directory=True,
                        email_visibility=visibility, phone_visibility=visibility)
    url = reverse("accounts:person", args=[owner.pk])
    html = client.get(url).content.decode()
    assert ("owner@example.org" in html) is anonymous_sees
    assert ("+45 11 22 33 44" in html) is anonymous_sees
    client.force_login(UserFactory())
    html = client.get(url).content.decode()
    assert ("owner@example.org" in html) is member_sees
    client.force_login(owner)
    html = client.get(url).content.decode()
    assert "owner@example.org" in html and "+45 11 22 33 44" in html


def test_profile_pages_need_a_log_in(client):
    response = client.get(reverse("accounts:profile_edit"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_deactivated_persons_profile_is_not_found(client):
    gone = UserFactory(is_active=False)
    assert client.get(reverse("accounts:person", args=[gone.pk])).status_code == 404
    assert User.objects.filter(pk=gone.pk).exists()
