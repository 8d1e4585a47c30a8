"""Load the demo ecosystem. Safe to run again: what exists is left as it is."""

from dataclasses import asdict, is_dataclass
from functools import partial
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from samskap.core.fragments import DIRECTORY, EVENTS, IDEAS, KNOWLEDGE, MARKETPLACE, generation_bump
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
        # Every app's own demo content, in the order of INSTALLED_APPS: its demo.py has demo_load()
        # (the directory's organisations, people and groups, then events …).
        loaded = [(config.label, loader()) for config, loader in demo_loaders()]
        if created or any(result.anything for _name, result in loaded):
            # The demos' bulk writes pass by the signals that outdate visitors' cached pages.
            for generation in (DIRECTORY, EVENTS, KNOWLEDGE, MARKETPLACE, IDEAS):
                transaction.on_commit(partial(generation_bump, generation))
            parts = [f"{created} demo log-ins"] + [f"{name}: {_summary(result)}" for name, result in loaded]
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {'; '.join(parts)}."))
        else:
            self.stdout.write("Demo data already present; nothing changed.")
        self.stdout.write(f"Demo log-ins (password: {DEMO_PASSWORD}):")
        for email, name, roles, _bio, _languages in DEMO_PEOPLE:
            self.stdout.write(f"  {email:<28} {name}")


def demo_loaders():
    """(app config, demo_load) of every installed app with a demo module, in the order of INSTALLED_APPS."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "demo"):
            loader = getattr(import_module(f"{config.name}.demo"), "demo_load", None)
            if loader is not None:
                yield config, loader


def _summary(result) -> str:
    if is_dataclass(result):
        return ", ".join(f"{count} {name}" for name, count in asdict(result).items())
    return str(result)
