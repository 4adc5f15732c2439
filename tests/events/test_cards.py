"""Event cards (events.cards): the same values the event itself gives, from one query."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.cards import event_cards
from events.models import Event

from .factories import local, make_event, make_venue

pytestmark = pytest.mark.django_db


def _events():
    """Every kind and status, with and without a venue, one-day and longer."""
    venue = make_venue(name="Kulturens hus", municipality="Luleå")
    events = []
    for n, kind in enumerate(Event.Kind.values):
        for m, status in enumerate(Event.Status.values):
            day = local(2031, 1 + n, 10 + m, 9)
            events.append(
                make_event(
                    kind=kind,
                    status=status,
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
            "cancelled": event.status == Event.Status.CANCELLED,
            "status": "" if event.status == "planerad" else event.get_status_display(),
            "start": timezone.localtime(event.start).isoformat(),
            "when": event.date_range,
            "place": f"{venue.name}, {venue.municipality}" if venue else "",
            "kind": event.get_kind_display(),
        }


def test_lists_and_start_page_show_the_cards(client):
    """The list, the archive and the start page print the cards, escaped, cancelled marked."""
    _events()
    for url in (reverse("events:index"), reverse("home")):
        html = client.get(url).content.decode()
        assert "Kort 0-0 &lt;b&gt;" in html and "<b>" not in html.split("<main")[1]
        assert 'class="event-item event-cancelled"' in html
        assert " · Kulturens hus, Luleå · " in html
