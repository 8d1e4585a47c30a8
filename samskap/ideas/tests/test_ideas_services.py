"""Part B1's services: submitting and editing an idea with its images, the images alone, deleting an idea."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from samskap.accounts.tests.factories import UserFactory
from samskap.ideas.models import Idea, IdeaImage, TeamMember
from samskap.ideas.services_images import (MAX_IMAGES, idea_create_with_images, idea_delete, idea_image_add,
                                           idea_image_remove, idea_image_update, idea_update_with_images)
from samskap.ideas.tests.factories import IdeaFactory, TeamMemberFactory, image_upload

pytestmark = pytest.mark.django_db


def test_an_idea_is_submitted_with_its_images_re_encoded_and_described():
    author = UserFactory()
    idea = idea_create_with_images(author=author, title="Grannskapscafé", summary="Ett café för alla.",
                                   images=[(image_upload("a.png", size=(3000, 1000)), " Caféet en lördag "),
                                           (image_upload("b.jpg", image_format="JPEG"), "Disken")])
    images = list(idea.images.order_by("position"))
    assert [image.alt_text for image in images] == ["Caféet en lördag", "Disken"]
    assert max(images[0].width, images[0].height) == 1600
    assert images[0].image.name.startswith(f"ideas/{idea.pk}/")


def test_an_image_without_a_description_refuses_the_whole_submission():
    author = UserFactory()
    with pytest.raises(ValidationError, match="Describe what the image shows"):
        idea_create_with_images(author=author, title="Café", summary="Ett café.", images=[(image_upload(), "  ")])
    assert not Idea.objects.exists() and not IdeaImage.objects.exists()


@override_settings(IDEAS_IMAGE_MAX_BYTES=100)
def test_an_oversized_image_is_refused_with_the_limit_and_nothing_is_saved():
    with pytest.raises(ValidationError, match="the largest allowed is 100"):
        idea_create_with_images(author=UserFactory(), title="Café", summary="Ett café.",
                                images=[(image_upload(size=(400, 400)), "Ett foto")])
    assert not Idea.objects.exists() and not TeamMember.objects.exists()


def test_a_file_that_is_not_an_image_is_refused():
    upload = SimpleUploadedFile("photo.png", b"%PDF-1.4 not an image", content_type="image/png")
    with pytest.raises(ValidationError, match="not an image we can read"):
        idea_create_with_images(author=UserFactory(), title="Café", summary="Ett café.", images=[(upload, "Foto")])
    assert not Idea.objects.exists()


def test_an_idea_keeps_at_most_five_images():
    idea = IdeaFactory()
    for n in range(MAX_IMAGES):
        idea_image_add(idea=idea, by=idea.author, upload=image_upload(f"{n}.png"), alt_text=f"Bild {n}")
    with pytest.raises(ValidationError, match="at most 5 images"):
        idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="En till")
    with pytest.raises(ValidationError, match="at most 5 images"):
        idea_update_with_images(idea=idea, by=idea.author, images_new=[(image_upload(), "En till")])
    assert idea.images.count() == MAX_IMAGES


def test_editing_changes_descriptions_removes_and_adds_images_at_once(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    first = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Första")
    second = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Andra")
    storage, removed_name = second.image.storage, second.image.name
    with django_capture_on_commit_callbacks(execute=True):
        idea_update_with_images(idea=idea, by=idea.author, title="Nytt namn", alt_texts={first.pk: "Första, bättre"},
                                images_removed=[second.pk], images_new=[(image_upload(), "Tredje")])
    idea.refresh_from_db()
    assert idea.title == "Nytt namn"
    assert [(image.alt_text, image.position) for image in idea.images.order_by("position")] == [
        ("Första, bättre", 0), ("Tredje", 1)]
    assert not storage.exists(removed_name)


def test_a_volunteer_or_another_member_cannot_change_images():
    idea = IdeaFactory()
    image = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Bild")
    volunteer = TeamMemberFactory(idea=idea, role="volunteer").user
    for user in (volunteer, UserFactory()):
        with pytest.raises(PermissionDenied):
            idea_image_add(idea=idea, by=user, upload=image_upload(), alt_text="Bild")
        with pytest.raises(PermissionDenied):
            idea_image_update(image=image, by=user, alt_text="Annat")
        with pytest.raises(PermissionDenied):
            idea_image_remove(image=image, by=user)
    assert IdeaImage.objects.get().alt_text == "Bild"


def test_a_description_cannot_be_emptied():
    idea = IdeaFactory()
    image = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Bild")
    with pytest.raises(ValidationError):
        idea_image_update(image=image, by=idea.author, alt_text=" ")
    with pytest.raises(ValidationError):
        idea_update_with_images(idea=idea, by=idea.author, title="Ändrad", alt_texts={image.pk: ""})
    assert IdeaImage.objects.get().alt_text == "Bild" and Idea.objects.get().title != "Ändrad"


def test_a_co_founder_removes_an_image_and_its_file(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    image = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Bild")
    storage, name = image.image.storage, image.image.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        idea_image_remove(image=image, by=TeamMemberFactory(idea=idea).user)
    assert not IdeaImage.objects.exists() and not storage.exists(name)


def test_editing_a_draft_can_publish_it():
    author = UserFactory()
    idea = idea_create_with_images(author=author, title="Café", summary="Ett café.", publish=False)
    idea_update_with_images(idea=idea, by=author, summary="Ett café för alla.", publish=True)
    idea.refresh_from_db()
    assert idea.published_at is not None and idea.summary == "Ett café för alla."


def test_the_core_team_deletes_an_idea_with_its_files_and_others_cannot(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    image = idea_image_add(idea=idea, by=idea.author, upload=image_upload(), alt_text="Bild")
    storage, name = image.image.storage, image.image.name
    for user in (UserFactory(), TeamMemberFactory(idea=idea, role="volunteer").user):
        with pytest.raises(PermissionDenied):
            idea_delete(idea=idea, by=user)
    assert Idea.objects.filter(pk=idea.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        idea_delete(idea=idea, by=idea.author)
    assert not Idea.objects.filter(pk=idea.pk).exists() and not storage.exists(name)


def test_a_hub_admin_may_delete_any_idea():
    idea = IdeaFactory()
    idea_delete(idea=idea, by=UserFactory(is_superuser=True))
    assert not Idea.objects.exists()
