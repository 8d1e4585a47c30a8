import factory

from samskap.accounts.tests.factories import UserFactory
from samskap.actors.models import LocalGroup, Membership, Organisation, OrganisationKind, Sector


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.SOCIAL_ENTERPRISE
    sector = Sector.CIVIL
    country = "SE"
    description = "We help people into work."
    description_language = "sv"

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def areas_served(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.areas_served.set(extracted)

    @factory.post_generation
    def admins(obj, create, extracted, **kwargs):
        """`OrganisationFactory(admins=[user])` makes each user an active admin of the organisation."""
        if create and extracted:
            for user in extracted:
                Membership.objects.create(organisation=obj, user=user, role=Membership.Role.ADMIN,
                                          status=Membership.Status.ACTIVE)


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active membership; pass role=/status= for admins, requests and invitations."""

    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE


class LocalGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalGroup
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Local group {n}")
    slug = factory.Sequence(lambda n: f"local-group-{n}")
    description = "Meets every month."
    description_language = "sv"

    @factory.post_generation
    def organisations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisations.set(extracted)


def make_place(name: str, *, level: str = "municipality", parent=None, country: str = "SE"):
    """A place with a slug no shipped place uses, so tests do not collide with the places data."""
    from django.utils.text import slugify

    from samskap.core.models import Place

    return Place.objects.create(level=level, parent=parent, country=country, name=name,
                                slug=f"test-{slugify(name)}-{Place.objects.count()}")


def make_theme(label: str, *, kind: str = "challenge"):
    from django.utils.text import slugify

    from samskap.core.models import Theme

    return Theme.objects.create(kind=kind, slug=f"test-{slugify(label)}", labels={"en": label, "sv": label})
