"""The comments section of the editors' overview (registered with kkn_portal.overview)."""

import datetime

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from kkn_portal.chart import bar_chart, weekly_counts
from kkn_portal.overview import changelist

from .models import Comment, HelpfulnessCount

# The overview's line about "Hjälpte informationen dig?" covers this many days.
HELPFUL_DAYS = 30


def helpful_line(now):
    """Yes and no over the last 30 days, and the statistics page (one query)."""
    today = timezone.localdate(now)
    since = today - datetime.timedelta(days=HELPFUL_DAYS - 1)
    sums = HelpfulnessCount.objects.between(since, today).aggregate(yes=Sum("yes"), no=Sum("no"))
    yes, no = sums["yes"] or 0, sums["no"] or 0
    return {
        "yes": yes,
        "no": no,
        "share": round(100 * yes / (yes + no)) if yes + no else None,
        "url": reverse("admin:feedback_comment_statistics"),
    }


def comments_section(now):
    """New comments waiting in the inbox, comments per week for 12 weeks, and the yes/no line."""
    new = Comment.objects.filter(status=Comment.Status.NEW).count()
    return {
        "new": new,
        "new_url": changelist(Comment, status=Comment.Status.NEW),
        "chart": bar_chart(weekly_counts(Comment.objects.all(), "created_at")),
        "helpful": helpful_line(now),
    }
