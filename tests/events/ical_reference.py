"""The calendar as the ``icalendar`` library builds it: the yardstick for events.ical.

This is the implementation ``events/ical.py`` had before it wrote content
lines itself (commit b9f45ad), kept for the tests: the fast file must say the
same as this one, property by property. It takes ``Event`` instances.
"""

import datetime
import html
import re

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Timezone, vDuration
from icalendar import Event as ICalEvent

from events.ical import PRODID, REFRESH_INTERVAL, local_zone

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(value):
    """Rich text as plain text, the slow way: Django's strip_tags (an HTML parser)."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", value or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def description_text(event, url):
    """The plain-text DESCRIPTION: status, lead, description, registration, address."""
    parts = []
    if event.event_status != event.EventStatus.SCHEDULED:
        parts.append(f"{event.get_event_status_display().upper()}. {event.status_message}".strip())
    parts.extend([event.lead, html_to_text(event.description)])
    if event.registration_link and event.registration_closes_at:
        closes = timezone.localtime(event.registration_closes_at)
        if closes.time() == datetime.time.min:  # midnight: the end of the day before
            day, clock = closes.date() - datetime.timedelta(days=1), "24.00"
        else:
            day, clock = closes.date(), closes.strftime("%H.%M")
        parts.append(
            f"Anmälan senast {day.isoformat()} kl. {clock}: "
            + event.registration_link.removeprefix("mailto:")
        )
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def event_component(event, base_url):
    """One VEVENT for ``event``, built with ``icalendar``'s API."""
    zone = local_zone()
    url = base_url + event.get_absolute_url()
    component = ICalEvent()
    component.add("uid", event.ical_uid)
    component.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    component.add("created", event.created_at.astimezone(datetime.UTC))
    component.add("sequence", event.sequence)
    component.add("dtstart", event.start.astimezone(zone))
    component.add("dtend", event.end.astimezone(zone))
    component.add("summary", event.title)
    component.add("description", description_text(event, url))
    component.add("url", url)
    component.add("categories", [str(event.get_kind_display())])
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.venue:
        component.add("location", event.venue.full_address)
        if event.venue.latitude is not None and event.venue.longitude is not None:
            component.add("geo", (float(event.venue.latitude), float(event.venue.longitude)))
    return component


def build_calendar(events, base_url, name=None):
    """The whole file, as ``icalendar`` writes it."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    events = list(events)
    if events:
        first = min(timezone.localdate(event.start) for event in events)
        last = max(timezone.localdate(event.end) for event in events)
        calendar.add_component(
            Timezone.from_tzid(
                settings.TIME_ZONE,
                first_date=datetime.date(first.year - 1, 1, 1),
                last_date=datetime.date(last.year + 2, 1, 1),
            )
        )
    for event in events:
        calendar.add_component(event_component(event, base_url))
    return calendar.to_ical()
