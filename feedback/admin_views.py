"""Admin pages beside the comment inbox: CSV export and revealing the original.

Both are registered by :class:`feedback.admin.CommentAdmin` through
``admin_site.admin_view`` (so anonymous users go to the login page) and
check their own permission (so other staff get 403).
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from feedback import export
from feedback.forms import ExportForm
from feedback.models import Comment, ExportJob
from kkn_portal.audit import log_admin_action

logger = logging.getLogger("feedback.export")


def log_export(user, count, description):
    """Record an export in the admin log (who, when, what range, how many)."""
    message = ngettext(
        "Exported %(count)d comment (%(range)s) to CSV.",
        "Exported %(count)d comments (%(range)s) to CSV.",
        count,
    ) % {"count": count, "range": description}
    log_admin_action(user, Comment, _("CSV export"), message)
    logger.info("User %s exported %d comments (%s)", user.pk, count, description)


def csv_response(queryset, separator, filename):
    """Stream ``queryset`` as CSV; never cached, always a download."""
    return export.streamed_response(export.csv_lines(queryset, separator), filename)


def export_view(model_admin, request):
    """The "Exportera" page: a date-range form that answers with the CSV."""
    if not model_admin.has_export_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        data = request.POST.copy()
        # ?sep=comma on the address works as well as the form's choice.
        if not data.get("sep"):
            data["sep"] = "comma" if request.GET.get("sep") == "comma" else "semicolon"
        form = ExportForm(data)
        if form.is_valid():
            first, last = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
            queryset = Comment.objects.created_between(first, last)
            count = queryset.count()
            log_export(request.user, count, f"{first.isoformat()} – {last.isoformat()}")
            if count > settings.FEEDBACK_EXPORT_BACKGROUND_ROWS:
                job = ExportJob.objects.create(
                    created_by=request.user,
                    date_from=first,
                    date_to=last,
                    separator=form.cleaned_data["sep"],
                )
                job.start_after_commit()
                return redirect("admin:feedback_comment_export_job", job_id=job.pk)
            return csv_response(queryset, form.cleaned_data["sep"], export.filename(first, last))
    else:
        today = datetime.date.today()
        form = ExportForm(
            initial={
                "date_from": today.replace(month=1, day=1),
                "date_to": today,
                "sep": "comma" if request.GET.get("sep") == "comma" else "semicolon",
            }
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Comment._meta,
        "title": _("Export comments"),
        "form": form,
    }
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "feedback/admin/export.html", context, status=status)


def _own_job(model_admin, request, job_id):
    """The job, if the user may export and it is theirs (or they are a superuser)."""
    if not model_admin.has_export_permission(request):
        raise PermissionDenied
    job = get_object_or_404(ExportJob, pk=job_id)
    if job.created_by_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    return job


def export_job_view(model_admin, request, job_id):
    """A background export's page: waiting (reload), ready (download) or failed."""
    job = _own_job(model_admin, request, job_id)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Comment._meta,
        "title": _("Export comments"),
        "job": job,
    }
    response = TemplateResponse(request, "feedback/admin/export_job.html", context)
    response["Cache-Control"] = "no-store"
    return response


def export_file_view(model_admin, request, job_id):
    """Stream a finished export's file as a download."""
    job = _own_job(model_admin, request, job_id)
    if job.state != ExportJob.State.DONE or not job.path.exists():
        raise Http404
    response = FileResponse(
        open(job.path, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=export.filename(job.date_from, job.date_to),
        content_type="text/csv; charset=utf-8",
    )
    response["Cache-Control"] = "no-store"
    return response


def reveal_view(model_admin, request, object_id):
    """Show a superuser the text as received, and log that it was shown."""
    if not request.user.is_superuser:
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=object_id)
    revealed = request.method == "POST"
    if revealed:
        model_admin.log_change(request, comment, _("Showed the original text."))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Comment._meta,
        "original": comment,
        "title": _("Original text of the comment"),
        "revealed": revealed,
    }
    return TemplateResponse(request, "feedback/admin/reveal.html", context)
