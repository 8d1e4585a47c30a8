"""Load the demo ecosystem. Safe to run again: what exists is left as it is."""

from django.core.management.base import BaseCommand
from django.db import transaction

from samskap.core.models import HubSettings

DEMO_PASSWORD = "samskap-demo"

DEMO_PEOPLE = [
    # email, name, roles, bio, languages
    ("admin@samskap.test", "Astrid Hubsson", {"is_superuser": True, "is_staff": True},
     "Runs the hub: settings, members and moderation.", ["sv", "en"]),
    ("facilitator@samskap.test", "Fatima Lindqvist", {"is_facilitator": True},
     "Facilitator at the neighbourhood incubator; runs World Café and Open Space sessions.", ["sv", "ar", "en"]),
    ("mentor@samskap.test", "Magnus Haugen", {"is_mentor": True},
     "Experienced social entrepreneur who mentors new ideas in Oslo and Stavanger.", ["nb", "en"]),
    ("member@samskap.test", "Mikael Eldsjäl", {},
     "Eldsjäl with an idea for a repair café against loneliness in Rosengård.", ["sv", "fi"]),
]


class Command(BaseCommand):
    help = "Load the demo hub and people (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        from allauth.account.models import EmailAddress

        from samskap.accounts.models import User

        hub, _ = HubSettings.objects.get_or_create(
            pk=HubSettings.SINGLETON_ID,
            defaults={"name": "Samskap Norden", "contact_email": "kontakt@samskap.test"},
        )
        created = 0
        for email, name, roles, bio, languages in DEMO_PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email, DEMO_PASSWORD, name=name, bio=bio, languages=languages, **roles)
                created += 1
            EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        # The directory: organisations, listed people and local groups (samskap/actors/demo_data.py).
        from samskap.actors.demo import demo_load

        directory = demo_load()
        if created or directory.anything:
            self.stdout.write(self.style.SUCCESS(
                f"Demo data loaded: {created + directory.people} people, {directory.organisations} organisations, "
                f"{directory.groups} local groups."))
        else:
            self.stdout.write("Demo data already present; nothing changed.")
        self.stdout.write(f"Demo log-ins (password: {DEMO_PASSWORD}):")
        for email, name, roles, _bio, _languages in DEMO_PEOPLE:
            self.stdout.write(f"  {email:<28} {name}")
