"""Calendar files: one event and the subscribable feed, read back with icalendar."""

from datetime import UTC, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from events.views import CalendarFeedView, PastEventListView

from .factories import local, make_event, make_venue

pytestmark = pytest.mark.django_db


def _ics(client, event):
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    return response, Calendar.from_ical(response.content)


def _vevent(calendar):
    (component,) = calendar.walk("VEVENT")
    return component


def test_single_event_file_parses_and_has_the_required_properties(client):
    """UID, DTSTAMP, times with TZID, LOCATION, URL, DESCRIPTION, STATUS, SEQUENCE."""
    event = make_event(
        title="Nationell konferens",
        start=local(2017, 5, 31, 9),
        end=local(2017, 6, 1, 14, 30),
        description="<p>Två dagar &amp; <strong>digitalisering</strong>.</p>",
    )
    response, calendar = _ics(client, event)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    component = _vevent(calendar)
    assert str(component["UID"]) == f"event-{event.pk}@testserver"
    assert component.get("DTSTAMP") is not None
    assert str(component["SUMMARY"]) == "Nationell konferens"
    assert component["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert component["DTEND"].params["TZID"] == "Europe/Stockholm"
    assert str(component["LOCATION"]) == "Acusticum, Acusticum 4, 941 63 Piteå"
    assert str(component["URL"]) == f"http://testserver{event.get_absolute_url()}"
    assert "Två dagar & digitalisering." in str(component["DESCRIPTION"])
    assert "<" not in str(component["DESCRIPTION"])
    assert str(component["STATUS"]) == "CONFIRMED"
    assert component["SEQUENCE"] == 0
    assert component["LAST-MODIFIED"].dt == event.updated_at.replace(microsecond=0)


def test_nine_in_swedish_summer_is_seven_utc_and_winter_is_eight(client):
    """DST-correct: 09.00 on 31 May is 07.00Z; 09.00 on 26 October 2016 (still summer)
    is 07.00Z; 09.00 on 22 March is 08.00Z."""
    cases = [
        (local(2017, 5, 31, 9), 7),
        (local(2016, 10, 26, 9), 7),
        (local(2017, 3, 22, 9), 8),
        (local(2016, 10, 31, 9), 8),  # the day after summer time ended
    ]
    for start, utc_hour in cases:
        event = make_event(start=start, end=start + timedelta(hours=6))
        component = _vevent(_ics(client, event)[1])
        assert component["DTSTART"].dt.astimezone(UTC).hour == utc_hour, start
        assert component["DTSTART"].dt.hour == 9


def test_vtimezone_has_daylight_and_standard_rules(client):
    """A VTIMEZONE for Europe/Stockholm with both DST and standard transitions."""
    event = make_event(start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 14))
    calendar = _ics(client, event)[1]
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    daylight = zone.walk("DAYLIGHT")
    standard = zone.walk("STANDARD")
    assert daylight and standard
    assert {part["TZOFFSETTO"].to_ical() for part in daylight} == {"+0200"}
    assert not calendar.get_missing_tzids()


def test_vtimezone_writes_one_rdate_value_a_line(client):
    """ical.js reads only an RDATE's first value, so a list would hide later changes."""
    event = make_event(start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 14))
    content = _ics(client, event)[0].content
    rdates = [line for line in content.split(b"\r\n") if line.startswith(b"RDATE")]
    # Spring and autumn of 2017 and 2018; DTSTART holds those of 2016.
    assert rdates == [
        b"RDATE:20170326T030000",
        b"RDATE:20180325T030000",
        b"RDATE:20171029T030000",
        b"RDATE:20181028T030000",
    ]


def test_cancelled_event_carries_status_cancelled(client):
    """STATUS:CANCELLED, so calendar programs strike the event out."""
    event = make_event(event_status=Event.EventStatus.CANCELLED, status_message="För få anmälda.")
    component = _vevent(_ics(client, event)[1])
    assert str(component["STATUS"]) == "CANCELLED"
    assert "För få anmälda." in str(component["DESCRIPTION"])


