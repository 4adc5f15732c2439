"""Building calendar files: the costly VTIMEZONE is built once per year range."""

import pytest
from django.urls import reverse

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
