"""iCalendar (RFC 5545) files for one event or the whole upcoming calendar.

Times are written in local Swedish time with ``TZID=Europe/Stockholm`` and a
matching VTIMEZONE (daylight and standard rules generated from the tz
database by ``icalendar``), so a calendar program shows 09.00 as 09.00
whichever side of a daylight-saving change the event falls on.

Cost: generating a VTIMEZONE takes icalendar tens of milliseconds, so it is
built once per process for each year range (the tz database does not change
while a process runs). ``icalendar``'s line folding looks at every character
separately; ``serialize`` folds the same lines in the same places in linear
time. Views cache the finished file by content version
(``kkn_portal.versioned``), so a file is built once per change, not per request.
"""

import datetime
import functools
import html
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Timezone, vDuration
from icalendar import Event as ICalEvent

PRODID = "-//Region Norrbotten//KKN-portalen//SV"
# How often subscribed calendar programs should fetch the feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=12)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol)>|<br\s*/?>", re.IGNORECASE)
# RFC 5545 3.1: content lines SHOULD NOT be longer than 75 octets.
FOLD_LIMIT = 75
# icalendar does not split a backslash escape or an RFC 6868 "^" escape across a fold.
_ESCAPE_STARTS = (ord("\\"), ord("^"))


def local_zone():
    """The site's zone (Europe/Stockholm) as a ``zoneinfo`` object, whose key becomes TZID."""
    return ZoneInfo(settings.TIME_ZONE)


def html_to_text(value):
    """Sanitized rich text as plain text, one line per paragraph or list item."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", value or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def description_text(event, url):
    """The plain-text DESCRIPTION: status, lead, description, registration, address."""
    parts = []
    if event.status != event.Status.SCHEDULED:
        parts.append(f"{event.get_status_display().upper()}. {event.status_message}".strip())
    parts.extend([event.lead, html_to_text(event.description)])
    if event.registration_link and event.registration_deadline:
        deadline = event.registration_deadline.isoformat()
        parts.append(
            f"Anmälan senast {deadline}: {event.registration_link.removeprefix('mailto:')}"
        )
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def event_component(event, base_url):
    """One VEVENT for ``event``; ``base_url`` is the site's scheme and host."""
    zone = local_zone()
    url = base_url + event.get_absolute_url()
    component = ICalEvent()
    component.add("uid", event.ical_uid)
    # Without METHOD semantics, DTSTAMP is when the event last changed
    # (RFC 5545 3.8.7.2); that also keeps the file stable between requests.
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
    """A VCALENDAR with one VEVENT per event and the VTIMEZONE they use."""
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
        # Outlook's older name for REFRESH-INTERVAL; icalendar would not format an X- value.
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    events = list(events)
    if events:
        # Transitions from a year before the first event to a year after the
        # last: enough for every time in the file, without decades of RDATEs.
        first = min(timezone.localdate(event.start) for event in events)
        last = max(timezone.localdate(event.end) for event in events)
        calendar.add_component(vtimezone(settings.TIME_ZONE, first.year - 1, last.year + 2))
    for event in events:
        calendar.add_component(event_component(event, base_url))
    return serialize(calendar)


@functools.lru_cache(maxsize=32)
def vtimezone(tzid, first_year, last_year):
    """The VTIMEZONE of ``tzid`` with its transitions from ``first_year`` to ``last_year``.

    Built once per process, zone and year range, then shared by every file:
    the component is only read after this (serializing does not change it).
    """
    return Timezone.from_tzid(
        tzid,
        first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year, 1, 1),
    )


def fold_line(line):
    """One content line as UTF-8, folded exactly where ``icalendar`` folds it.

    Pieces of at most 74 octets, never splitting a UTF-8 sequence, and a
    trailing ``\\`` or ``^`` moves to the next piece (see ``_ESCAPE_STARTS``);
    continuation lines start with a space.
    """
    data = line.encode()
    if len(data) < FOLD_LIMIT:
        return data
    pieces = []
    start = 0
    while len(data) - start >= FOLD_LIMIT:
        end = start + FOLD_LIMIT - 1
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            end -= 1
        if end - start > 1 and data[end - 1] in _ESCAPE_STARTS:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def serialize(calendar):
    """The same bytes as ``calendar.to_ical()``, folded in linear time."""
    return b"\r\n".join(fold_line(line) for line in calendar.content_lines() if line) + b"\r\n"
