""" "Add to calendar" links for web calendars that cannot open an .ics file.

Both services take the times in UTC: Google as ``20170531T070000Z``,
Outlook as ISO 8601 ``2017-05-31T07:00:00Z``. The values are
percent-encoded (spaces as ``%20``, which both services accept).
"""

import datetime
from urllib.parse import quote, urlencode

GOOGLE_URL = "https://calendar.google.com/calendar/render"
OUTLOOK_URLS = {
    "outlook": "https://outlook.live.com/calendar/0/deeplink/compose",
    "office365": "https://outlook.office.com/calendar/0/deeplink/compose",
}


def _utc(value):
    return value.astimezone(datetime.UTC)


def _details(event, url):
    return f"{event.lead}\n\n{url}".strip()


def _location(event):
    return event.venue.full_address if event.venue else ""


def google_calendar_url(event, url):
    """A Google Calendar "create event" link prefilled with the event."""
    stamp = "%Y%m%dT%H%M%SZ"
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_utc(event.start):{stamp}}/{_utc(event.end):{stamp}}",
        "details": _details(event, url),
        "location": _location(event),
        "ctz": "Europe/Stockholm",
    }
    return f"{GOOGLE_URL}?{urlencode(params, quote_via=quote)}"


def outlook_calendar_url(event, url, service="outlook"):
    """An Outlook on the web compose link (``outlook`` or ``office365``)."""
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": f"{_utc(event.start):{stamp}}",
        "enddt": f"{_utc(event.end):{stamp}}",
        "body": _details(event, url),
        "location": _location(event),
    }
    return f"{OUTLOOK_URLS[service]}?{urlencode(params, quote_via=quote)}"
