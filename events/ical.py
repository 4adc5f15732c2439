"""iCalendar (RFC 5545) files for one event or the whole upcoming calendar.

Times are written in local Swedish time with ``TZID=Europe/Stockholm`` and a
matching VTIMEZONE (daylight and standard rules generated from the tz
database by ``icalendar``), so a calendar program shows 09.00 as 09.00
whichever side of a daylight-saving change the event falls on.

Cost (``bench/ical_cost.py``): VEVENTs are written as text
(``events.icaltext``) from one ``values_list`` query, instead of through
``icalendar`` components and model instances, which took about 3 M CPU
instructions per event. Two things are kept per process because they do not
change while it runs: the VTIMEZONE of each year range (``icalendar`` takes
tens of milliseconds to generate one) and each description's plain text.
The page cache then keeps the finished file until public content changes
(``kkn_portal.pagecache``), one build for all workers.
"""

import datetime
import functools
import re
from types import SimpleNamespace
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from icalendar import Timezone, vDuration

from events.icaltext import (
    encode_lines,
    float_text,
    html_text,
    local_datetime,
    param_value,
    text,
    utc_datetime,
)
from events.models import Event, Venue
from kkn_portal import dates

PRODID = "-//Region Norrbotten//KKN-portalen//SV"
# How often subscribed calendar programs should fetch the feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=12)
# The event page's URL is this template with the slug put in: one reverse()
# per file instead of one per event. Only slugs that reverse() would give back
# unchanged (those SlugConverter accepts) take the shortcut.
_PLACEHOLDER = "kkn-placeholder"
# Plain strings: comparing with them is cheaper than looking up the enum members.
_SCHEDULED = Event.EventStatus.SCHEDULED.value
_CANCELLED = Event.EventStatus.CANCELLED.value
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class VenueRow(NamedTuple):
    """A venue's columns; ``full_address`` is the model's own rule."""

    name: str
    street_address: str
    postal_code: str
    municipality: str
    latitude: object
    longitude: object

    postal_line = Venue.postal_line
    full_address = Venue.full_address


class EventRow(NamedTuple):
    """An event's columns (``COLUMNS``), read with ``values_list``.

    Creating ~150 ``Event`` and ``Venue`` instances cost more than writing
    the whole file. The model rules the file needs (UID, registration link,
    address) are borrowed from the models, so they stay defined once.
    """

    pk: int
    slug: str
    title: str
    lead: str
    description: str
    kind: str
    event_status: str
    status_message: str
    start: datetime.datetime
    end: datetime.datetime
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sequence: int
    registration_url: str
    registration_email: str
    registration_closes_at: datetime.datetime | None
    venue_id: int | None
    # Last, in VenueRow's order: they are sliced off as the venue.
    venue_name: str | None
    venue_street_address: str | None
    venue_postal_code: str | None
    venue_municipality: str | None
    venue_latitude: object
    venue_longitude: object

    ical_uid = Event.ical_uid
    registration_link = Event.registration_link

    @property
    def venue(self):
        """The venue as a ``VenueRow``, or None."""
        if self.venue_id is None:
            return None
        return VenueRow._make(self[-len(VenueRow._fields) :])


# The venue's columns come through the join: field "venue_name" is column "venue__name".
COLUMNS = EventRow._fields[: -len(VenueRow._fields)] + tuple(
    f"venue__{name}" for name in VenueRow._fields
)


def local_zone():
    """The site's zone (Europe/Stockholm) as a ``zoneinfo`` object, whose key becomes TZID."""
    return ZoneInfo(settings.TIME_ZONE)


def description(event, url, status_label):
    """The DESCRIPTION as a TEXT value: status, lead, description, registration, address."""
    parts = []
    if event.event_status != _SCHEDULED:
        parts.append(text(f"{status_label.upper()}. {event.status_message}".strip()))
    parts.extend([text(event.lead), html_text(event.description)])
    if event.registration_link and event.registration_closes_at:
        day, clock = dates.closing(event.registration_closes_at)
        link = event.registration_link.removeprefix("mailto:")
        parts.append(text(f"Anmälan senast {day.isoformat()} kl. {clock}: {link}"))
    parts.append(text(url))
    return "\\n\\n".join(part for part in parts if part)


