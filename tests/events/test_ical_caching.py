"""Calendar files built once per content version, ETags, 304s and the fast serializer."""

import random
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events import ical
from events.models import Event

from .factories import local, make_editor, make_event

pytestmark = pytest.mark.django_db

FEED = "events:calendar"


def _ics_url(event):
    return reverse("events:ics", kwargs={"slug": event.slug})


def _summaries(response):
    return {str(c["SUMMARY"]) for c in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.mark.parametrize("which", ["feed", "single"])
def test_a_second_request_with_the_etag_gets_304_without_a_query(
    client, django_assert_num_queries, which
):
    """An unchanged file: 304 with the same ETag and cache headers, no body, no SQL."""
    event = make_event()
    url = reverse(FEED) if which == "feed" else _ics_url(event)
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    # The single event is looked up first (1 query): a 304 must not skip the visibility check.
    with django_assert_num_queries(0 if which == "feed" else 1):
        second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]
    assert "max-age=900" in second["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_the_file_is_built_once_per_content_version(client, django_assert_num_queries):
    """Repeated requests reuse the built file; an edit builds it again."""
    event = make_event(title="Första")
    with mock.patch("events.views.build_calendar", wraps=ical.build_calendar) as build:
        first = client.get(reverse(FEED))
        with django_assert_num_queries(0):
            again = client.get(reverse(FEED))
        assert build.call_count == 1
        assert again.content == first.content and again["ETag"] == first["ETag"]
        assert again["Content-Disposition"] == first["Content-Disposition"]
        event.title = "Ändrad"
        event.save()
        changed = client.get(reverse(FEED))
        assert build.call_count == 2
    assert changed["ETag"] != first["ETag"]
    assert _summaries(changed) == {"Ändrad"}


@pytest.mark.parametrize("which", ["feed", "single"])
def test_an_edit_changes_etag_and_body(client, which):
    """After a save, the old ETag no longer matches and the new file shows the change."""
    event = make_event(title="Före")
    url = reverse(FEED) if which == "feed" else _ics_url(event)
    before = client.get(url)
    event.title = "Efter"
    event.save()
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert _summaries(after) == {"Efter"}


def test_an_event_that_ends_leaves_the_feed_without_any_save(client):
    """A scheduled transition (the end of an event) changes the ETag and the body."""
    start = timezone.now() + timedelta(hours=1)
    make_event(title="Kort", start=start, end=start + timedelta(hours=2))
    make_event(title="Senare", start=start + timedelta(days=5), end=start + timedelta(days=6))
    with time_machine.travel(start, tick=False) as traveller:
        before = client.get(reverse(FEED))
        assert _summaries(before) == {"Kort", "Senare"}
        assert client.get(reverse(FEED), HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
        traveller.move_to(start + timedelta(hours=3))
        after = client.get(reverse(FEED), HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert _summaries(after) == {"Senare"}


def test_a_scheduled_event_joins_the_feed_when_its_time_comes(client):
    """Publication at a set time changes the feed at that time, with no save."""
    now = timezone.now()
    make_event(title="Redan ute")
    make_event(title="Schemalagd", published_at=now + timedelta(hours=1))
    with time_machine.travel(now, tick=False) as traveller:
        before = client.get(reverse(FEED))
        traveller.move_to(now + timedelta(hours=1, seconds=1))
        after = client.get(reverse(FEED), HTTP_IF_NONE_MATCH=before["ETag"])
    assert _summaries(before) == {"Redan ute"}
    assert after.status_code == 200
    assert _summaries(after) == {"Redan ute", "Schemalagd"}


def test_the_etag_differs_per_host(client):
    """The file holds absolute URLs, so another host name is another file."""
    make_event()
    one = client.get(reverse(FEED))
    other = client.get(reverse(FEED), HTTP_HOST="127.0.0.1", HTTP_IF_NONE_MATCH=one["ETag"])
    assert other.status_code == 200
    assert other["ETag"] != one["ETag"]
    assert b"http://127.0.0.1/evenemang/" in other.content


def test_previews_are_neither_stored_nor_revealed(client):
    """An unpublished event: 404 for the public even with its ETag; never-cached for editors."""
    event = make_event(published=False, title="Hemlig")
    client.force_login(make_editor("events.change_event"))
    with mock.patch("events.views.build_calendar", wraps=ical.build_calendar) as build:
        first = client.get(_ics_url(event))
        client.get(_ics_url(event))
        assert build.call_count == 2
    assert first.status_code == 200
    assert "no-store" in first["Cache-Control"]
    client.logout()
    response = client.get(_ics_url(event), HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 404


def test_without_the_page_cache_the_etag_is_the_body_digest(client, settings):
    """``PAGE_CACHE=0``: built every time, still answered with 304 when unchanged."""
    settings.PAGE_CACHE_ENABLED = False
    make_event()
    first = client.get(reverse(FEED))
    assert client.get(reverse(FEED), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_vtimezone_is_built_once_per_year_range(client, settings):
    """The costly VTIMEZONE is reused across files of the same years."""
    settings.PAGE_CACHE_ENABLED = False  # build every file, not just the first
    ical.vtimezone.cache_clear()
    make_event(start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 15))
    other = make_event(start=local(2017, 9, 1, 9), end=local(2017, 9, 1, 15))
    client.get(reverse("events:ics", kwargs={"slug": other.slug}))
    for event in Event.objects.all():
        client.get(_ics_url(event))
    info = ical.vtimezone.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def _random_text(rng, length):
    # ASCII, Swedish letters, a 3-byte euro sign, a 4-byte emoji and the characters
    # iCalendar escapes (a backslash escape must not be split by a fold).
    alphabet = 'abcdefgh ijk,;:\\^"åäöÅÄÖ€😀\n'
    return "".join(rng.choice(alphabet) for _ in range(length))


def test_serialize_gives_exactly_icalendars_bytes():
    """The linear-time folding yields the same file as ``Calendar.to_ical()``."""
    rng = random.Random(5545)
    calendar = Calendar()
    calendar.add("prodid", ical.PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(ical.vtimezone("Europe/Stockholm", 2016, 2019))
    for n in range(300):
        component = ical.ICalEvent()
        component.add("uid", f"event-{n}@example.se")
        component.add("summary", _random_text(rng, rng.randint(0, 120)))
        component.add("description", _random_text(rng, rng.randint(0, 900)))
        component.add("dtstart", local(2017, 5, 31, 9) + timedelta(days=n))
        calendar.add_component(component)
    assert ical.serialize(calendar) == calendar.to_ical()
    for line in ical.serialize(calendar).split(b"\r\n"):
        assert len(line) <= 75
