"""Migration 0009: each last registration date becomes the instant the old code closed at.

The conversions are tested directly over two years of days (both DST
changes), and the migration itself is run backwards and forwards on the
test database with old and new rows.
"""

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from .factories import STOCKHOLM

migration = importlib.import_module("events.migrations.0009_registration_closes_at")

BEFORE = [("events", "0008_publication_status")]
AFTER = [("events", "0009_registration_closes_at")]
UTC = datetime.UTC


def old_end_of_day(day):
    """What events/registration/settings.py closed at before 0009 (``end_of_day``)."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following)


def days():
    """Every day of 2030 and 2031."""
    first = datetime.date(2030, 1, 1)
    return [first + datetime.timedelta(days=n) for n in range(730)]


def test_each_day_closes_exactly_when_it_did_and_comes_back():
    """Forwards: the old end of the day; backwards: the same date again."""
    zone = timezone.get_default_timezone()
    for day in days():
        instant = migration.closing_instant(day, zone)
        assert instant == old_end_of_day(day), day
        assert migration.last_open_day(instant, zone) == day


@pytest.mark.parametrize(
    ("day", "utc"),
    [
        # The day before summer time starts ends at 00.00 CET; the day it starts, at 00.00 CEST.
        (datetime.date(2031, 3, 29), datetime.datetime(2031, 3, 29, 23, 0, tzinfo=UTC)),
        (datetime.date(2031, 3, 30), datetime.datetime(2031, 3, 30, 22, 0, tzinfo=UTC)),
        (datetime.date(2031, 10, 25), datetime.datetime(2031, 10, 25, 22, 0, tzinfo=UTC)),
        (datetime.date(2031, 10, 26), datetime.datetime(2031, 10, 26, 23, 0, tzinfo=UTC)),
    ],
)
def test_the_end_of_a_day_is_swedish_midnight(day, utc):
    assert migration.closing_instant(day, STOCKHOLM) == utc


@pytest.mark.parametrize(
    ("local_time", "day"),
    [
        (datetime.datetime(2031, 12, 3, 12, 0), datetime.date(2031, 12, 3)),
        (datetime.datetime(2031, 12, 3, 0, 1), datetime.date(2031, 12, 3)),
        (datetime.datetime(2031, 12, 4, 0, 0), datetime.date(2031, 12, 3)),
    ],
)
def test_a_time_of_day_goes_back_as_the_day_it_falls_on(local_time, day):
    """12.00 on 3 December was last open on the 3rd; so was 00.00 on the 4th."""
    instant = local_time.replace(tzinfo=STOCKHOLM)
    assert migration.last_open_day(instant, STOCKHOLM) == day


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_event(Event, slug, deadline):
    start = datetime.datetime(2031, 12, 10, 8, 0, tzinfo=UTC)
    return Event.objects.create(
        title=slug,
        slug=slug,
        lead="Ingress.",
        start=start,
        end=start + datetime.timedelta(hours=6),
        registration_deadline=deadline,
    )


# Migrations cannot run inside the test's transaction (SQLite refuses schema
# changes there); like the other transactional tests it runs after the rest.
@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_dates_over_and_back():
    """Back to 0008, old rows with and without a date; forwards and backwards again."""
    try:
        old = _migrate(BEFORE).get_model("events", "Event")
        _old_event(old, "med-sista-dag", datetime.date(2031, 12, 3))
        _old_event(old, "utan-sista-dag", None)

        new = _migrate(AFTER).get_model("events", "Event")
        closes = dict(new.objects.values_list("slug", "registration_closes_at"))
        assert closes == {
            "med-sista-dag": datetime.datetime(2031, 12, 3, 23, 0, tzinfo=UTC),
            "utan-sista-dag": None,
        }
        new.objects.filter(slug="utan-sista-dag").update(
            registration_closes_at=datetime.datetime(2031, 12, 5, 11, 0, tzinfo=UTC)
        )

        old = _migrate(BEFORE).get_model("events", "Event")
        deadlines = dict(old.objects.values_list("slug", "registration_deadline"))
        assert deadlines == {
            "med-sista-dag": datetime.date(2031, 12, 3),
            "utan-sista-dag": datetime.date(2031, 12, 5),
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
