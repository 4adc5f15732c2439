"""What the admin index shows each member of the editorial team.

Each section appears only to users allowed to see its model, and each costs
one query however much content there is: counts are aggregates, the chart is
one grouped query (kkn_portal.chart), lists are sliced.
"""

from urllib.parse import urlencode

from django.contrib.admin.models import LogEntry
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from feedback.models import Comment
from kkn_portal.chart import bar_chart, weekly_counts
from news.models import Article

UPCOMING_EVENTS = 5
LATEST_CHANGES = 10


def changelist(model, **filters):
    """The admin list of ``model``, filtered by ``filters`` (field lookups)."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def comments_section(now):
    """New comments waiting in the inbox, and comments per week for 12 weeks."""
    new = Comment.objects.filter(status=Comment.Status.NEW).count()
    return {
        "new": new,
        "new_url": changelist(Comment, status__exact=Comment.Status.NEW),
        "chart": bar_chart(weekly_counts(Comment.objects.all(), "created_at")),
    }


def articles_section(now):
    """Articles waiting as drafts and articles scheduled to go live."""
    published = Q(status=Article.Status.PUBLISHED)
    counts = Article.objects.aggregate(
        drafts=Count("pk", filter=Q(status=Article.Status.DRAFT)),
        scheduled=Count("pk", filter=published & Q(published_at__gt=now)),
    )
    return {
        **counts,
        "drafts_url": changelist(Article, status__exact=Article.Status.DRAFT),
        "scheduled_url": changelist(
            Article, status__exact=Article.Status.PUBLISHED, published_at__gt=now.isoformat()
        ),
    }


def events_section(now):
    """Unpublished and scheduled events, and the next events in the calendar."""
    counts = Event.objects.aggregate(
        drafts=Count("pk", filter=Q(published=False)),
        scheduled=Count("pk", filter=Q(published=True, published_at__gt=now)),
    )
    return {
        **counts,
        "drafts_url": changelist(Event, published__exact=0),
        "scheduled_url": changelist(Event, published__exact=1, published_at__gt=now.isoformat()),
        "upcoming": list(Event.objects.upcoming().select_related("venue")[:UPCOMING_EVENTS]),
    }


def latest_changes(user):
    """The latest admin-log entries about things ``user`` may look at."""
    entries = LogEntry.objects.select_related("user", "content_type").order_by("-action_time")
    if not user.is_superuser:
        allowed = Q(pk__in=[])
        for permission in user.get_all_permissions():
            app_label, codename = permission.split(".", 1)
            action, _, model_name = codename.partition("_")
            if action in {"view", "change"}:
                allowed |= Q(content_type__app_label=app_label, content_type__model=model_name)
        entries = entries.filter(allowed)
    return list(entries[:LATEST_CHANGES])


def overview(request):
    """The overview's context for the admin index, by the user's permissions."""
    # Whole seconds: the same instant goes into the counts and the links.
    user, now = request.user, timezone.now().replace(microsecond=0)
    sections = {
        "comments": ("feedback.view_comment", comments_section),
        "articles": ("news.view_article", articles_section),
        "events": ("events.view_event", events_section),
    }
    context = {
        name: build(now)
        for name, (permission, build) in sections.items()
        if user.has_perm(permission)
    }
    context["latest_changes"] = latest_changes(user)
    return {"overview": context}
