"""The demo: one future event open for registration, the three historical ones closed."""

import pytest
from django.core.management import call_command

from events.models import Event
from events.registration.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", verbosity=0)


def test_a_future_event_is_open_with_forty_seats_and_fictitious_people(client, seeded):
    event = Event.objects.get(takes_registrations=True, capacity=40)
    assert not event.is_past and event.registration_state().accepting
    emails = list(event.registrations.values_list("email", flat=True))
    assert 3 <= len(emails) < 40
    assert all(email.endswith("@example.se") for email in emails)
    html = client.get(event.get_absolute_url()).content.decode()
    assert f"{40 - len(emails)} platser kvar" in html and 'name="consent"' in html


@pytest.mark.parametrize("kind", ["dialogdag", "konferens", "utbildning"])
def test_the_historical_events_are_past_and_closed(client, seeded, kind):
    event = Event.objects.get(kind=kind)
    assert event.is_past
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Anmälan stängd" in html and 'name="consent"' not in html


def test_the_training_is_for_managers_in_the_municipalities(seeded):
    assert Event.objects.get(kind="utbildning").is_restricted


def test_seeding_again_adds_no_registrations(seeded):
    count = Registration.objects.count()
    call_command("seed_demo", verbosity=0)
    assert Registration.objects.count() == count
