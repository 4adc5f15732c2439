"""Demo events: the facts of the three events, idempotence, never an empty list."""

from datetime import UTC, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from events import demo
from events.models import Event, Organisation, Venue
from news import demo as news_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    """News demo first (events link to its articles), then the events."""
    news_demo.seed()
    return demo.seed()


def test_seed_creates_the_three_events_with_their_facts(seeded):
    """Dialogue day, the conference at Acusticum and the manager training."""
    dialogue = Event.objects.get(kind="dialogdag")
    assert dialogue.date_range == "26 oktober 2016 kl. 09.00–16.00"
    conference = Event.objects.get(kind="konferens")
    assert conference.date_range == "31 maj–1 juni 2017"
    assert conference.venue.full_address == "Acusticum, Acusticum 4, 941 63 Piteå"
    assert conference.theme == "Digitaliseringens möjligheter"
    training = Event.objects.get(kind="utbildning")
    assert training.start.year == 2017
    assert "Umeå universitet" in {org.name for org in training.organisers.all()}
    assert set(Organisation.objects.values_list("name", flat=True)) >= {
        "Länsstyrelsen i Norrbotten",
        "Region Norrbotten",
        "Tillväxtverket",
        "Umeå universitet",
    }


def test_conference_has_a_two_day_programme_starting_at_seven_utc(seeded):
    """The first session is at 09.00 Swedish summer time, i.e. 07.00 UTC."""
    conference = Event.objects.get(slug="nationell-kkn-konferens-2017")
    items = list(conference.programme.all())
    assert {item.local_day.isoformat() for item in items} == {"2017-05-31", "2017-06-01"}
    first = items[0]
    assert first.start.astimezone(UTC).strftime("%H:%M") == "07:00"
    assert timezone.localtime(first.start).strftime("%H:%M") == "09:00"


def test_demo_contacts_are_fictitious(seeded):
    """Contacts use example.se and PTS's fiction number series."""
    for event in Event.objects.all():
        for contact in event.contacts.all():
            assert contact.email.endswith("@example.se")
            digits = "".join(ch for ch in contact.phone if ch.isdigit())
            assert digits[:7] in {"0701740", "0313900", "0980319", "0846500", "0406280"}


def test_related_news_are_linked_when_the_news_demo_exists(seeded):
    """The conference links the KKN article seeded by the news demo."""
    conference = Event.objects.get(slug="nationell-kkn-konferens-2017")
    slugs = set(conference.related_articles.values_list("slug", flat=True))
    assert "satsning-pa-kulturella-och-kreativa-naringar" in slugs


def test_demo_events_close_registration_at_a_time_of_day(seeded):
    """Each demo closing is a valid one: after opening, before the start, at a clock time."""
    dialogue = Event.objects.get(slug="dialogdag-om-kkn-strategin-2016")
    assert timezone.localtime(dialogue.registration_closes_at).isoformat() == (
        "2016-10-17T16:00:00+02:00"
    )
    for event in Event.objects.exclude(registration_closes_at=None):
        event.full_clean()


def test_seed_is_idempotent(seeded):
    """A second run creates nothing and changes nothing."""
    counts = (Event.objects.count(), Venue.objects.count(), Organisation.objects.count())
    sequences = dict(Event.objects.values_list("slug", "sequence"))
    assert demo.seed().startswith("0 events created")
    assert counts == (Event.objects.count(), Venue.objects.count(), Organisation.objects.count())
    assert sequences == dict(Event.objects.values_list("slug", "sequence"))


def test_upcoming_list_is_never_empty_even_a_year_later(seeded):
    """The relative demo events lie ahead; once passed, a new seed moves them forward."""
    assert Event.objects.published().upcoming().exists()
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        assert not Event.objects.published().upcoming().exists()
        assert "3 moved forward" in demo.seed()
        upcoming = list(Event.objects.published().upcoming())
        assert len(upcoming) == 3
        assert any(event.is_cancelled for event in upcoming)
        for event in upcoming:
            assert all(item.start >= event.start for item in event.programme.all())


@pytest.mark.parametrize("later", [timedelta(days=200), timedelta(days=400)])
def test_moved_demo_events_keep_their_closing_time_of_day(seeded, later):
    """Moved by whole local days: still 12.00 Swedish time across a DST change, before the start."""
    with time_machine.travel(timezone.now() + later):
        demo.seed()
        moved = Event.objects.published().upcoming().exclude(registration_closes_at=None)
        assert moved
        for event in moved:
            assert f"{timezone.localtime(event.registration_closes_at):%H:%M}" == "12:00"
            assert timezone.now() < event.registration_closes_at < event.start


def test_seed_demo_command_runs_twice(capsys):
    """``manage.py seed_demo`` includes the events and can run again."""
    call_command("seed_demo")
    call_command("seed_demo")
    assert "events: 0 events created" in capsys.readouterr().out


def test_demo_events_are_typed_by_what_they_are(client, seeded):
    """The seminar is a Seminarium, the workshop a Workshop; the kind filter offers all six."""
    kinds = dict(Event.objects.values_list("slug", "kind"))
    assert kinds["frukostseminarium-finansiering-for-kreativa-foretag"] == "seminarium"
    assert kinds["workshop-spelutveckling-i-norrbotten"] == "workshop"
    assert {"konferens", "dialogdag", "utbildning"} <= set(kinds.values())
    content = client.get("/evenemang/").content.decode()
    for label in ("Konferens", "Dialogdag", "Utbildning", "Seminarium", "Workshop", "Övrigt"):
        assert f">{label}</option>" in content, label
