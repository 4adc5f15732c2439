"""Load the portal's demo content; safe to run any number of times.

Each app contributes its part through a ``demo`` module with a
``seed(stdout, style)`` function; they run in dependency order inside one
transaction, so a failure leaves the database as it was.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_APPS = ("kkn_portal", "news", "events", "feedback")


class Command(BaseCommand):
    """``python manage.py seed_demo``: flatpages, articles, events, comments."""

    help = "Create or update the demo content (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app in DEMO_APPS:
                try:
                    module = import_module(f"{app}.demo")
                except ModuleNotFoundError:
                    continue
                summary = module.seed()
                if options["verbosity"] >= 1 and summary:
                    self.stdout.write(f"{app}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
