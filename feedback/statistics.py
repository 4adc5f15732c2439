"""Admin page: answers to "Hjälpte informationen dig?" per page, worst first, with a weekly chart.

For editors who read comments (``feedback.view_comment``). A period (by
default the last 12 weeks) gives one row per answered page: yes, no and the
share of yes, with links to the page and to its comments; a stacked SVG bar
per week (:mod:`kkn_portal.chart`'s geometry); and the same safe CSV as the
comment export (:func:`feedback.export.csv_stream`). The page costs the
same few queries whatever the number of pages (a count, one page of rows
and the weekly sums).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from feedback.export import csv_stream, neutralise, streamed_response
from feedback.forms import StatisticsForm
from feedback.models import Comment, HelpfulnessCount
from kkn_portal.chart import WEEKS, Bar, bar_chart
from kkn_portal.overview import changelist

PER_PAGE = 50


@dataclass(frozen=True)
class WeekBar:
    """A week's stacked bar: the whole bar (yes + no) and the part that is no."""

    bar: Bar
    yes: int
    no: int

    @property
    def no_height(self):
        return round(self.bar.height * self.no / self.bar.count, 1) if self.bar.count else 0

    @property
    def no_y(self):
        """The no part sits at the bottom of the bar."""
        return round(self.bar.y + self.bar.height - self.no_height, 1)


def weekly_bars(queryset, first, last):
    """Stacked bars for the weeks of the period, oldest first."""
    weeks = queryset.per_week(first, last)
    bars = bar_chart([(monday, yes + no) for monday, (yes, no) in weeks.items()])
    return [WeekBar(bar, *weeks[bar.week_start]) for bar in bars]


def share_text(share):
    """The share of yes as Swedish percent text (no answers: a dash)."""
    return "–" if share is None else f"{round(share * 100)} %"


def rows_for(page_rows):
    """Rows for the template: numbers, percent and the links."""
    return [
        {
            **row,
            "share_text": share_text(row["share"]),
            "comments_url": changelist(Comment, page_path__exact=row["page_path"]),
        }
        for row in page_rows
    ]


def csv_rows(queryset):
    """The statistics as neutralised CSV cells, one page per row."""
    for row in queryset.values_list("page_path", "title", "yes_total", "no_total", "share"):
        path, title, yes, no, share = row
        yield [
            neutralise(title),
            neutralise(settings.SITE_URL + path),
            yes,
            no,
            neutralise(share_text(share)),
        ]


def default_period(today=None):
    """The last 12 weeks up to today."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(weeks=WEEKS) + datetime.timedelta(days=1), today


def statistics_view(model_admin, request):
    """The statistics page, or its CSV with ``?format=csv``."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    first, last = default_period()
    data = request.GET if "date_from" in request.GET else None
    form = StatisticsForm(data, initial={"date_from": first, "date_to": last})
    if form.is_bound and form.is_valid():
        first, last = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    period = HelpfulnessCount.objects.between(first, last)
    per_page = period.per_page()
    if request.GET.get("format") == "csv" and not form.errors:
        return csv_response(per_page, first, last, request.GET.get("sep", "semicolon"))
    page = Paginator(per_page, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Comment._meta,
        "title": _("Did the information help you?"),
        "form": form,
        "first": first,
        "last": last,
        "page_obj": page,
        "rows": rows_for(page.object_list),
        "chart": weekly_bars(HelpfulnessCount.objects, first, last),
        "query": request.GET.urlencode(),
    }
    status = 400 if form.errors else 200
    return TemplateResponse(request, "feedback/admin/statistics.html", context, status=status)


def csv_response(per_page, first, last, separator):
    """The statistics of the period as a CSV download (never cached)."""
    header = [_("Page title"), _("Page address"), _("Yes"), _("No"), _("Share of yes")]
    lines = csv_stream(header, csv_rows(per_page), separator)
    return streamed_response(lines, f"hjalpte_{first.isoformat()}_{last.isoformat()}.csv")
