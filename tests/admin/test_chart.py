"""Weekly counts (one query, local weeks) and the bar chart's geometry."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import ADDITION, LogEntry

from kkn_portal.chart import HEIGHT, WIDTH, bar_chart, week_starts, weekly_counts
from tests.admin.factories import make_user

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = datetime.date(2026, 3, 4)  # a Wednesday in ISO week 10


def log_at(user, when):
    """A LogEntry at ``when`` (any dated model would do; this one is always installed)."""
    entry = LogEntry.objects.create(user=user, action_flag=ADDITION, object_repr="x")
    LogEntry.objects.filter(pk=entry.pk).update(action_time=when)


def test_week_starts_are_twelve_mondays_ending_this_week():
    """Oldest first, each a Monday, the last one in the current week."""
    starts = week_starts(TODAY)
    assert len(starts) == 12
    assert all(day.weekday() == 0 for day in starts)
    assert starts[-1] == datetime.date(2026, 3, 2)
    assert starts[0] == datetime.date(2025, 12, 15)


@pytest.mark.django_db
def test_weekly_counts_in_one_query_with_local_weeks(django_assert_num_queries):
    """Rows land in their Stockholm week; empty weeks are zero; older rows are left out."""
    user = make_user()
    # Sunday 23:30 in Stockholm is Sunday 22:30 UTC: still week 9 locally.
    log_at(user, datetime.datetime(2026, 3, 1, 23, 30, tzinfo=STOCKHOLM))
    # Monday 00:30 in Stockholm is Sunday 23:30 UTC: week 10 locally.
    log_at(user, datetime.datetime(2026, 3, 2, 0, 30, tzinfo=STOCKHOLM))
    log_at(user, datetime.datetime(2026, 3, 4, 12, 0, tzinfo=STOCKHOLM))
    log_at(user, datetime.datetime(2025, 12, 15, 0, 5, tzinfo=STOCKHOLM))  # first week
    log_at(user, datetime.datetime(2025, 12, 14, 23, 55, tzinfo=STOCKHOLM))  # too old
    with django_assert_num_queries(1):
        series = weekly_counts(LogEntry.objects.all(), "action_time", today=TODAY)
    counts = dict(series)
    assert len(series) == 12
    assert counts[datetime.date(2026, 3, 2)] == 2
    assert counts[datetime.date(2026, 2, 23)] == 1
    assert counts[datetime.date(2025, 12, 15)] == 1
    assert sum(counts.values()) == 4


@pytest.mark.django_db
def test_weekly_counts_on_an_empty_table():
    """Twelve zero weeks, no error."""
    series = weekly_counts(LogEntry.objects.all(), "action_time", today=TODAY)
    assert [count for _, count in series] == [0] * 12


def test_bar_chart_scales_to_the_tallest_week():
    """The busiest week fills the plot; an empty week has no height; bars fit the box."""
    series = list(zip(week_starts(TODAY), [0, 5, 10] + [1] * 9, strict=True))
    bars = bar_chart(series)
    assert len(bars) == 12
    tallest = max(bars, key=lambda bar: bar.height)
    assert tallest.count == 10
    assert bars[0].height == 0
    assert bars[1].height == pytest.approx(tallest.height / 2, abs=0.1)
    for bar in bars:
        assert 0 <= bar.x and bar.x + bar.width <= WIDTH
        assert 0 <= bar.y and bar.y + bar.height <= HEIGHT
    assert bars[-1].week_number == 10


def test_bar_chart_with_no_comments_at_all():
    """All zeros: flat bars, no division by zero."""
    bars = bar_chart([(day, 0) for day in week_starts(TODAY)])
    assert [bar.height for bar in bars] == [0] * 12
