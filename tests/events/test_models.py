"""Event rules: publication, upcoming/past boundaries, validation, SEQUENCE."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from events.models import Event, ProgrammeItem, Venue

from .factories import local, make_event, make_venue

NOW = datetime(2017, 5, 31, 12, 0, tzinfo=UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen():
    """Freeze the clock at noon UTC on 31 May 2017."""
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.mark.parametrize(
    ("start", "end", "upcoming"),
    [
        (timedelta(days=-1), timedelta(days=1), True),  # started yesterday, ends tomorrow
        (timedelta(days=1), timedelta(days=2), True),  # future
        (timedelta(hours=-3), timedelta(0), True),  # ends exactly now: still on
        (timedelta(hours=-3), timedelta(seconds=-1), False),  # ended a second ago
        (timedelta(days=-2), timedelta(days=-1), False),  # ended yesterday
    ],
)
def test_upcoming_and_past_split_at_the_end_time(frozen, start, end, upcoming):
    """An event is upcoming until (and including) the instant it ends, then past."""
    event = make_event(start=frozen + start, end=frozen + end)
    assert (event in Event.objects.upcoming()) is upcoming
    assert (event in Event.objects.past()) is not upcoming
    assert event.is_past is not upcoming


def test_upcoming_is_soonest_first_and_past_is_newest_first(frozen):
    """Upcoming ascends by start; past descends by start."""
    later = make_event(start=frozen + timedelta(days=5), end=frozen + timedelta(days=6))
    ongoing = make_event(start=frozen - timedelta(days=1), end=frozen + timedelta(days=1))
    old = make_event(start=frozen - timedelta(days=30), end=frozen - timedelta(days=29))
    recent = make_event(start=frozen - timedelta(days=3), end=frozen - timedelta(days=2))
    assert list(Event.objects.upcoming()) == [ongoing, later]
    assert list(Event.objects.past()) == [recent, old]


@pytest.mark.parametrize(
    ("published", "published_at", "visible"),
    [
        (True, timedelta(days=-1), True),
        (True, timedelta(0), True),
        (True, timedelta(hours=1), False),  # scheduled
        (False, timedelta(days=-1), False),  # unpublished
    ],
)
def test_published_and_is_live_agree(frozen, published, published_at, visible):
    """``published()`` and ``is_live()`` apply the same rule, and chain with upcoming()."""
    event = make_event(published=published, published_at=frozen + published_at)
    assert (event in Event.objects.published()) is visible
    assert (event in Event.objects.published().upcoming()) is visible
    assert event.is_live() is visible


def test_in_month_uses_swedish_local_time(frozen):
    """An event at 00.30 on 1 June Swedish time (22.30 UTC on 31 May) belongs to June."""
    june = make_event(start=local(2017, 6, 1, 0, 30), end=local(2017, 6, 1, 2))
    may = make_event(start=local(2017, 5, 31, 9), end=local(2017, 5, 31, 16))
    spanning = make_event(start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 15))
    assert set(Event.objects.in_month(2017, 6)) == {june, spanning}
    assert set(Event.objects.in_month(2017, 5)) == {may, spanning}


@pytest.mark.parametrize("end_offset", [timedelta(hours=-1), timedelta(0)])
def test_clean_refuses_end_not_after_start_in_swedish(end_offset):
    """``full_clean()`` names the end field, with a Swedish message."""
    start = local(2017, 5, 31)
    event = Event(title="T", slug="t", lead="L", start=start, end=start + end_offset)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end"] == ["Sluttiden måste vara senare än starttiden."]


def test_database_refuses_end_before_start():
    """The CHECK constraint holds even when validation is bypassed."""
    start = local(2017, 5, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            title="T", slug="t", lead="L", start=start, end=start - timedelta(hours=1)
        )


def test_database_refuses_programme_item_ending_before_it_starts():
    """Programme items have the same constraint (an open end is allowed)."""
    event = make_event()
    ProgrammeItem.objects.create(event=event, start=event.start, title="Öppet slut")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeItem.objects.create(
            event=event, start=event.start, end=event.start - timedelta(minutes=5), title="Fel"
        )


@pytest.mark.parametrize("slug", ["tidigare", "kalender"])
def test_reserved_slugs_are_refused(slug):
    """Slugs that would be shadowed by fixed URLs cannot be chosen."""
    event = make_event()
    event.slug = slug
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "slug" in error.value.message_dict


def test_sequence_grows_only_when_the_event_changes():
    """Saving unchanged leaves SEQUENCE; each real change raises it by one."""
    event = make_event()
    assert event.sequence == 0
    event.save()
    assert Event.objects.get(pk=event.pk).sequence == 0
    event = Event.objects.get(pk=event.pk)
    event.title = "Ny titel"
    event.save()
    event.start -= timedelta(hours=1)
    event.save(update_fields=["start"])
    assert Event.objects.get(pk=event.pk).sequence == 2


def test_sequence_grows_when_the_venue_moves():
    """A venue's new address changes LOCATION, so its events get a new SEQUENCE."""
    venue = make_venue()
    event = make_event(venue=venue)
    venue.street_address = "Storgatan 1"
    venue.save()
    assert Event.objects.get(pk=event.pk).sequence == 1


