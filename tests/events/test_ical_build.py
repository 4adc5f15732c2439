"""Building calendar files: the VTIMEZONE is reused and lines are folded in linear time."""

import random
from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from events import ical
from events.models import Event

from .factories import local, make_event

pytestmark = pytest.mark.django_db


def _ics_url(event):
    return reverse("events:ics", kwargs={"slug": event.slug})


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
