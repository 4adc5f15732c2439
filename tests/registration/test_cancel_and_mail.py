"""E-mails (locmem), the signed cancel link, and promotion from the waiting list."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.utils import timezone

from events.registration import booking
from events.registration.links import cancel_signature
from events.registration.models import Registration

from .helpers import (
    cancel_path,
    make_registrable,
    make_registration,
    register_url,
    registration_data,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/evenemang/[^/]+/anmalan/avboka/[^/\s]+/)")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run after-commit callbacks (the e-mails) as a real commit would."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture


def _cancel_path(message):
    return LINK.search(message.body).group(1)


def test_confirmation_mail_has_details_ics_and_cancel_link(client, captcha_ok, on_commit):
    event = make_registrable(title="Dialogdag i Luleå", capacity=3)
    with on_commit():
        client.post(register_url(event), registration_data())
    (message,) = mail.outbox
    assert message.to == ["alva@example.se"]
    assert message.subject == "Bekräftad anmälan: Dialogdag i Luleå"
    assert "Du är anmäld till:" in message.body and "Acusticum 4, 941 63 Piteå" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == f"{event.slug}.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and "SUMMARY:Dialogdag i Luleå" in content
    assert _cancel_path(message)


def test_waiting_list_mail_gives_the_number(client, captcha_ok, on_commit):
    event = make_registrable(capacity=1)
    make_registration(event)
    with on_commit():
        client.post(register_url(event), registration_data())
    assert mail.outbox[0].subject.startswith("Väntelista:")
    assert "som nummer 1" in mail.outbox[0].body


def test_cancel_link_asks_then_cancels_and_promotes_the_first_waiting(
    client, captcha_ok, on_commit
):
    """GET shows a button; POST frees the seat; the first on the list gets it and an e-mail."""
    event = make_registrable(capacity=1)
    with on_commit():
        client.post(register_url(event), registration_data())
    path = _cancel_path(mail.outbox[0])
    first = make_registration(event, status="vantelista", email="forst@example.se")
    second = make_registration(event, status="vantelista", email="andra@example.se")
    mail.outbox.clear()

    page = client.get(path)
    assert page.status_code == 200 and "Ja, avboka min anmälan" in page.content.decode()
    assert Registration.objects.get(email="alva@example.se").is_confirmed

    with on_commit():
        response = client.post(path)
    assert response.status_code == 303
    assert "Din anmälan är avbokad" in client.get(response["Location"]).content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert Registration.objects.get(email="alva@example.se").is_cancelled
    assert first.is_confirmed and second.is_waiting
    assert second.waiting_position() == 1
    (message,) = mail.outbox
    assert message.to == ["forst@example.se"]
    assert message.subject.startswith("Du har fått en plats:")
    # The event page counts the seat as taken again, by the promoted person.
    assert (
        "Fullbokat – ställ dig på väntelistan"
        in client.get(event.get_absolute_url()).content.decode()
    )


def test_cancelling_frees_a_seat_when_nobody_waits(client):
    event = make_registrable(capacity=2)
    registration = make_registration(event)
    make_registration(event)
    assert "Fullbokat" in client.get(event.get_absolute_url()).content.decode()
    booking.cancel(registration)
    assert "1 plats kvar" in client.get(event.get_absolute_url()).content.decode()


def test_cancelling_twice_changes_nothing(client):
    event = make_registrable(capacity=1)
    registration = make_registration(event)
    waiting = make_registration(event, status="vantelista")
    assert booking.cancel(registration) == [waiting]
    assert booking.cancel(registration) == []
    path = cancel_path(registration)
    assert "redan avbokad" in client.get(path).content.decode()


@pytest.mark.parametrize(
    "signed",
    [
        "inte-en-signatur",
        signing.dumps("fel-hemlighet", salt="events.registration.cancel"),
        signing.dumps("x", salt="annat-syfte"),
    ],
    ids=["garbage", "unknown-secret", "other-salt"],
)
def test_forged_link_gives_a_clear_message(client, signed):
    event = make_registrable()
    registration = make_registration(event)
    response = client.get(f"/evenemang/{event.slug}/anmalan/avboka/{signed}/")
    assert response.status_code == 400
    assert "Länken är inte giltig" in response.content.decode()
    assert client.post(f"/evenemang/{event.slug}/anmalan/avboka/{signed}/").status_code == 400
    registration.refresh_from_db()
    assert registration.is_confirmed


def test_a_changed_link_is_refused(client):
    event = make_registrable()
    registration = make_registration(event)
    signed = cancel_signature(registration)
    tampered = signed[:-3] + ("AAA" if not signed.endswith("AAA") else "BBB")
    response = client.get(f"/evenemang/{event.slug}/anmalan/avboka/{tampered}/")
    assert response.status_code == 400
    other = make_registrable()
    assert client.get(f"/evenemang/{other.slug}/anmalan/avboka/{signed}/").status_code == 400


def test_link_expires_when_the_event_is_over(client):
    start = timezone.now() - timedelta(days=2)
    event = make_registrable(start=start, end=start + timedelta(hours=3))
    registration = make_registration(event)
    path = cancel_path(registration)
    response = client.get(path)
    assert response.status_code == 410
    assert "Evenemanget har redan ägt rum" in response.content.decode()
    assert client.post(path).status_code == 410
    registration.refresh_from_db()
    assert registration.is_confirmed


def test_cancel_post_from_another_site_is_refused(captcha_ok):
    from tests.clients import FormClient

    event = make_registrable()
    registration = make_registration(event)
    path = cancel_path(registration)
    assert FormClient(HTTP_ORIGIN="https://evil.example").post(path).status_code == 403
    registration.refresh_from_db()
    assert registration.is_confirmed


def test_cancel_pages_are_private(client):
    event = make_registrable()
    registration = make_registration(event)
    path = cancel_path(registration)
    response = client.get(path)
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert not response.cookies


def test_a_mail_failure_keeps_the_registration_and_logs_no_personal_data(
    client, captcha_ok, on_commit, caplog
):
    """The sign-up is committed first; a broken mail server is logged by id only."""
    from unittest import mock

    error = OSError("550 recipient alva@example.se refused")
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=error), on_commit():
        response = client.post(register_url(event := make_registrable()), registration_data())
    assert response.status_code == 303
    assert event.registrations.get().is_confirmed
    assert "registration" in caplog.text
    assert "alva" not in caplog.text and "Alva" not in caplog.text
