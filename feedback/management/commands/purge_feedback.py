"""``python manage.py purge_feedback [--dry-run]``: retention (gallring).

Comments are public records, so this deletes nothing unless the
organisation's archive decision is configured as ``FEEDBACK_RETENTION_DAYS``.
Then it deletes handled comments received longer ago than that; new
comments are never deleted. Every run is logged (count, cut-off, decision).
"""

import datetime
import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from feedback.models import Comment
from kkn_portal.audit import log_admin_action, staff_user

logger = logging.getLogger("feedback.retention")


class Command(BaseCommand):
    """Delete handled comments older than the configured retention."""

    help = "Delete handled comments older than FEEDBACK_RETENTION_DAYS (nothing if unset)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="only count what would be deleted"
        )
        parser.add_argument(
            "--user", help="staff user name the purge is recorded under in the admin log"
        )

    def handle(self, *args, **options):
        user = staff_user(options["user"]) if options["user"] else None
        days = getattr(settings, "FEEDBACK_RETENTION_DAYS", None)
        decision = getattr(settings, "FEEDBACK_RETENTION_DECISION", "") or "-"
        if not days:
            logger.info("Purge run: FEEDBACK_RETENTION_DAYS is not set, nothing deleted")
            self.stdout.write(
                _("FEEDBACK_RETENTION_DAYS is not set: comments are kept, nothing was deleted.")
            )
            return
        now = timezone.now()
        queryset = Comment.objects.purgeable(days, now=now)
        if options["dry_run"]:
            count = queryset.count()
            logger.info(
                "Purge dry run: %d comments older than %d days (decision %s)", count, days, decision
            )
            self.stdout.write(
                _("Dry run: %(count)d handled comments older than %(days)d days would be deleted.")
                % {"count": count, "days": days}
            )
            return
        with transaction.atomic():
            count, _per_model = queryset.delete()
            if user is not None:
                log_admin_action(
                    user,
                    Comment,
                    _("Purge"),
                    _(
                        "Deleted %(count)d handled comments older than %(days)d days (decision %(decision)s)."
                    )
                    % {"count": count, "days": days, "decision": decision},
                )
        logger.warning(
            "Purged %d handled comments received before %s (retention %d days, decision %s)",
            count,
            (now - datetime.timedelta(days=days)).isoformat(),
            days,
            decision,
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("Deleted %(count)d handled comments older than %(days)d days.")
                % {"count": count, "days": days}
            )
        )
