"""Swedish dates and times, and the web-calendar links built from them."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from events.formatting import format_date_range, format_time_range
from events.links import google_calendar_url, outlook_calendar_url
from events.models import Event, Venue

from .factories import local


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (local(2016, 10, 26, 9), local(2016, 10, 26, 16), "26 oktober 2016 kl. 09.00–16.00"),
        (local(2017, 5, 31, 9), local(2017, 6, 1, 14, 30), "31 maj–1 juni 2017"),
        (local(2017, 5, 8, 9), local(2017, 5, 9, 15), "8–9 maj 2017"),
        (local(2017, 12, 30, 9), local(2018, 1, 2, 15), "30 december 2017–2 januari 2018"),
        # Stored in UTC, shown in Swedish time (summer: UTC+2).
        (
            datetime(2017, 5, 31, 7, 0, tzinfo=UTC),
            datetime(2017, 5, 31, 14, 15, tzinfo=UTC),
            "31 maj 2017 kl. 09.00–16.15",
        ),
    ],
)
def test_format_date_range(start, end, expected):
    """One day gets its times; several days only the days, month and year once."""
    assert format_date_range(start, end) == expected


def test_format_time_range():
    """Programme times use the Swedish clock format, with or without an end."""
    assert format_time_range(local(2017, 5, 31, 9), local(2017, 5, 31, 10, 5)) == "09.00–10.05"
    assert format_time_range(local(2017, 5, 31, 19)) == "19.00"


def _event():
    venue = Venue(
        name="Acusticum", street_address="Acusticum 4", postal_code="941 63", municipality="Piteå"
    )
    return Event(
        title="KKN & digitalisering",
        lead="Två dagar",
        start=local(2017, 5, 31, 9),
        end=local(2017, 6, 1, 14, 30),
        venue=venue,
    )


def test_google_link_has_utc_times_and_encoded_text():
    """Google gets ``YYYYMMDDTHHMMSSZ/…`` in UTC: 09.00 summer time is 07.00Z."""
    url = google_calendar_url(_event(), "https://example.se/evenemang/x/")
    assert url.startswith("https://calendar.google.com/calendar/render?")
    query = parse_qs(urlsplit(url).query)
    assert query["dates"] == ["20170531T070000Z/20170601T123000Z"]
    assert query["text"] == ["KKN & digitalisering"]
    assert query["location"] == ["Acusticum, Acusticum 4, 941 63 Piteå"]
    assert "https://example.se/evenemang/x/" in query["details"][0]
    assert "%26" in url and " " not in url


@pytest.mark.parametrize(
    ("service", "host"), [("outlook", "outlook.live.com"), ("office365", "outlook.office.com")]
)
def test_outlook_links_have_iso_utc_times(service, host):
    """Outlook gets ISO 8601 UTC times with a Z."""
    url = outlook_calendar_url(_event(), "https://example.se/evenemang/x/", service)
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.hostname == host
    assert query["startdt"] == ["2017-05-31T07:00:00Z"]
    assert query["enddt"] == ["2017-06-01T12:30:00Z"]
    assert query["subject"] == ["KKN & digitalisering"]
    assert query["rru"] == ["addevent"]
