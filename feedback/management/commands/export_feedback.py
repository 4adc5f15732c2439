"""``python manage.py export_feedback --from 2026-01-01 --to 2026-12-31 -o out.csv``.

The same CSV as the admin's "Exportera" page (shared code in
:mod:`feedback.export`), for staff who work from the shell or a scheduled job.
"""

import datetime
import logging
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from feedback import export
from feedback.admin_views import log_export
from feedback.models import Comment
from kkn_portal.audit import staff_user

logger = logging.getLogger("feedback.export")


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(_("Not a date (YYYY-MM-DD): %s") % value) from exc


class Command(BaseCommand):
    """Write the comments received in a date range as CSV."""

    help = "Export comments received from --from to --to (inclusive, Swedish time) as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--sep",
            choices=sorted(export.SEPARATORS),
            default="semicolon",
            help="field separator: semicolon (Swedish Excel, default) or comma (RFC 4180)",
        )
        parser.add_argument(
            "--user", help="your staff user name: the export is recorded in the admin log"
        )

    def handle(self, *args, **options):
        first, last = iso_date(options["date_from"]), iso_date(options["date_to"])
        if first > last:
            raise CommandError(_("--from must not be after --to."))
        user = staff_user(options["user"]) if options["user"] else None
        queryset = Comment.objects.created_between(first, last)
        count = queryset.count()
        if user is not None:
            log_export(user, count, f"{first.isoformat()} – {last.isoformat()}")
        lines = export.csv_lines(queryset, options["sep"])
        if options["output"]:
            with open(options["output"], "wb") as output:
                output.writelines(lines)
            logger.info("Shell export of %d comments (%s – %s)", count, first, last)
            if options["verbosity"] >= 1:
                self.stdout.write(
                    self.style.SUCCESS(
                        _("Wrote %(count)d comments to %(file)s.")
                        % {"count": count, "file": options["output"]}
                    )
                )
            return
        # The CSV goes to standard output, where the log handler also writes,
        # so the record of the export goes to standard error instead.
        self.stdout.flush()
        sys.stdout.buffer.writelines(lines)
        sys.stdout.buffer.flush()
        self.stderr.write(f"Shell export of {count} comments ({first} – {last})")
