"""``python manage.py purge_registrations [--dry-run]``: erase and delete in time (gallring).

Run it daily. Two steps:

1. The diet/needs text (it may reveal health or religion) is erased from
   every registration whose event ended before today: the day after.
2. Registrations are deleted ``REGISTRATION_RETENTION_DAYS`` (default 90)
   after their event ended; 0 keeps them.

The log says how many, never whose.
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.registration.models import Registration

logger = logging.getLogger("events.registration.retention")


class Command(BaseCommand):
    """Erase needs the day after an event; delete registrations after the retention."""

    help = (
        "Erase the diet/needs text the day after an event and delete registrations "
        "REGISTRATION_RETENTION_DAYS after it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count")

    def handle(self, *args, **options):
        days = settings.REGISTRATION_RETENTION_DAYS
        now = timezone.now()
        needs = Registration.objects.needs_to_erase(timezone.localdate(now))
        expired = (
            Registration.objects.expired(days, now=now) if days else Registration.objects.none()
        )
        if options["dry_run"]:
            counts = {"needs": needs.count(), "deleted": expired.count(), "days": days}
            self.stdout.write(
                _(
                    "Dry run: needs would be erased from %(needs)d registrations and "
                    "%(deleted)d registrations deleted (retention %(days)d days)."
                )
                % counts
            )
            return
        with transaction.atomic():
            erased = needs.update(needs="")
            deleted, _per_model = expired.delete()
        logger.info(
            "Registrations purged: needs erased from %d, %d deleted (retention %d days)",
            erased,
            deleted,
            days,
        )
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Needs erased from %(needs)d registrations; %(deleted)d registrations deleted."
                    )
                    % {"needs": erased, "deleted": deleted}
                )
            )
