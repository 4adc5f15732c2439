"""Counts per week and a small bar chart drawn on the server as SVG.

The admin overview shows comments per week; the chart is plain SVG geometry
computed here, so no script (and no CSP exception) is needed to draw it.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, DateField
from django.db.models.functions import TruncWeek
from django.utils import timezone

WEEKS = 12
WIDTH, HEIGHT = 600, 160  # the SVG's viewBox; CSS scales it to the column
AXIS = 24  # room below the bars for the week labels
TOP = 16  # room above the tallest bar for its count


def week_starts(today, weeks=WEEKS):
    """The Mondays of the last ``weeks`` ISO weeks, oldest first, this week last."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    return [this_monday - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def weekly_counts(queryset, field, *, today=None, weeks=WEEKS):
    """Count rows of ``queryset`` per local week of ``field``: one query, zeros filled in.

    Returns ``[(monday, count), …]`` for the last ``weeks`` weeks, oldest first.
    """
    starts = week_starts(today or timezone.localdate(), weeks)
    since = datetime.datetime.combine(
        starts[0], datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    rows = (
        queryset.filter(**{f"{field}__gte": since})
        .annotate(week=TruncWeek(field, output_field=DateField()))
        .values("week")
        .annotate(count=Count("pk"))
        .order_by("week")
    )
    counts = {row["week"]: row["count"] for row in rows}
    return [(start, counts.get(start, 0)) for start in starts]


@dataclass(frozen=True)
class Bar:
    """One week's bar: its SVG geometry and the numbers it stands for."""

    week_start: datetime.date
    count: int
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self):
        """Horizontal centre of the bar, for its labels."""
        return self.x + self.width / 2

    @property
    def value_y(self):
        """Baseline of the count written just above the bar."""
        return round(self.y - 4, 1)

    @property
    def week_number(self):
        """The ISO week number, as Swedish calendars show it."""
        return self.week_start.isocalendar().week


def bar_chart(series):
    """Lay out ``[(monday, count), …]`` as bars in a WIDTH × HEIGHT box."""
    if not series:
        return []
    peak = max(count for _, count in series) or 1
    slot = WIDTH / len(series)
    plot_height = HEIGHT - AXIS - TOP
    bars = []
    for index, (week_start, count) in enumerate(series):
        height = round(plot_height * count / peak, 1)
        bars.append(
            Bar(
                week_start=week_start,
                count=count,
                x=round(index * slot + slot * 0.15, 1),
                y=round(TOP + plot_height - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
            )
        )
    return bars
