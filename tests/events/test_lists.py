"""The event lists: upcoming, past, filters, the start page and the sitemap."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event

from .factories import local, make_event, make_programme

pytestmark = pytest.mark.django_db


def _titles(response):
    return [event.title for event in response.context["event_list"]]


def test_index_shows_upcoming_and_ongoing_published_events_by_start(client):
    """Ongoing and future published events, soonest first; nothing else."""
    now = timezone.now()
    later = make_event(title="Senare", start=now + timedelta(days=9))
    ongoing = make_event(title="Pågår", start=now - timedelta(days=1), end=now + timedelta(days=1))
    make_event(title="Förbi", start=now - timedelta(days=3), end=now - timedelta(days=2))
    make_event(title="Utkast", published=False)
    make_event(title="Schemalagd", published_at=now + timedelta(hours=2))
    response = client.get(reverse("events:index"))
    assert response.status_code == 200
    assert _titles(response) == [ongoing.title, later.title]
    assert b"Utkast" not in response.content and b"Schemalagd" not in response.content


def test_index_filters_by_kind(client):
    """``?typ=utbildning`` keeps only trainings."""
    make_event(title="Kurs", kind=Event.Kind.TRAINING)
    make_event(title="Konf", kind=Event.Kind.CONFERENCE)
    response = client.get(reverse("events:index"), {"typ": "utbildning"})
    assert _titles(response) == ["Kurs"]


def test_index_filters_by_month_including_past_events(client):
    """``?manad=2017-05`` lists that month's events, even those that are over."""
    make_event(title="Konferensen", start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 15))
    make_event(title="April", start=local(2017, 4, 3, 9), end=local(2017, 4, 3, 12))
    response = client.get(reverse("events:index"), {"manad": "2017-05"})
    assert _titles(response) == ["Konferensen"]
    assert "Evenemang i maj 2017" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"typ": "festival"},
        {"manad": "2017-13"},
        {"manad": "2017-5"},
        {"manad": "0000-01"},
        {"manad": "9999-12"},
        {"manad": "2016-01"},
        {"manad": "maj"},
        {"manad": "2017-05\x00"},
        {"typ": "\x00", "manad": "\x00"},
        {"typ": "x" * 10_000},
        {"typ": "<script>", "manad": "'%\\"},
    ],
)
@pytest.mark.parametrize("url_name", ["events:index", "events:past"])
def test_bad_filter_values_are_404_never_500(client, url_name, params):
    """Unknown kinds and months without events (or impossible ones): 404, nothing echoed."""
    make_event(title="Kvar", start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 15))
    response = client.get(reverse(url_name), params)
    assert response.status_code == 404
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
    assert "Kvar" not in response.content.decode()


def test_index_offers_webcal_and_https_calendar_links(client):
    """The whole calendar can be subscribed to (webcal://) or fetched (.ics)."""
    content = client.get(reverse("events:index")).content.decode()
    assert 'href="webcal://testserver/evenemang/kalender.ics"' in content
    assert 'href="http://testserver/evenemang/kalender.ics"' in content


def test_past_lists_ended_events_newest_first_and_paginates(client):
    """Past events, most recent first, 20 a page; a bad page number is a 404, not a 500."""
    now = timezone.now()
    for days in range(1, 23):
        make_event(
            title=f"Förr {days:02}",
            start=now - timedelta(days=days, hours=5),
            end=now - timedelta(days=days),
        )
    make_event(title="Framtida träff")
    first = client.get(reverse("events:past"))
    assert _titles(first)[:2] == ["Förr 01", "Förr 02"]
    assert len(_titles(first)) == 20
    second = client.get(reverse("events:past"), {"page": 2})
    assert _titles(second) == ["Förr 21", "Förr 22"]
    assert "Framtida träff" not in first.content.decode()
    assert client.get(reverse("events:past"), {"page": "abc"}).status_code == 404


def test_cancelled_events_are_marked_in_lists(client):
    """A cancelled event stays in the list, labelled."""
    make_event(title="Inställd träff", event_status=Event.EventStatus.CANCELLED)
    content = client.get(reverse("events:index")).content.decode()
    assert "Inställd träff" in content
    assert 'event-status-label mb-1">Inställt<' in content


def _make_events(count):
    now = timezone.now()
    for n in range(count):
        event = make_event(start=now + timedelta(days=n + 1), end=now + timedelta(days=n + 2))
        make_programme(event, 4)
        past = make_event(start=now - timedelta(days=n + 3), end=now - timedelta(days=n + 2))
        make_programme(past, 4)


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("url_name", ["events:index", "events:past"])
def test_lists_run_a_constant_number_of_queries(
    client, django_assert_max_num_queries, url_name, count
):
    """Same query budget with 3 and with 40 events (each with a programme)."""
    _make_events(count)
    with django_assert_max_num_queries(6):
        response = client.get(reverse(url_name), {"typ": "konferens"})
    assert len(response.context["event_list"]) == min(count, 20)


def test_start_page_shows_the_next_three_events(client, django_assert_max_num_queries):
    """The start page lists the three soonest upcoming published events."""
    now = timezone.now()
    for n in range(5):
        make_event(title=f"Nästa {n}", start=now + timedelta(days=n + 1))
    make_event(title="Dold", published=False, start=now + timedelta(hours=2))
    with django_assert_max_num_queries(8):
        content = client.get(reverse("home")).content.decode()
    assert "Kommande evenemang" in content
    assert all(f"Nästa {n}" in content for n in range(3))
    assert "Nästa 3" not in content and "Dold" not in content


def test_sitemap_lists_published_events_with_lastmod(client):
    """Published events, past ones too, are in sitemap.xml with a lastmod; drafts are not."""
    shown = make_event(slug="synlig", start=local(2017, 5, 31), end=local(2017, 6, 1))
    make_event(slug="dold", published=False)
    content = client.get("/sitemap.xml").content.decode()
    assert f"{shown.get_absolute_url()}</loc>" in content
    assert "/evenemang/dold/" not in content
    assert f"<lastmod>{shown.updated_at:%Y-%m-%d}" in content


def test_month_choices_follow_edits_and_cost_no_query_once_read(client, django_assert_num_queries):
    """The months with events are read once per content version; a new event's month works at once."""
    make_event(title="Maj", start=local(2017, 5, 3, 9), end=local(2017, 5, 3, 12))
    client.get(reverse("events:index"), {"manad": "2017-05"})
    with django_assert_num_queries(0):
        assert client.get(reverse("events:index"), {"manad": "2017-04"}).status_code == 404
    make_event(title="April", start=local(2017, 4, 3, 9), end=local(2017, 4, 3, 12))
    response = client.get(reverse("events:index"), {"manad": "2017-04"})
    assert _titles(response) == ["April"]
