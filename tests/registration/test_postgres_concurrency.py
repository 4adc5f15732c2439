"""Capacity under concurrent sign-ups, on PostgreSQL (row locks are what is tested).

SQLite serialises every writer on the whole database and has no
``SELECT … FOR UPDATE``, so the race this guards against cannot happen there.
"""

import threading

import pytest
from django.db import connection, connections

from events.registration import booking
from events.registration.models import Registration

from .helpers import make_registrable

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent row locking needs PostgreSQL; SQLite serialises all writers",
    ),
]

SEATS, PEOPLE = 10, 30


def test_thirty_concurrent_sign_ups_for_ten_seats():
    """Exactly 10 confirmed and 20 waiting, the waiting list in order of arrival."""
    event = make_registrable(capacity=SEATS)
    start = threading.Barrier(PEOPLE)
    errors = []

    def sign_up(number):
        try:
            start.wait()
            booking.register(
                event,
                name=f"Person {number}",
                email=f"person{number}@example.se",
                organisation="Exempel AB",
            )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    rows = list(Registration.objects.filter(event=event).order_by("created_at", "pk"))
    statuses = [row.status for row in rows]
    # Arrival = the order the event's lock was granted, which stamps created_at.
    assert statuses == ["bekraftad"] * SEATS + ["vantelista"] * (PEOPLE - SEATS)
    assert [row.waiting_position() for row in rows[SEATS:]] == list(range(1, PEOPLE - SEATS + 1))
    assert [row.pk for row in rows] == sorted(row.pk for row in rows)
