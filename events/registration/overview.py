"""The registrations section of the editors' overview (registered with kkn_portal.overview)."""

import datetime

from django.db.models import Count, Q

from kkn_portal.overview import changelist

from .models import Registration

UPCOMING = 5


def registrations_section(now):
    """Sign-ups in the last 7 days, and the next events taking registrations with their counts."""
    from events.models import Event

    confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
    waiting = Q(registrations__status=Registration.Status.WAITING)
    events = (
        Event.objects.upcoming()
        .filter(takes_registrations=True)
        .annotate(
            confirmed=Count("registrations", filter=confirmed),
            waiting=Count("registrations", filter=waiting),
        )
        .only("title", "start", "capacity")[:UPCOMING]
    )
    since = now - datetime.timedelta(days=7)
    return {
        "recent": Registration.objects.filter(created_at__gte=since).count(),
        "recent_url": changelist(Registration, created_at__gte=since.isoformat()),
        "events": [
            {
                "event": event,
                "confirmed": event.confirmed,
                "waiting": event.waiting,
                "url": changelist(Registration, event__id__exact=event.pk),
            }
            for event in events
        ],
    }