def test_editing_raises_sequence_and_keeps_uid(client):
    """After an edit the file carries SEQUENCE 1 and the same UID."""
    event = make_event()
    before = _vevent(_ics(client, event)[1])
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save()
    after = _vevent(_ics(client, event)[1])
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert before["UID"] == after["UID"]


def test_venue_edit_raises_sequence_in_the_file(client):
    """A moved venue is a changed event for subscribers too."""
    venue = make_venue()
    event = make_event(venue=venue)
    venue.street_address = "Nygatan 2"
    venue.save()
    component = _vevent(_ics(client, event)[1])
    assert component["SEQUENCE"] == 1
    assert "Nygatan 2" in str(component["LOCATION"])


def test_feed_holds_every_upcoming_published_event(client):
    """kalender.ics: upcoming and ongoing published events, none past or unpublished."""
    now = timezone.now()
    upcoming = make_event(title="Kommer")
    ongoing = make_event(
        title="Pågår", start=now - timedelta(hours=2), end=now + timedelta(hours=2)
    )
    cancelled = make_event(title="Inställd", event_status=Event.EventStatus.CANCELLED)
    make_event(title="Förbi", start=now - timedelta(days=2), end=now - timedelta(days=1))
    make_event(title="Utkast", published=False)
    response = client.get(reverse("events:calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(c["SUMMARY"]): c for c in calendar.walk("VEVENT")}
    assert set(summaries) == {upcoming.title, ongoing.title, cancelled.title}
    assert str(summaries["Inställd"]["STATUS"]) == "CANCELLED"
    assert str(calendar["X-WR-CALNAME"]) == "KKN-portalen: evenemang"
    assert calendar.walk("VTIMEZONE")


def test_empty_feed_is_still_a_valid_calendar(client):
    """No events: a valid, empty VCALENDAR."""
    calendar = Calendar.from_ical(client.get(reverse("events:calendar")).content)
    assert calendar.walk("VEVENT") == []


def test_feed_answers_304_to_a_matching_etag(client):
    """Subscribers polling an unchanged feed get 304 Not Modified."""
    make_event()
    first = client.get(reverse("events:calendar"))
    second = client.get(reverse("events:calendar"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_calendar_files_are_get_only(client, method):
    """Only GET (and HEAD) are allowed."""
    event = make_event()
    for url in (reverse("events:calendar"), reverse("events:ics", kwargs={"slug": event.slug})):
        assert getattr(client, method)(url).status_code == 405
    assert client.head(reverse("events:calendar")).status_code == 200


def test_fixed_paths_win_over_slugs():
    """kalender.ics and tidigare/ resolve to their views even if an event used those slugs."""
    make_event(slug="kalender")
    make_event(slug="tidigare")
    assert resolve("/evenemang/kalender.ics").func.view_class is CalendarFeedView
    assert resolve("/evenemang/tidigare/").func.view_class is PastEventListView


def test_unpublished_event_file_is_404_for_the_public(client):
    """No calendar file for what the public may not see."""
    event = make_event(published=False)
    assert client.get(reverse("events:ics", kwargs={"slug": event.slug})).status_code == 404


def _feed_queries(client):
    """How many SQL queries one request of the feed makes."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("events:calendar")).status_code == 200
    return len(queries)


def test_feed_query_count_does_not_grow_with_the_events(client, settings):
    """One query for all events and their venues, however many there are."""
    settings.PAGE_CACHE_ENABLED = False  # build the file on every request
    make_event(registration_email="a@example.se")
    one = _feed_queries(client)
    for n in range(8):
        make_event(
            venue=make_venue(latitude=65 + n, longitude=21),
            event_status=Event.EventStatus.POSTPONED,
        )
    make_event(venue=None)
    assert _feed_queries(client) == one


def test_feed_geo_and_long_lines(client):
    """GEO from the venue's coordinates; long lines folded within 75 octets."""
    make_event(
        title="Långt " * 33,
        venue=make_venue(latitude=Decimal("65.316700"), longitude=Decimal("21.480000")),
    )
    content = client.get(reverse("events:calendar")).content
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    component = _vevent(Calendar.from_ical(content))
    assert (component["GEO"].latitude, component["GEO"].longitude) == (65.3167, 21.48)
    assert str(component["SUMMARY"]) == "Långt " * 33