class VEventWriter:
    """The VEVENTs of one file: what events share is worked out once per file."""

    def __init__(self, base_url):
        self.zone = local_zone()
        tzid = param_value(self.zone.key)
        self.dtstart = f"DTSTART;TZID={tzid}:"
        self.dtend = f"DTEND;TZID={tzid}:"
        self.base_url = base_url
        path = reverse("events:detail", kwargs={"slug": _PLACEHOLDER})
        self.url_parts = (base_url + path).rsplit(_PLACEHOLDER, 1)
        uid = Event.ical_uid.fget(SimpleNamespace(pk=_PLACEHOLDER))
        self.uid_parts = text(uid).rsplit(_PLACEHOLDER, 1)
        # Labels in the active language, as get_FOO_display() gives them.
        self.kinds = {value: text(label) for value, label in Event.Kind.choices}
        self.statuses = {value: str(label) for value, label in Event.EventStatus.choices}
        self.places = {}  # venue id → its GEO and LOCATION lines

    def url(self, slug):
        """The event page's absolute URL, as ``get_absolute_url()`` gives it."""
        if _PLAIN_SLUG.fullmatch(slug):
            return slug.join(self.url_parts)
        return self.base_url + reverse("events:detail", kwargs={"slug": slug})

    def kind_label(self, kind):
        """The kind's label as TEXT; an unknown value as it is, as ``get_kind_display()``."""
        label = self.kinds.get(kind)
        return text(kind) if label is None else label

    def place_lines(self, event):
        """GEO (when known) and LOCATION of ``event``'s venue; venues recur, so once each."""
        if event.venue_id is None:
            return ()
        lines = self.places.get(event.venue_id)
        if lines is None:
            venue = event.venue
            lines = []
            if venue.latitude is not None and venue.longitude is not None:
                lines.append(f"GEO:{float_text(venue.latitude)};{float_text(venue.longitude)}")
            lines.append("LOCATION:" + text(venue.full_address))
            self.places[event.venue_id] = lines
        return lines

    def lines(self, event):
        """The content lines of ``event``'s VEVENT, in ``icalendar``'s order."""
        url = self.url(event.slug)
        status = self.statuses.get(event.event_status, event.event_status)
        changed = utc_datetime(event.updated_at)
        lines = [
            "BEGIN:VEVENT",
            "SUMMARY:" + text(event.title),
            self.dtstart + local_datetime(event.start, self.zone),
            self.dtend + local_datetime(event.end, self.zone),
            # Without METHOD semantics, DTSTAMP is when the event last changed
            # (RFC 5545 3.8.7.2); that also keeps the file stable between requests.
            "DTSTAMP:" + changed,
            "UID:" + str(event.pk).join(self.uid_parts),
            f"SEQUENCE:{event.sequence:d}",
            "CATEGORIES:" + self.kind_label(event.kind),
            "CREATED:" + utc_datetime(event.created_at),
            "DESCRIPTION:" + description(event, url, status),
        ]
        places = self.place_lines(event)
        lines += places[:-1]
        lines.append("LAST-MODIFIED:" + changed)
        lines += places[-1:]
        cancelled = event.event_status == _CANCELLED
        lines += ["STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED", "URL:" + url]
        lines.append("END:VEVENT")
        return lines


def calendar_lines(name):
    """The VCALENDAR's own properties; a ``name`` makes it a subscribable feed."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + text(PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        ttl = vDuration(REFRESH_INTERVAL).to_ical().decode()
        lines += [
            "NAME:" + text(name),
            "X-WR-CALNAME:" + text(name),
            "REFRESH-INTERVAL;VALUE=DURATION:" + ttl,
            # Outlook's older name for REFRESH-INTERVAL.
            "X-PUBLISHED-TTL:" + ttl,
            "X-WR-TIMEZONE:" + text(settings.TIME_ZONE),
        ]
    return lines


def rows(events):
    """``EventRow``s for a queryset (one query, no instances); a list is used as it is."""
    if isinstance(events, QuerySet):
        return list(map(EventRow._make, events.values_list(*COLUMNS)))
    return list(events)


def build_calendar(events, base_url, name=None):
    """A VCALENDAR with one VEVENT per event and the VTIMEZONE they use.

    ``events`` is a queryset of ``Event`` (read as ``EventRow``s) or a list of
    ``Event`` instances; ``base_url`` is the site's scheme and host.
    """
    events = rows(events)
    head = encode_lines(calendar_lines(name))
    if not events:
        return head + b"END:VCALENDAR\r\n"
    writer = VEventWriter(base_url)
    # Transitions from a year before the first event to a year after the
    # last: enough for every time in the file, without decades of RDATEs.
    first = min(event.start for event in events).astimezone(writer.zone).year
    last = max(event.end for event in events).astimezone(writer.zone).year
    zone = vtimezone(settings.TIME_ZONE, first - 1, last + 2)
    lines = []
    for event in events:
        lines += writer.lines(event)
    lines.append("END:VCALENDAR")
    return head + zone.ical_bytes + encode_lines(lines)


class StoredTimezone(Timezone):
    """A VTIMEZONE that nothing changes once built, so its bytes are kept with it."""

    @functools.cached_property
    def ical_bytes(self):
        """The component as ``icalendar`` writes it, worked out once."""
        return self.to_ical()


@functools.lru_cache(maxsize=32)
def vtimezone(tzid, first_year, last_year):
    """The VTIMEZONE of ``tzid`` with its transitions from ``first_year`` to ``last_year``.

    Built once per process, zone and year range, then shared by every file:
    the component is only read after this (serializing does not change it).
    Each RDATE value gets a line of its own. RFC 5545 allows a list, but
    ical.js (Thunderbird, Nextcloud) reads only the first value of an RDATE
    and then misses every later daylight-saving change.
    """
    zone = StoredTimezone.from_tzid(
        tzid,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year, 1, 1),
    )
    for part in zone.subcomponents:
        rdates = part.pop("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            for value in rdate.dts:
                part.add("RDATE", value.dt)
    return zone
