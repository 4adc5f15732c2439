"""Load the portal's demo content; safe to run any number of times.

Each installed app may contribute its part through a ``demo`` module with a
``seed()`` function returning a summary line; they run in INSTALLED_APPS
order (which is dependency order) inside one transaction, so a failure
leaves the database as it was. The portal names no app: it finds them.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    """``python manage.py seed_demo``: flatpages, articles, events, comments."""

    help = "Create or update the demo content (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not module_has_submodule(config.module, "demo"):
                    continue
                module = import_module(f"{config.name}.demo")
                seed = getattr(module, "seed", None)
                if seed is None:
                    continue
                summary = seed()
                if options["verbosity"] >= 1 and summary:
                    self.stdout.write(f"{config.label}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
