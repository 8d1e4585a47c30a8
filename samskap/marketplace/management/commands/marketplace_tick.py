"""Run from the worker's loop or cron every few minutes: `manage.py marketplace_tick`. Safe to run as often as you
like: it expires open ads whose last valid day has passed, reminds owners of ads that run out within five days
(once per ad and day), and tells members of new ads matching their saved searches."""

from django.core.management.base import BaseCommand


def tick() -> dict[str, int]:
    from samskap.marketplace.alerts import saved_searches_alert
    from samskap.marketplace.services import ads_expire, ads_remind

    return {"expired": ads_expire(), "reminded": ads_remind(), "alerted": saved_searches_alert()}


class Command(BaseCommand):
    help = "Expire ads, remind owners before their ads run out, and send saved-search alerts."

    def handle(self, *args, **options):
        done = tick()
        if options["verbosity"] > 0:
            self.stdout.write(f"ads expired: {done['expired']}, owners reminded: {done['reminded']}, "
                              f"saved-search alerts: {done['alerted']}")
