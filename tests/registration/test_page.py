"""The registration part of the shared event page: each state, and nothing personal in it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event

from .helpers import make_registrable, make_registration

pytestmark = pytest.mark.django_db


def _page(client, event):
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_open_with_capacity_shows_seats_left_and_the_form(client):
    """Three of five seats taken: "2 platser kvar" and the form posting to anmalan/."""
    event = make_registrable(capacity=5)
    for _ in range(3):
        make_registration(event)
    make_registration(event, status="avbokad")
    html = _page(client, event)
    assert "2 platser kvar" in html
    assert f'action="/evenemang/{event.slug}/anmalan/"' in html
    assert 'name="consent"' in html and "/personuppgifter/" in html


def test_open_without_limit_shows_the_form_without_a_count(client):
    """No capacity: the form, and no seat count."""
    html = _page(client, make_registrable())
    assert "platser kvar" not in html and "plats kvar" not in html
    assert 'name="email"' in html


def test_one_seat_left_is_singular(client):
    event = make_registrable(capacity=1)
    assert "1 plats kvar" in _page(client, event)


def test_full_with_waiting_list_offers_the_waiting_list(client):
    """Full: "Fullbokat – ställ dig på väntelistan" and the form's button says so."""
    event = make_registrable(capacity=1)
    make_registration(event)
    html = _page(client, event)
    assert "Fullbokat – ställ dig på väntelistan" in html
    assert "Ställ mig på väntelistan" in html


def test_full_without_waiting_list_has_no_form(client):
    event = make_registrable(capacity=1, waiting_list=False)
    make_registration(event)
    html = _page(client, event)
    assert "Fullbokat" in html
    assert 'name="email"' not in html


def test_not_yet_open_says_when(client):
    """Opens later: "Anmälan öppnar <datum>" and no form."""
    opens = timezone.now() + timedelta(days=2)
    event = make_registrable(registration_opens=opens)
    html = _page(client, event)
    assert "Anmälan öppnar" in html
    assert str(timezone.localtime(opens).day) in html
    assert 'name="email"' not in html


@pytest.mark.parametrize(
    "overrides",
    [
        {"registration_closes_at": timezone.now() - timedelta(minutes=1)},
        {"event_status": Event.EventStatus.CANCELLED},
        {"start": timezone.now() - timedelta(hours=1)},
    ],
    ids=["deadline-passed", "cancelled", "started"],
)
def test_closed_says_so_without_a_form(client, overrides):
    """Past the deadline, cancelled or already started: "Anmälan stängd"."""
    start = overrides.get("start", timezone.now() + timedelta(days=10))
    event = make_registrable(**{**overrides, "start": start, "end": start + timedelta(hours=5)})
    html = _page(client, event)
    assert "Anmälan stängd" in html
    assert 'name="email"' not in html


def test_external_registration_keeps_its_link(client):
    """An event that registers elsewhere shows its link and no form."""
    event = make_registrable(takes_registrations=False, registration_url="https://example.se/anm")
    html = _page(client, event)
    assert 'href="https://example.se/anm"' in html
    assert 'name="email"' not in html


def test_restricted_event_is_marked(client):
    html = _page(client, make_registrable(registration_audience="kommuner"))
    assert "För chefer i kommunerna" in html


def test_page_with_the_form_is_shared(client):
    """No CSRF token, no cookie, public caching: the same bytes for every visitor."""
    event = make_registrable(capacity=10)
    first = client.get(event.get_absolute_url())
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert not first.cookies
    assert "public" in first["Cache-Control"]
    assert client.get(event.get_absolute_url()).content == first.content


def test_a_new_registration_renews_the_cached_count(client):
    """The seat count is in the cached page; a sign-up changes the content version."""
    event = make_registrable(capacity=3)
    assert "3 platser kvar" in _page(client, event)
    make_registration(event)
    assert "2 platser kvar" in _page(client, event)


def test_an_editors_preview_shows_the_state_but_no_form(client):
    """An unpublished event cannot take sign-ups, so its preview has no form to send."""
    from tests.events.factories import make_editor

    event = make_registrable(published=False, capacity=5)
    client.force_login(make_editor("events.change_event"))
    html = _page(client, event)
    assert "5 platser kvar" in html
    assert 'name="email"' not in html


@pytest.mark.parametrize("registrations", [1, 30])
def test_event_page_queries_do_not_grow_with_registrations(
    client, django_assert_max_num_queries, registrations
):
    """The seat count is one COUNT, whatever the number of sign-ups."""
    event = make_registrable(capacity=50)
    for _ in range(registrations):
        make_registration(event)
    with django_assert_max_num_queries(14):
        response = client.get(event.get_absolute_url())
    assert f"{50 - registrations} platser kvar" in response.content.decode()


def test_the_cached_page_opens_registration_on_time(client):
    """No save happens when registration opens: a scheduled transition renews the page."""
    import time_machine

    opens = timezone.now() + timedelta(hours=2)
    event = make_registrable(registration_opens=opens, capacity=8)
    assert 'name="email"' not in _page(client, event)
    with time_machine.travel(opens + timedelta(seconds=1)):
        html = _page(client, event)
    assert "8 platser kvar" in html and 'name="email"' in html
