"""Run from the worker's loop or cron every few minutes: `manage.py knowledge_tick`. Safe to run as often as
you like: it moves passed deadlines on, then alerts members of the organisations each new open call fits
(once per call)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Move funding calls' next deadlines on and send funding alerts for new open calls."

    def handle(self, *args, **options):
        from samskap.knowledge.alerts import funding_alerts_send
        from samskap.knowledge.services_funding import funding_next_deadlines_refresh

        moved = funding_next_deadlines_refresh()
        told = funding_alerts_send()
        if options["verbosity"] > 0:
            self.stdout.write(f"deadlines moved on: {moved}, members alerted: {told}")
