import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskap.accounts.models import Visibility
from samskap.core.models import Country, Place, Theme

from .legal_forms import ALL_LEGAL_FORMS


class OrganisationKind(models.TextChoices):
    SOCIAL_ENTERPRISE = "social_enterprise", _("social enterprise")
    WORK_INTEGRATING = "work_integrating", _("work-integrating social enterprise")
    ASSOCIATION = "association", _("association / NGO")
    COOPERATIVE = "cooperative", _("cooperative")
    FOUNDATION = "foundation", _("foundation")
    COMPANY = "company", _("company")
    MUNICIPALITY = "municipality", _("municipality")
    REGION = "region", _("region")
    JOB_CENTRE = "job_centre", _("job centre")
    UNIVERSITY = "university", _("university or school")
    NETWORK = "network", _("network or hub")
    FUNDER = "funder", _("funder")
    OTHER = "other", _("other")


class Sector(models.TextChoices):
    PUBLIC = "public", _("public")
    PRIVATE = "private", _("private")
    CIVIL = "civil", _("civil society / idea-based")
    ACADEMIC = "academic", _("academic")


class ContentLanguage(models.TextChoices):
    SV = "sv", _("Swedish")
    NB = "nb", _("Norwegian")
    DA = "da", _("Danish")
    EN = "en", _("English")
    FI = "fi", _("Finnish")
    IS = "is", _("Icelandic")


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """Organisations shown in the directory: not merged into another."""
        return self.filter(merged_into__isnull=True)

    def with_list_relations(self):
        return self.select_related("head_office__parent").prefetch_related("themes")


class Organisation(models.Model):
    """An actor of the ecosystem: social enterprise, association, municipality, job centre, university …"""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    legal_form = models.CharField(_("legal form"), max_length=40, choices=ALL_LEGAL_FORMS, blank=True)
    org_number = models.CharField(_("organisation number"), max_length=20, blank=True,
                                  help_text=_("Organisationsnummer, organisasjonsnummer, CVR, Y-tunnus or kennitala."))
    head_office = models.ForeignKey(Place, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                    verbose_name=_("head office"))
    areas_served = models.ManyToManyField(Place, blank=True, related_name="organisations_serving",
                                          verbose_name=_("areas served"))
    themes = models.ManyToManyField(Theme, blank=True, related_name="organisations", verbose_name=_("themes"))
    description = models.TextField(_("description"), blank=True)
    description_language = models.CharField(_("language of the description"), max_length=2,
                                            choices=ContentLanguage.choices, default=ContentLanguage.SV)
    offers = models.TextField(_("what we offer"), max_length=1000, blank=True)
    offer_themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes of what we offer"))
    seeks = models.TextField(_("what we seek"), max_length=1000, blank=True)
    seek_themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes of what we seek"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    email_visibility = models.CharField(_("who sees the e-mail address"), max_length=10, choices=Visibility.choices,
                                        default=Visibility.PUBLIC)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    phone_visibility = models.CharField(_("who sees the phone number"), max_length=10, choices=Visibility.choices,
                                        default=Visibility.PUBLIC)
    logo = models.ImageField(_("logo"), upload_to="organisations/", blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    social_links = models.JSONField(_("social media"), default=list, blank=True)
    is_registered_social_enterprise = models.BooleanField(_("registered social enterprise"), default=False)
    registration_evidence_url = models.URLField(_("evidence of registration"), blank=True)
    is_verified = models.BooleanField(_("verified by the hub"), default=False)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged",
                                    verbose_name=_("merged into"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["country", "name"]),
                   models.Index(fields=["created_at"]),
                   # The directory's default order: lets the list read the first page off the index.
                   models.Index(fields=["name", "id"], name="organisation_listed_by_name",
                                condition=models.Q(merged_into__isnull=True)),
                   models.Index(fields=["-created_at"], name="organisation_listed_newest",
                                condition=models.Q(merged_into__isnull=True)),
                   # The unique constraint is partial; SQLite's planner does not use it for look-ups.
                   models.Index(fields=["country", "org_number"], name="organisation_number_lookup")]
        constraints = [
            models.UniqueConstraint(fields=["country", "org_number"], condition=~models.Q(org_number=""),
                                    name="organisation_unique_number_per_country"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("actors:organisation", args=[self.slug])


class Membership(models.Model):
    """A person's tie to an organisation. Requests and invitations are memberships not yet active."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("admin")
        MEMBER = "member", _("member")
        CONTACT = "contact", _("contact person")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        REQUESTED = "requested", _("asked to join")
        INVITED = "invited", _("invited")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="memberships")
    invited_email = models.EmailField(_("invited e-mail address"), blank=True)
    token = models.CharField(max_length=43, unique=True, default=secrets.token_urlsafe, editable=False)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], condition=models.Q(user__isnull=False),
                                    name="membership_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user or self.invited_email} – {self.organisation}"


class LocalGroup(models.Model):
    """A group per place or theme, such as the Kreaprenör network's local groups, with contact persons."""

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=180, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_language = models.CharField(_("language of the description"), max_length=2,
                                            choices=ContentLanguage.choices, default=ContentLanguage.SV)
    place = models.ForeignKey(Place, on_delete=models.PROTECT, null=True, blank=True, related_name="local_groups",
                              verbose_name=_("place"))
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, null=True, blank=True, related_name="local_groups",
                              verbose_name=_("theme"))
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="GroupMembership", related_name="local_groups")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="local_groups",
                                           verbose_name=_("organisations"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("local group")
        verbose_name_plural = _("local groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("actors:group", args=[self.slug])


class GroupMembership(models.Model):
    class Role(models.TextChoices):
        CONTACT = "contact", _("contact person")
        MEMBER = "member", _("member")

    group = models.ForeignKey(LocalGroup, on_delete=models.CASCADE, related_name="group_memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="group_membership_once")]


class Partnership(models.Model):
    """Two actors working together — each side an organisation, or a person acting for themselves.

    Recorded when the owner of a marketplace ad marks it matched with a partner (`source_url` then points at
    the ad), shown on both profiles and later in the network map."""

    organisation_a = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True,
                                       related_name="partnerships_a", verbose_name=_("organisation"))
    person_a = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="partnerships_a", verbose_name=_("person"))
    organisation_b = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True,
                                       related_name="partnerships_b", verbose_name=_("partner organisation"))
    person_b = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="partnerships_b", verbose_name=_("partner"))
    description = models.CharField(_("what they do together"), max_length=300, blank=True)
    source_url = models.CharField(_("where it began"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("recorded by"))
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(organisation_a__isnull=False) | models.Q(person_a__isnull=False),
                                   name="partnership_has_side_a"),
            models.CheckConstraint(condition=models.Q(organisation_b__isnull=False) | models.Q(person_b__isnull=False),
                                   name="partnership_has_side_b"),
        ]

    def __str__(self) -> str:
        a = self.organisation_a or self.person_a
        b = self.organisation_b or self.person_b
        return f"{a} – {b}"
