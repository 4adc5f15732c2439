"""Registration closes at a date and time ("Sista anmälan 3 mars 2031 kl. 12.00"), to the minute."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from events.models import Event
from events.registration.models import Registration
from tests.events.factories import local, make_event
from tests.events.test_admin import _form

from .helpers import make_registrable, register_url, registration_data

pytestmark = pytest.mark.django_db

START = local(2031, 3, 10, 9)
CLOSES = local(2031, 3, 3, 12)  # 11.00 UTC
MINUTE = timedelta(minutes=1)


@pytest.fixture
def event():
    """Takes registrations on the portal until 3 March 2031 at 12.00, seats left."""
    with time_machine.travel(CLOSES - timedelta(days=30), tick=False):
        return make_registrable(start=START, registration_closes_at=CLOSES, capacity=8)


def _get(client, event):
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response


def test_one_minute_before_the_form_is_there_with_the_closing_time(client, event):
    """Open: the form, and "Sista anmälan <datum> kl. <tid>" as the opening time is written."""
    with time_machine.travel(CLOSES - MINUTE, tick=False):
        html = _get(client, event).content.decode()
    assert 'name="email"' in html and "8 platser kvar" in html
    assert "Sista anmälan 3 mars 2031 kl. 12.00" in html
    assert "Anmälan stängd" not in html


def test_at_the_closing_time_registration_is_closed(client, event):
    """At 12.00 exactly: "Anmälan stängd", no form, no closing time."""
    with time_machine.travel(CLOSES, tick=False):
        html = _get(client, event).content.decode()
    assert "Anmälan stängd" in html
    assert 'name="email"' not in html and "Sista anmälan" not in html


def test_a_sign_up_one_minute_before_is_taken(client, captcha_ok, event):
    with time_machine.travel(CLOSES - MINUTE, tick=False):
        response = client.post(register_url(event), registration_data())
    assert response.status_code == 303
    assert Registration.objects.filter(event=event).count() == 1


def test_a_sign_up_at_the_closing_time_is_refused_with_a_message(client, captcha_ok, event):
    """The form was loaded before 12.00 and sent at 12.00: refused, clearly, nothing stored."""
    with time_machine.travel(CLOSES, tick=False):
        response = client.post(register_url(event), registration_data())
    assert response.status_code == 400
    assert "Anmälan till evenemanget är stängd" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_cached_page_closes_at_the_closing_minute(client, event):
    """No save happens at the closing time: the scheduled transition renews the cached page."""
    with time_machine.travel(CLOSES - MINUTE, tick=False):
        assert 'name="email"' in _get(client, event).content.decode()
        assert _get(client, event).page_cache == "hit"
    with time_machine.travel(CLOSES - timedelta(microseconds=1), tick=False):
        response = _get(client, event)
        assert response.page_cache == "hit" and 'name="email"' in response.content.decode()
    with time_machine.travel(CLOSES, tick=False):
        html = _get(client, event).content.decode()
    assert "Anmälan stängd" in html and 'name="email"' not in html


def test_a_midnight_closing_reads_as_the_end_of_the_day_before(client):
    """00.00 on 4 March is "3 mars 2031 kl. 24.00" (what a migrated last day becomes)."""
    with time_machine.travel(START - timedelta(days=30), tick=False):
        event = make_registrable(start=START, registration_closes_at=local(2031, 3, 4, 0))
        html = _get(client, event).content.decode()
    assert "Sista anmälan 3 mars 2031 kl. 24.00" in html


def test_a_closing_after_the_start_closes_at_the_start(client):
    """An old closing time after the start (from a last day): closed from the start, said so."""
    with time_machine.travel(START - MINUTE, tick=False):
        event = make_registrable(start=START, registration_closes_at=START + timedelta(hours=8))
        assert "Sista anmälan 10 mars 2031 kl. 09.00" in _get(client, event).content.decode()
    with time_machine.travel(START, tick=False):
        assert "Anmälan stängd" in _get(client, event).content.decode()


def test_registration_elsewhere_shows_its_closing_time_and_closes_on_it(client):
    """An event with a registration address: the link and "Sista anmälan …", then closed."""
    with time_machine.travel(CLOSES - MINUTE, tick=False):
        event = make_event(
            start=START,
            registration_url="https://example.se/anmalan",
            registration_closes_at=CLOSES,
        )
        html = _get(client, event).content.decode()
        assert 'href="https://example.se/anmalan"' in html
        assert "Sista anmälan 3 mars 2031 kl. 12.00" in html
    with time_machine.travel(CLOSES, tick=False):
        html = _get(client, event).content.decode()
    assert 'href="https://example.se/anmalan"' not in html and "Anmälan stängd" in html


@pytest.mark.parametrize(
    ("closes", "said"),
    [
        (CLOSES, "Anmälan senast 2031-03-03 kl. 12.00: https://example.se/anmalan"),
        (local(2031, 3, 4, 0), "Anmälan senast 2031-03-03 kl. 24.00: https://example.se/anmalan"),
    ],
)
def test_the_calendar_file_says_when_registration_closes(client, closes, said):
    """The .ics DESCRIPTION, read back with icalendar, names the closing date and time."""
    event = make_event(
        start=START, registration_url="https://example.se/anmalan", registration_closes_at=closes
    )
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    (component,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert said in str(component["DESCRIPTION"])


def test_the_calendar_file_has_no_closing_without_one(client):
    event = make_event(start=START, registration_url="https://example.se/anmalan")
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    (component,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert "Anmälan senast" not in str(component["DESCRIPTION"])


def _admin_form(**overrides):
    """The add form of an event on 26 October 2016 at 09.00 that takes registrations."""
    return _form(takes_registrations="on", waiting_list="on", **overrides)


def test_admin_shows_the_closing_as_date_and_time_inputs(admin_client):
    """The admin's date and time widgets, each named for screen readers."""
    html = admin_client.get(reverse("admin:events_event_add")).content.decode()
    assert 'name="registration_closes_at_0"' in html and 'name="registration_closes_at_1"' in html
    assert 'aria-label="Sista anmälan, datum"' in html
    assert 'aria-label="Sista anmälan, tid"' in html


