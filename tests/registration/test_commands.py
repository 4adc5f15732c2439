"""send_event_reminders (once, the day before) and purge_registrations (needs, retention)."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from events.models import Event
from events.registration.models import Registration

from .helpers import make_registrable, make_registration

pytestmark = pytest.mark.django_db


def _run(name, *args):
    out = StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def _starting_in(hours, **kwargs):
    start = timezone.now() + timedelta(hours=hours)
    return make_registrable(start=start, end=start + timedelta(hours=3), **kwargs)


def test_reminders_go_once_to_confirmed_participants_the_day_before():
    tomorrow = _starting_in(20, title="Dialogdag")
    confirmed = make_registration(tomorrow, email="kommer@example.se")
    make_registration(tomorrow, status="vantelista")
    make_registration(tomorrow, status="avbokad")
    make_registration(_starting_in(72))  # too early
    make_registration(_starting_in(20, published=False))  # not public

    assert "1 påminnelser skickade" in _run("send_event_reminders")
    (message,) = mail.outbox
    assert message.to == ["kommer@example.se"]
    assert message.subject == "Påminnelse: Dialogdag i morgon"
    assert message.attachments and "avboka" in message.body
    confirmed.refresh_from_db()
    assert confirmed.reminded_at is not None

    # Safe every hour: the next runs send nothing new.
    _run("send_event_reminders")
    _run("send_event_reminders")
    assert len(mail.outbox) == 1


def test_cancelled_event_gets_no_reminder():
    make_registration(_starting_in(10, event_status=Event.EventStatus.CANCELLED))
    _run("send_event_reminders")
    assert mail.outbox == []


def test_a_failed_reminder_is_tried_again_next_run(monkeypatch):
    from events.registration import emails

    registration = make_registration(_starting_in(5))
    monkeypatch.setattr(emails, "deliver", lambda build, pk: False)
    assert "0 påminnelser skickade, 1 misslyckades" in _run("send_event_reminders")
    registration.refresh_from_db()
    assert registration.reminded_at is None
    monkeypatch.undo()
    _run("send_event_reminders")
    assert len(mail.outbox) == 1


def test_dry_run_sends_nothing():
    make_registration(_starting_in(5))
    assert "1" in _run("send_event_reminders", "--dry-run")
    assert mail.outbox == []
    assert Registration.objects.filter(reminded_at__isnull=True).count() == 1


def _ended(days_ago):
    end = timezone.now() - timedelta(days=days_ago)
    return make_registrable(start=end - timedelta(hours=4), end=end)


def test_needs_are_erased_the_day_after_the_event(caplog):
    yesterday = _ended(1)
    ended_today = make_registrable(
        start=timezone.now() - timedelta(minutes=30), end=timezone.now() - timedelta(minutes=1)
    )
    future = make_registrable()
    old = make_registration(yesterday, needs="Glutenfritt, rullstol")
    today = make_registration(ended_today, needs="Halal")
    coming = make_registration(future, needs="Vegansk")
    with caplog.at_level(logging.INFO):
        _run("purge_registrations")
    old.refresh_from_db()
    today.refresh_from_db()
    coming.refresh_from_db()
    # "The day after": an event that ended earlier today keeps it until midnight.
    if timezone.localdate(ended_today.end) == timezone.localdate():
        assert today.needs == "Halal"
    assert old.needs == "" and coming.needs == "Vegansk"
    assert "Glutenfritt" not in caplog.text and old.name not in caplog.text


@override_settings(REGISTRATION_RETENTION_DAYS=90)
def test_registrations_are_deleted_after_the_retention(caplog):
    old = make_registration(_ended(91))
    kept = make_registration(_ended(89))
    with caplog.at_level(logging.INFO, logger="events.registration.retention"):
        output = _run("purge_registrations")
    assert not Registration.objects.filter(pk=old.pk).exists()
    assert Registration.objects.filter(pk=kept.pk).exists()
    assert "1 anmälningar raderade" in output
    assert "1 deleted" in caplog.text
    assert old.email not in caplog.text and old.name not in caplog.text


@override_settings(REGISTRATION_RETENTION_DAYS=0)
def test_zero_retention_keeps_registrations():
    registration = make_registration(_ended(400))
    _run("purge_registrations")
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_purge_dry_run_changes_nothing():
    registration = make_registration(_ended(200), needs="Nötallergi")
    assert "Torrkörning" in _run("purge_registrations", "--dry-run")
    registration.refresh_from_db()
    assert registration.needs == "Nötallergi"