def test_description_is_sanitized_on_save():
    """Scripts, handlers and styles never reach the database."""
    event = make_event(
        description='<p onclick="x()" style="color:red">Hej <script>alert(1)</script><a href="javascript:x()">l</a></p>'
    )
    event.refresh_from_db()
    assert "script" not in event.description
    assert "onclick" not in event.description
    assert "style" not in event.description
    assert "javascript" not in event.description
    assert "Hej" in event.description


@pytest.mark.parametrize(
    ("closes", "status", "is_open"),
    [
        (None, Event.EventStatus.SCHEDULED, True),
        (timedelta(minutes=1), Event.EventStatus.SCHEDULED, True),  # a minute left
        (timedelta(0), Event.EventStatus.SCHEDULED, False),  # closed at the closing time
        (timedelta(minutes=-1), Event.EventStatus.SCHEDULED, False),
        (timedelta(days=3), Event.EventStatus.CANCELLED, False),
    ],
)
def test_registration_elsewhere_closes_at_its_closing_time(frozen, closes, status, is_open):
    """A registration link is open until the closing time (to the minute), not when cancelled."""
    event = make_event(
        registration_url="https://example.se/anmalan",
        registration_closes_at=None if closes is None else frozen + closes,
        event_status=status,
        start=frozen + timedelta(days=10),
    )
    assert event.registration_is_open is is_open


def test_registration_link_falls_back_to_email():
    """Without a URL, the registration link is a mailto: link."""
    event = make_event(registration_email="anmalan@example.se")
    assert event.registration_link == "mailto:anmalan@example.se"


def test_str_url_and_uid():
    """``__str__`` names title and date; the URL is reversed; the UID is stable."""
    event = make_event(title="Dialogdag", slug="dialogdag", start=local(2016, 10, 26))
    assert str(event) == "Dialogdag (2016-10-26)"
    assert event.get_absolute_url() == reverse("events:detail", kwargs={"slug": "dialogdag"})
    assert event.ical_uid == f"event-{event.pk}@testserver"
    event.title = "Ändrad"
    event.save()
    assert event.ical_uid == f"event-{event.pk}@testserver"


def test_saving_an_unchanged_venue_leaves_sequence():
    """Only a real change of the address bumps its events."""
    venue = make_venue(latitude="65.314400")
    event = make_event(venue=venue)
    Venue.objects.get(pk=venue.pk).save()
    assert Event.objects.get(pk=event.pk).sequence == 0


@pytest.mark.parametrize("language", ["sv", "en"])
def test_kind_and_status_labels_are_the_display_values(language):
    """``kind_label``/``status_label`` read as get_FOO_display(), for every choice and an unknown value."""
    with translation.override(language):
        for kind in [*Event.Kind.values, "okand"]:
            assert Event(kind=kind).kind_label == Event(kind=kind).get_kind_display()
        for status in [*Event.EventStatus.values, "okand"]:
            event = Event(event_status=status)
            assert event.event_status_label == event.get_event_status_display()
