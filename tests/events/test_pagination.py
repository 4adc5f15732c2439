"""Pagination of the upcoming-events list: 20 a page, filters kept, bad pages never a 500."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event

from .factories import local, make_event, make_programme, make_venue

pytestmark = pytest.mark.django_db


def _upcoming(count, **kwargs):
    """``count`` upcoming events a day apart, titled by their order."""
    now = timezone.now()
    venue = make_venue()
    return [
        make_event(
            title=f"Träff {n:02}",
            start=now + timedelta(days=n + 1),
            end=now + timedelta(days=n + 1, hours=3),
            venue=venue,
            **kwargs,
        )
        for n in range(count)
    ]


def _titles(response):
    return [event.title for event in response.context["event_list"]]


def test_upcoming_list_shows_twenty_a_page_soonest_first(client):
    """45 events: pages of 20, 20 and 5, in start order, with numbered page links."""
    _upcoming(45)
    first = client.get(reverse("events:index"))
    assert _titles(first) == [f"Träff {n:02}" for n in range(20)]
    content = first.content.decode()
    assert 'aria-current="page"' in content
    assert 'rel="next" href="?page=2"' in content
    third = client.get(reverse("events:index"), {"page": 3})
    assert _titles(third) == [f"Träff {n:02}" for n in range(40, 45)]
    assert "sida 3" in third.content.decode().split("</title>")[0]
    last = client.get(reverse("events:index"), {"page": "last"})
    assert _titles(last) == _titles(third)


def test_pagination_links_keep_the_filters(client):
    """Page links carry ``typ`` and ``manad`` along, so page 2 is page 2 of the same choice."""
    events = _upcoming(25, kind=Event.Kind.TRAINING)
    _upcoming(3, kind=Event.Kind.CONFERENCE)
    response = client.get(reverse("events:index"), {"typ": "utbildning"})
    assert len(_titles(response)) == 20
    assert 'href="?typ=utbildning&amp;page=2"' in response.content.decode()
    second = client.get(reverse("events:index"), {"typ": "utbildning", "page": 2})
    assert _titles(second) == [event.title for event in events[20:]]

    year = timezone.localdate().year + 2
    march = [
        make_event(title=f"Mars {day:02}", start=local(year, 3, day), end=local(year, 3, day, 12))
        for day in range(1, 23)
    ]
    params = {"manad": f"{year}-03", "typ": "konferens"}
    by_month = client.get(reverse("events:index"), params)
    assert _titles(by_month) == [event.title for event in march[:20]]
    assert f'href="?manad={year}-03&amp;typ=konferens&amp;page=2"' in by_month.content.decode()
    assert _titles(client.get(reverse("events:index"), {**params, "page": 2})) == [
        "Mars 21",
        "Mars 22",
    ]


@pytest.mark.parametrize(
    "page", ["abc", "0", "-1", "4", "99999999999999999999", "\x00", "1.5", "x" * 5000]
)
def test_bad_page_numbers_are_a_404_never_a_500(client, page):
    """A page that does not exist is Not Found, whatever was typed."""
    _upcoming(45)
    assert client.get(reverse("events:index"), {"page": page}).status_code == 404


def test_a_single_page_shows_no_pagination(client):
    """Up to 20 events: no page navigation at all."""
    _upcoming(20)
    response = client.get(reverse("events:index"))
    assert len(_titles(response)) == 20
    assert 'class="pagination' not in response.content.decode()


def _list_queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("params", [{}, {"typ": "konferens"}, {"page": 2}])
def test_list_queries_do_not_grow_with_events_and_programmes(client, settings, params):
    """Same exact query count with 3 and with 45 events (programmes, venues, organisers).

    The list shows only what ``for_listing()`` loads in the same query (the
    venue); programmes, organisers and contacts belong to the event page.
    """
    settings.PAGE_CACHE_ENABLED = False  # count the view's own queries each time
    url = reverse("events:index")
    for event in _upcoming(23):
        make_programme(event, 4)
    few = _list_queries(client, url, params)
    for event in _upcoming(45):
        make_programme(event, 6)
        event.venue = make_venue()
        event.save()
    many = _list_queries(client, url, params)
    assert len(many) == len(few) <= 6
    assert not any("events_programmeitem" in sql or "organisation" in sql for sql in many)
