"""``python manage.py send_event_reminders [--dry-run]``: the reminder the day before.

Run it every hour (cron line in the README). Each confirmed participant of
a published event that starts within the next 24 hours gets one reminder:
the registration is claimed (``reminded_at`` set where it is still empty)
before the e-mail goes out, so overlapping runs never send twice, and a
failed e-mail releases the claim for the next run. Logs counts only.
"""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from events.registration import emails
from events.registration.models import Registration

logger = logging.getLogger("events.registration.reminders")


class Command(BaseCommand):
    """Send the day-before reminder to confirmed participants, once each."""

    help = "E-mail a reminder to confirmed participants of events starting within 24 hours."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count who is due")

    def handle(self, *args, **options):
        now = timezone.now()
        due = Registration.objects.due_for_reminder(now).exclude(event__event_status="installd")
        if options["dry_run"]:
            count = due.count()
            self.stdout.write(_("Dry run: %(count)d reminders are due.") % {"count": count})
            return
        sent = failed = 0
        for pk in due.values_list("pk", flat=True):
            claimed = Registration.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue  # another run took it
            if emails.deliver(emails.send_reminder, pk):
                sent += 1
            else:
                Registration.objects.filter(pk=pk).update(reminded_at=None)
                failed += 1
        logger.info("Event reminders: %d sent, %d failed", sent, failed)
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    _("%(sent)d reminders sent, %(failed)d failed.")
                    % {"sent": sent, "failed": failed}
                )
            )
