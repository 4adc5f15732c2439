"""``python manage.py run_export_jobs``: finish background exports whose worker stopped.

A background export runs in a thread of the worker that took the request
(``feedback.export_jobs``). If that worker stopped first (a deploy, a
restart), the job stays waiting; this command, run from cron every few
minutes or by hand, writes such jobs. It leaves jobs younger than
``--older-than`` minutes (default 10) to the thread that may still run them.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import ExportJob


class Command(BaseCommand):
    """Run background exports that were left waiting."""

    help = "Write background CSV exports that are still waiting (their worker stopped)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=10, help="minutes (default 10)")
        parser.add_argument("--dry-run", action="store_true", help="only list the jobs")

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(minutes=options["older_than"])
        jobs = ExportJob.objects.filter(state=ExportJob.State.WAITING, created_at__lt=cutoff)
        for job in jobs:
            if options["dry_run"]:
                self.stdout.write(f"would run {job.pk} ({job})")
                continue
            job.run()
            job.refresh_from_db()
            if options["verbosity"] >= 1:
                self.stdout.write(self.style.SUCCESS(f"{job.pk}: {job.get_state_display()}"))
