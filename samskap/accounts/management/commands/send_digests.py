"""Run from the worker's loop or cron: `manage.py send_digests`. Safe to run as often as you like: a member's
digest goes out at most once a day or once a week, by their choice, and only with something new in it."""

from django.core.management.base import BaseCommand

from samskap.accounts.notifications import digests_send


class Command(BaseCommand):
    help = "E-mail each member whose daily or weekly digest is due the notifications they have not read yet."

    def handle(self, *args, **options):
        sent = digests_send()
        if options["verbosity"] > 0:
            self.stdout.write(f"digests sent: {sent}")
