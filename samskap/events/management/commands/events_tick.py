"""Run from cron every few minutes: `manage.py events_tick`. Safe to run as often as you like."""

from django.core.management.base import BaseCommand

from samskap.events.services_registration import events_tick


class Command(BaseCommand):
    help = ("Pass on expired waiting-list offers, fill free places from waiting lists, "
            "send due reminders and feedback requests.")

    def handle(self, *args, **options):
        done = events_tick()
        if options["verbosity"] > 0:
            self.stdout.write(", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in done.items()))
