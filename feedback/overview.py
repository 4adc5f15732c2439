"""The comments section of the editors' overview (registered with kkn_portal.overview)."""

from kkn_portal.chart import bar_chart, weekly_counts
from kkn_portal.overview import changelist

from .models import Comment


def comments_section(now):
    """New comments waiting in the inbox, and comments per week for 12 weeks."""
    new = Comment.objects.filter(status=Comment.Status.NEW).count()
    return {
        "new": new,
        "new_url": changelist(Comment, status=Comment.Status.NEW),
        "chart": bar_chart(weekly_counts(Comment.objects.all(), "created_at")),
    }