def test_admin_saves_a_closing_time_in_swedish_time(admin_client):
    response = admin_client.post(
        reverse("admin:events_event_add"),
        _admin_form(registration_closes_at_0="2016-10-17", registration_closes_at_1="12:00"),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.registration_closes_at == local(2016, 10, 17, 12)


def test_admin_takes_a_closing_at_the_start(admin_client):
    """Closing when the event starts is allowed (the latest possible)."""
    response = admin_client.post(
        reverse("admin:events_event_add"),
        _admin_form(registration_closes_at_0="2016-10-26", registration_closes_at_1="09:00"),
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"registration_closes_at_0": "2016-10-26", "registration_closes_at_1": "09:01"},
            "Anmälan kan inte stänga senare än evenemanget börjar.",
        ),
        (
            {
                "registration_opens_0": "2016-10-10",
                "registration_opens_1": "08:00",
                "registration_closes_at_0": "2016-10-10",
                "registration_closes_at_1": "08:00",
            },
            "Anmälan måste stänga senare än den öppnar.",
        ),
        (
            {
                "registration_opens_0": "2016-10-10",
                "registration_opens_1": "08:00",
                "registration_closes_at_0": "2016-10-09",
                "registration_closes_at_1": "12:00",
            },
            "Anmälan måste stänga senare än den öppnar.",
        ),
    ],
    ids=["after-start", "same-as-opening", "before-opening"],
)
def test_admin_refuses_a_closing_out_of_order_in_swedish(admin_client, overrides, message):
    response = admin_client.post(reverse("admin:events_event_add"), _admin_form(**overrides))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert message in form.errors["registration_closes_at"]
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_admin_shows_a_closing_error_with_the_other_errors(admin_client):
    """An end before the start and a closing after it: both messages at once."""
    data = _admin_form(
        end_0="2016-10-25",
        end_1="16:00",
        registration_closes_at_0="2016-10-27",
        registration_closes_at_1="12:00",
    )
    html = admin_client.post(reverse("admin:events_event_add"), data).content.decode()
    assert "Sluttiden måste vara senare än starttiden." in html
    assert "Anmälan kan inte stänga senare än evenemanget börjar." in html
