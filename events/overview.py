"""The events section of the editors' overview (registered with kkn_portal.overview)."""

from kkn_portal.overview import changelist

from .models import Event

UPCOMING_EVENTS = 5


def events_section(now):
    """Unpublished and scheduled events, and the next events in the calendar."""
    return {
        **Event.objects.state_counts(now),
        "drafts_url": changelist(Event, publicering="utkast"),
        "scheduled_url": changelist(Event, publicering="schemalagd"),
        "upcoming": list(Event.objects.upcoming().select_related("venue")[:UPCOMING_EVENTS]),
    }
