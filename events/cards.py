"""Event cards and programme rows: what pages list of events, prepared as text in Python.

In a Django template every value costs about 25 000 instructions to look
up, and a value computed there (a URL, a date, a translated label) much
more: twenty cards were 12.5 M instructions, 40 % of the events page.
Here the values are computed in one pass per list, sharing the time zone
and the kind labels, and ``events/includes/event_cards.html`` only prints
them. Each card is a dict (the cheapest thing for a template to read):

``id``
    the card's element id, ``event-<pk>``
``url``, ``title``, ``lead``
    as the event has them
``cancelled``
    whether the event is cancelled
``status``
    the status in words when it is not the usual "scheduled", else ""
``start``, ``when``
    the start in ISO 8601 and the dates in words (``Event.date_range``),
    both in local time
``place``
    "<venue>, <municipality>", or "" without a venue
``kind``
    the kind in words
``picture``
    the image's ``<picture>`` data (``ImageMixin.picture``), or ``None``

Only fields of ``EventQuerySet.for_listing()`` are read.

The event page's programme is prepared the same way (:func:`programme_days`).
"""

from django.utils import timezone
from django.utils.text import capfirst

from events.formatting import format_date_range, format_time_range
from events.models import Event
from kkn_portal import dates


def event_cards(events):
    """A card for each of ``events``, in their order."""
    tz = timezone.get_current_timezone()
    kinds = {kind: str(label) for kind, label in Event.Kind.choices}
    cards = []
    for event in events:
        venue = event.venue
        cards.append(
            {
                "id": f"event-{event.pk}",
                "url": event.get_absolute_url(),
                "title": event.title,
                "lead": event.lead,
                "cancelled": event.is_cancelled,
                "status": ""
                if event.event_status == Event.EventStatus.SCHEDULED
                else event.event_status_label,
                "start": timezone.localtime(event.start, tz).isoformat(),
                "when": format_date_range(event.start, event.end, tz),
                "place": f"{venue.name}, {venue.municipality}" if venue else "",
                "kind": kinds.get(event.kind) or event.kind_label,
                "picture": event.picture,
            }
        )
    return cards


def programme_days(items):
    """The programme items grouped by local day, in order, for ``events/includes/programme.html``.

    ``[{"heading": "Onsdag 31 maj 2017", "items": [item, …]}, …]``; each item
    a dict of ``id`` (``programme-<pk>``), ``start`` (ISO 8601), ``time``
    ("09.00–10.30", or "09.00" without an end), ``title``, ``speakers`` and
    ``description``, as stored. Consecutive items of one day form a group,
    as ``{% regroup %}`` did.
    """
    tz = timezone.get_current_timezone()
    days = []
    for item in items:
        start = timezone.localtime(item.start, tz)
        if not days or days[-1]["day"] != start.date():
            days.append({"day": start.date(), "items": []})
        days[-1]["items"].append(
            {
                "id": f"programme-{item.pk}",
                "start": start.isoformat(),
                "time": format_time_range(item.start, item.end),
                "title": item.title,
                "speakers": item.speakers,
                "description": item.description,
            }
        )
    for day in days:
        day["heading"] = capfirst(dates.weekday_date(day.pop("day")))
    return days
