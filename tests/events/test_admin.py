"""Admin for editors: validation, programme inline, actions with audit log."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from events.models import Event

from .factories import make_event

pytestmark = pytest.mark.django_db

INLINE = {
    "programme-TOTAL_FORMS": "0",
    "programme-INITIAL_FORMS": "0",
    "programme-MIN_NUM_FORMS": "0",
    "programme-MAX_NUM_FORMS": "1000",
    "registrations-TOTAL_FORMS": "0",
    "registrations-INITIAL_FORMS": "0",
    "registrations-MIN_NUM_FORMS": "0",
    "registrations-MAX_NUM_FORMS": "1000",
}


def _form(**overrides):
    data = {
        "title": "Dialogdag",
        "slug": "dialogdag",
        "kind": "dialogdag",
        "lead": "Kom och tyck till.",
        "description": "<p>Hej</p>",
        "start_0": "2016-10-26",
        "start_1": "09:00",
        "end_0": "2016-10-26",
        "end_1": "16:00",
        "event_status": "planerad",
        "status": "draft",
        "registration_audience": "alla",
        "published_at_0": "2016-10-01",
        "published_at_1": "08:00",
        **INLINE,
    }
    data.update(overrides)
    return data


def test_admin_refuses_end_before_start_in_swedish(admin_client):
    """The add form shows the Swedish error and saves nothing."""
    response = admin_client.post(
        reverse("admin:events_event_add"), _form(end_0="2016-10-25", end_1="16:00")
    )
    assert response.status_code == 200
    assert "Sluttiden måste vara senare än starttiden." in response.content.decode()
    assert not Event.objects.exists()


def test_admin_refuses_programme_item_ending_before_it_starts(admin_client):
    """The inline gets the same Swedish message."""
    data = _form(
        **{
            "programme-TOTAL_FORMS": "1",
            "programme-0-start_0": "2016-10-26",
            "programme-0-start_1": "10:00",
            "programme-0-end_0": "2016-10-26",
            "programme-0-end_1": "09:00",
            "programme-0-title": "Fel",
        }
    )
    response = admin_client.post(reverse("admin:events_event_add"), data)
    assert "Sluttiden måste vara senare än starttiden." in response.content.decode()
    assert not Event.objects.exists()


def test_admin_creates_event_with_programme(admin_client):
    """A valid form with a programme item saves both, times in Swedish time."""
    data = _form(
        **{
            "programme-TOTAL_FORMS": "1",
            "programme-0-start_0": "2016-10-26",
            "programme-0-start_1": "09:30",
            "programme-0-title": "Inledning",
        }
    )
    response = admin_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.start.isoformat() == "2016-10-26T07:00:00+00:00"
    assert event.programme.get().title == "Inledning"


@pytest.mark.parametrize(
    ("action", "field", "expected"),
    [
        ("publish_now", "status", "published"),
        ("unpublish", "status", "draft"),
        ("cancel", "event_status", "installd"),
    ],
)
def test_actions_change_events_and_write_the_admin_log(
    admin_client, admin_user, action, field, expected
):
    """Each action changes the events, raises SEQUENCE and logs one entry per event."""
    events = [make_event(published=expected != "published") for _ in range(2)]
    response = admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": action, "_selected_action": [event.pk for event in events]},
    )
    assert response.status_code == 302
    for event in events:
        event.refresh_from_db()
        assert getattr(event, field) == expected
        assert event.sequence == 1
        entry = LogEntry.objects.get(object_id=str(event.pk))
        assert entry.user == admin_user and entry.action_flag == CHANGE


@pytest.mark.parametrize("query", ["", "konferens", "a\x00b", "%", "x" * 1000])
def test_changelist_with_filters_and_search(admin_client, query):
    """The changelist loads with filters and any search text (NUL bytes too)."""
    make_event(title="Konferens")
    response = admin_client.get(
        reverse("admin:events_event_changelist"),
        {"q": query, "kind__exact": "konferens"},
        follow=True,
    )
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["venue", "organisation"])
def test_venues_and_organisations_are_in_admin(admin_client, model):
    """Venues and organisations have their own admin pages."""
    make_event()
    assert (
        admin_client.get(
            reverse(f"admin:events_{model}_changelist"), {"q": "a\x00"}, follow=True
        ).status_code
        == 200
    )
    assert admin_client.get(reverse(f"admin:events_{model}_add")).status_code == 200


def test_change_form_loads(admin_client):
    """The change form with the programme inline renders."""
    event = make_event()
    response = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert response.status_code == 200
    assert "programme-TOTAL_FORMS" in response.content.decode()
