"""``python manage.py purge_consent_records [--dry-run]``: retention of the proof of consent.

A ``ConsentRecord`` proves what a visitor agreed to (GDPR art. 7(1)). It is
kept while the choice can still apply (its 180 days) plus a margin, together
``CONSENT_RECORD_RETENTION_DAYS`` (default 545, README "Cookie consent"),
and deleted after that. 0 keeps every record; a value shorter than the
choice's validity is refused, since proof would vanish while the choice
is still in use. Every run is logged with its count and cut-off.
"""

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kkn_portal.consent.models import ConsentRecord
from kkn_portal.consent.state import VALIDITY

logger = logging.getLogger("kkn_portal.consent.retention")


class Command(BaseCommand):
    """Delete consent records older than the configured retention."""

    help = "Delete consent records older than CONSENT_RECORD_RETENTION_DAYS (nothing if 0)."

    def add_arguments(self, parser):
        """``--dry-run``."""
        parser.add_argument(
            "--dry-run", action="store_true", help="only count what would be deleted"
        )

    def handle(self, *args, **options):
        """Check the retention, then count (dry run) or delete, and log the run."""
        days = getattr(settings, "CONSENT_RECORD_RETENTION_DAYS", 0)
        if not days:
            logger.info("Consent purge: CONSENT_RECORD_RETENTION_DAYS is 0, nothing deleted")
            self.stdout.write(
                _(
                    "CONSENT_RECORD_RETENTION_DAYS is 0: consent records are kept, nothing was deleted."
                )
            )
            return
        if days < VALIDITY.days:
            raise CommandError(
                _(
                    "CONSENT_RECORD_RETENTION_DAYS must be at least %(days)d: a choice is valid that long."
                )
                % {"days": VALIDITY.days}
            )
        cutoff = timezone.now() - datetime.timedelta(days=days)
        records = ConsentRecord.objects.filter(created_at__lt=cutoff)
        if options["dry_run"]:
            count = records.count()
            logger.info("Consent purge dry run: %d records before %s", count, cutoff.isoformat())
            self.stdout.write(
                _("Dry run: %(count)d consent records older than %(days)d days would be deleted.")
                % {"count": count, "days": days}
            )
            return
        with transaction.atomic():
            count, _per_model = records.delete()
        logger.warning(
            "Purged %d consent records made before %s (retention %d days)",
            count,
            cutoff.isoformat(),
            days,
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("Deleted %(count)d consent records older than %(days)d days.")
                % {"count": count, "days": days}
            )
        )
