"""Exports too large for one request run as a job; the staff member downloads the file.

A million comments take about 30 s to write, as long as gunicorn lets a
request live. Above ``FEEDBACK_EXPORT_BACKGROUND_ROWS`` (100 000) rows the
admin's "Exportera" records an :class:`ExportJob` and starts it in a thread
of the same worker once the transaction commits; the CSV is streamed into a
file under ``FEEDBACK_EXPORT_ROOT`` (a private folder, never the public media
volume; with several app containers, a volume they share). A job whose
worker stopped is finished by ``manage.py run_export_jobs`` (cron or by hand),
the documented worker. The download streams the file back.
"""

import logging
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("feedback.export")


class ExportJob(models.Model):
    """One CSV export of a date range, written in the background."""

    class State(models.TextChoices):
        WAITING = "vantar", _("Waiting")
        DONE = "klar", _("Ready")
        FAILED = "misslyckad", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    date_from = models.DateField()
    date_to = models.DateField()
    separator = models.CharField(max_length=10, default="semicolon")
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    rows = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")

    def __str__(self):
        return f"{self.date_from} – {self.date_to} ({self.get_state_display()})"

    @property
    def path(self):
        """Where the CSV is written (private: outside static and media)."""
        return Path(settings.FEEDBACK_EXPORT_ROOT) / f"{self.pk}.csv"

    def run(self):
        """Write the CSV (streamed, in blocks) and mark the job ready or failed."""
        from feedback import export
        from feedback.models import Comment

        queryset = Comment.objects.created_between(self.date_from, self.date_to)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".part")
            with open(partial, "wb") as output:
                output.writelines(export.csv_lines(queryset, self.separator))
            partial.replace(self.path)
            state, rows = self.State.DONE, queryset.count()
        except Exception:
            logger.exception("Export job %s failed", self.pk)
            state, rows = self.State.FAILED, 0
        ExportJob.objects.filter(pk=self.pk).update(
            state=state, rows=rows, finished_at=timezone.now()
        )

    def start_after_commit(self):
        """Run in a thread of this worker once the job's row is committed."""

        def start():
            thread = threading.Thread(target=_run_in_thread, args=(self.pk,), daemon=True)
            thread.start()

        transaction.on_commit(start)


def _run_in_thread(pk):
    from django.db import connection

    try:
        ExportJob.objects.get(pk=pk).run()
    finally:
        connection.close()  # the thread's own connection
