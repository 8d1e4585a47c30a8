import factory
from allauth.account.models import EmailAddress

from samskap.accounts.models import User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """A verified primary address, as after a completed sign-up."""
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


ROLES = ["anonymous", "member", "organisation_admin", "mentor", "facilitator", "hub_admin"]


def make_user_for_role(role: str):
    """Return a user who has `role`; the anonymous visitor is Django's AnonymousUser."""
    from django.contrib.auth.models import AnonymousUser

    if role == "anonymous":
        return AnonymousUser()
    flags = {
        "member": {},
        # Organisation admins are members here; their rights over an organisation come with the directory.
        "organisation_admin": {},
        "mentor": {"is_mentor": True},
        "facilitator": {"is_facilitator": True},
        "hub_admin": {"is_superuser": True, "is_staff": True},
    }[role]
    return UserFactory(**flags)
