"""The events section of the editors' overview (registered with kkn_portal.overview)."""

from django.db.models import Count, Q

from kkn_portal.overview import changelist

from .models import Event

UPCOMING_EVENTS = 5


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
