"""Run from the worker's loop or cron every few minutes: `manage.py ideas_tick`. Safe to run as often as you like:
it tells each idea's team about open milestones due within three days, and once more when one is overdue (each
reminder once per milestone and due date)."""

from django.core.management.base import BaseCommand


def tick() -> dict[str, int]:
    from samskap.ideas.services_cohort import milestones_remind

    return milestones_remind()


class Command(BaseCommand):
    help = "Remind idea teams of milestones that are due soon or overdue."

    def handle(self, *args, **options):
        done = tick()
        if options["verbosity"] > 0:
            self.stdout.write(f"milestones due soon: {done['soon']}, overdue: {done['overdue']}")
