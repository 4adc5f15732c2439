"""The rate limiter: parsing, sliding windows, hashed keys and the database cache."""

import datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from feedback.ratelimit import Limit, client_key, register_post


@pytest.fixture
def request_from():
    """A request from a given client address."""

    def make(address="192.0.2.5"):
        return RequestFactory().post("/kommentera/", REMOTE_ADDR=address)

    return make


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5/m", Limit(5, 60)), ("50/d", Limit(50, 86400)), (" 3/hour", Limit(3, 3600))],
)
def test_limits_parse(text, expected):
    """'5/m' is five a minute, '50/d' fifty a day."""
    assert Limit.parse(text) == expected


def test_key_is_a_hash_not_the_address(request_from):
    """The cache key does not contain the address and differs per address."""
    key = client_key(request_from("192.0.2.5"))
    assert "192.0.2.5" not in key and len(key) == 32
    assert key != client_key(request_from("192.0.2.6"))


def test_previous_bucket_still_counts(request_from, settings):
    """Five posts just before a minute boundary and one just after: the sixth is refused."""
    settings.FEEDBACK_RATE_LIMIT = "5/m"
    boundary = 1_800_000_000 // 60 * 60
    for second in range(5):
        assert register_post(request_from(), now=boundary - 5 + second) == 0
    assert register_post(request_from(), now=boundary + 1) > 0
    assert register_post(request_from(), now=boundary + 125) == 0  # two minutes on: allowed


@pytest.mark.django_db
def test_day_counter_keeps_its_expiry_on_the_database_cache(request_from, settings):
    """On the database cache a counter keeps a day-long life (generic incr would cut it to 5 min)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "feedback_test_cache",
        }
    }
    settings.FEEDBACK_RATE_LIMIT = "2/d"
    call_command("createcachetable", verbosity=0)
    try:
        waits = [register_post(request_from()) for _ in range(3)]
        assert waits[:2] == [0, 0] and waits[2] > 0
        with connection.cursor() as cursor:
            cursor.execute("SELECT expires FROM feedback_test_cache")
            [(expires,)] = cursor.fetchall()
        if isinstance(expires, str):
            expires = datetime.datetime.fromisoformat(expires)
        if timezone.is_naive(expires):
            expires = expires.replace(tzinfo=datetime.UTC)
        assert expires > timezone.now() + datetime.timedelta(hours=23)
    finally:
        caches["default"].clear()
