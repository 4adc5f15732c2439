"""events.cards: event cards and programme rows read as the events themselves do."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.cards import event_cards, programme_days
from events.formatting import format_time_range
from events.models import Event, ProgrammeItem

from .factories import local, make_event, make_venue

pytestmark = pytest.mark.django_db


def _events():
    """Every kind and status, with and without a venue, one-day and longer."""
    venue = make_venue(name="Kulturens hus", municipality="Luleå")
    events = []
    for n, kind in enumerate(Event.Kind.values):
        for m, status in enumerate(Event.EventStatus.values):
            day = local(2031, 1 + n, 10 + m, 9)
            events.append(
                make_event(
                    kind=kind,
                    event_status=status,
                    venue=venue if m % 2 else None,
                    start=day,
                    end=day + timedelta(days=m % 2, hours=3),
                    title=f"Kort {n}-{m} <b>",
                )
            )
    return events


def test_each_card_reads_as_its_event(django_assert_num_queries):
    """id, link, texts, dates, place, kind and status as the model and templates had them."""
    events = {event.pk: event for event in _events()}
    with django_assert_num_queries(1):
        cards = event_cards(Event.objects.for_listing().order_by("pk"))
    assert len(cards) == len(events)
    for card, event in zip(cards, events.values(), strict=True):
        venue = event.venue
        assert card == {
            "id": f"event-{event.pk}",
            "url": event.get_absolute_url(),
            "title": event.title,
            "lead": event.lead,
            "cancelled": event.event_status == Event.EventStatus.CANCELLED,
            "status": "" if event.event_status == "planerad" else event.get_event_status_display(),
            "start": timezone.localtime(event.start).isoformat(),
            "when": event.date_range,
            "place": f"{venue.name}, {venue.municipality}" if venue else "",
            "kind": event.get_kind_display(),
            "picture": None,
        }


def test_lists_and_start_page_show_the_cards(client):
    """The list, the archive and the start page print the cards, escaped, cancelled marked."""
    _events()
    for url in (reverse("events:index"), reverse("home")):
        html = client.get(url).content.decode()
        assert "Kort 0-0 &lt;b&gt;" in html and "<b>" not in html.split("<main")[1]
        assert 'class="event-item event-cancelled"' in html
        assert " · Kulturens hus, Luleå · " in html


def test_programme_days_group_by_local_day_as_regroup_did():
    """Days in Swedish time (a session at 23.30 UTC in summer is the next day), headings, times."""
    event = make_event(start=datetime(2031, 6, 10, 7, 0, tzinfo=UTC), end=local(2031, 6, 12, 17))
    rows = [
        (datetime(2031, 6, 10, 7, 0, tzinfo=UTC), timedelta(minutes=45), "Öppning", "Anna", ""),
        (datetime(2031, 6, 10, 21, 30, tzinfo=UTC), None, "Kvällsmingel", "", "Rad ett\nRad två"),
        (datetime(2031, 6, 10, 22, 30, tzinfo=UTC), timedelta(hours=1), "Nattpass", "", ""),
        (datetime(2031, 6, 11, 8, 0, tzinfo=UTC), timedelta(hours=2), "Dag två", "Bo, Cia", ""),
    ]
    items = [
        ProgrammeItem.objects.create(
            event=event,
            start=start,
            end=start + length if length else None,
            title=title,
            speakers=speakers,
            description=description,
        )
        for start, length, title, speakers, description in rows
    ]
    days = programme_days(event.programme.all())
    assert [day["heading"] for day in days] == ["Tisdag 10 juni 2031", "Onsdag 11 juni 2031"]
    assert [[item["title"] for item in day["items"]] for day in days] == [
        ["Öppning", "Kvällsmingel"],
        ["Nattpass", "Dag två"],
    ]
    flat = [item for day in days for item in day["items"]]
    for item, model in zip(flat, items, strict=True):
        assert item == {
            "id": f"programme-{model.pk}",
            "start": timezone.localtime(model.start).isoformat(),
            "time": format_time_range(model.start, model.end),
            "title": model.title,
            "speakers": model.speakers,
            "description": model.description,
        }
    assert [item["time"] for item in flat] == ["09.00–09.45", "23.30", "00.30–01.30", "10.00–12.00"]


def test_event_page_shows_the_programme(client):
    """Headings, times, speakers and line breaks of a description, on the page."""
    event = make_event(start=local(2031, 6, 10, 9), end=local(2031, 6, 10, 17))
    ProgrammeItem.objects.create(
        event=event, start=local(2031, 6, 10, 9), title="Start", description="A\nB <i>"
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<h3 class="h5 mt-3">Tisdag 10 juni 2031</h3>' in html
    assert "<strong>Start</strong>" in html and "A<br>B &lt;i&gt;" in html
