"""Admin: the inline and counts on events, the list, CSV, printable list, overview, logs."""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.http import StreamingHttpResponse
from django.urls import reverse

from events.registration.models import Registration
from tests.events.factories import make_editor

from .helpers import make_registrable, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client):
    """Redaktör's rights on events and registrations, logged in."""
    user = make_editor(
        "events.view_event",
        "events.change_event",
        "events.view_registration",
        "events.change_registration",
        "events.export_registration",
    )
    client.force_login(user)
    return user


def _rows(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def _event_with(confirmed=2, waiting=1, **kwargs):
    event = make_registrable(capacity=confirmed, **kwargs)
    for _ in range(confirmed):
        make_registration(event)
    for _ in range(waiting):
        make_registration(event, status="vantelista")
    return event


@pytest.mark.parametrize("events", [2, 12])
def test_event_list_shows_counts_in_constant_queries(
    client, organiser, django_assert_max_num_queries, events
):
    for _ in range(events):
        _event_with()
    # 14: two of them are the savepoint reversion opens around the list (for its actions).
    with django_assert_max_num_queries(14):
        response = client.get(reverse("admin:events_event_changelist"))
    html = response.content.decode()
    assert html.count("2/2") == events
    assert "Väntelista" in html or "väntelista" in html


def test_event_page_has_the_inline_and_participant_links(client, organiser):
    event = _event_with()
    html = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert "registrations-TOTAL_FORMS" in html
    assert reverse("admin:events_registration_print", args=[event.pk]) in html
    assert reverse("admin:events_registration_export", args=[event.pk]) in html


def test_registration_list_filters_by_event_and_status(client, organiser):
    one, other = _event_with(), _event_with()
    url = reverse("admin:events_registration_changelist")
    response = client.get(url, {"event__id__exact": one.pk, "status__exact": "vantelista"})
    assert list(response.context["cl"].result_list) == list(one.registrations.waiting())
    assert other.pk not in {r.event_id for r in response.context["cl"].result_list}


def test_csv_export_is_excel_safe_streamed_and_logged_without_names(client, organiser):
    event = make_registrable()
    make_registration(event, name="=HYPERLINK(1)", needs="@nötter", organisation="+46 AB")
    response = client.get(reverse("admin:events_registration_export", args=[event.pk]))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    header, row = _rows(response)
    assert header[1] == "Namn"
    assert row[1] == "'=HYPERLINK(1)" and row[3] == "'+46 AB" and row[6] == "'@nötter"
    entry = LogEntry.objects.get()
    assert "1" in entry.change_message and "HYPERLINK" not in entry.change_message


def test_export_and_print_need_the_export_permission(client):
    client.force_login(make_editor("events.view_registration", "events.view_event"))
    event = _event_with()
    assert (
        client.get(reverse("admin:events_registration_export", args=[event.pk])).status_code == 403
    )
    assert (
        client.get(reverse("admin:events_registration_print", args=[event.pk])).status_code == 403
    )


def test_printable_list_shows_confirmed_then_waiting_with_needs(client, organiser):
    event = make_registrable(capacity=1)
    make_registration(event, name="Första Person", needs="Glutenfritt")
    make_registration(event, name="Väntande Person", status="vantelista")
    make_registration(event, name="Avbokad Person", status="avbokad")
    html = client.get(reverse("admin:events_registration_print", args=[event.pk])).content.decode()
    assert html.index("Första Person") < html.index("Väntande Person")
    assert "Glutenfritt" in html and "Avbokad Person" not in html


def test_cancel_action_promotes_and_logs_only_the_number(client, organiser):
    event = make_registrable(capacity=1)
    first = make_registration(event, name="Anna Exempel", email="anna@example.se")
    waiting = make_registration(event, status="vantelista")
    client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "cancel", "_selected_action": [first.pk]},
    )
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.is_cancelled and waiting.is_confirmed
    for entry in LogEntry.objects.all():
        text = f"{entry.object_repr} {entry.change_message}"
        assert "Anna" not in text and "anna@" not in text


def test_editing_a_registration_logs_no_personal_data(client, organiser):
    event = make_registrable()
    registration = make_registration(event, name="Bo Exempel", email="bo@example.se")
    url = reverse("admin:events_registration_change", args=[registration.pk])
    data = {
        "name": "Bo Exempelsson",
        "email": "bo@example.se",
        "organisation": "Boden kommun",
        "role": "",
        "municipality": "boden",
        "needs": "Laktosfritt",
    }
    assert client.post(url, data).status_code == 302
    entry = LogEntry.objects.get()
    text = f"{entry.object_repr} {entry.change_message}"
    assert "Bo " not in text and "Laktosfritt" not in text and "Boden" not in text


def test_more_seats_in_the_admin_move_the_waiting_list_up(client, admin_client):
    event = _event_with(confirmed=1, waiting=2)
    event.capacity = 2
    from django.contrib import admin as django_admin

    from events.admin import EventAdmin

    model_admin = EventAdmin(type(event), django_admin.site)

    class Form:
        changed_data = ["capacity"]

    request = type("Request", (), {"user": None})()
    model_admin.save_model(request, event, Form(), change=True)
    assert event.registrations.confirmed().count() == 2
    assert event.registrations.waiting().count() == 1


def test_overview_shows_registrations(client, organiser):
    _event_with(title="Frukostseminarium")
    html = client.get(reverse("admin:index")).content.decode()
    assert "Frukostseminarium" in html
    assert "2 av 2 platser" in html and "1 väntar" in html
    assert Registration.objects.count() == 3


@pytest.mark.parametrize("people", [2, 20])
def test_registration_list_runs_constant_queries(
    client, organiser, django_assert_max_num_queries, people
):
    event = make_registrable()
    for _ in range(people):
        make_registration(event)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("admin:events_registration_changelist"))
    assert len(response.context["cl"].result_list) == people
