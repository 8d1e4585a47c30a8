"""Check the web addresses of published resources and funding calls: `manage.py check_links`.

Politely: one request at a time per host, with a pause between two links of a host, several hosts at once.
Run it from cron (e.g. weekly) or let curators start it from the link report (/knowledge/links/), which
enqueues the same work as the task `link_check_task`.
"""

import time

from django.core.management.base import BaseCommand
from django.utils import translation

from samskap.core.selectors import hub_settings_get

from samskap.knowledge.linkcheck import links_check


class Command(BaseCommand):
    help = "Check the external links of the knowledge base and the funding calls, and mark broken and moved ones."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10, help="Seconds to wait for an answer (default 10).")
        parser.add_argument("--delay", type=float, default=1.0,
                            help="Seconds between two requests to the same host (default 1).")
        parser.add_argument("--hosts", type=int, default=8, help="Hosts checked at the same time (default 8).")

    def handle(self, *args, **options):
        started = time.monotonic()
        with translation.override(hub_settings_get().default_language):  # the language of the stored error texts
            counts = links_check(timeout=options["timeout"], per_host_delay=options["delay"],
                                 max_hosts=options["hosts"])
        self.stdout.write(self.style.SUCCESS(
            f"Checked {counts['checked']:,} links in {time.monotonic() - started:.1f} s: {counts['ok']:,} working, "
            f"{counts['redirected']:,} moved, {counts['broken']:,} broken."))
