"""Consent records (issue 16, item 4): limited per client like comments, and purged after retention."""

import datetime
import logging
import uuid
from unittest import mock

import pytest
import redis
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from kkn_portal.consent import registry
from kkn_portal.consent.models import ConsentRecord

pytestmark = pytest.mark.django_db

CHOICES = ["consent:accept-all", "consent:reject-all", "consent:save"]


def choose(browser, url_name="consent:accept-all", address="192.0.2.7", **headers):
    """One consent post from ``address``, as the banner sends it without JavaScript."""
    return browser.post(reverse(url_name), {"next": "/"}, REMOTE_ADDR=address, **headers)


def test_a_hundred_anonymous_posts_write_at_most_the_limit(browser, settings):
    """100 choices from one client: 20 recorded (20/m), the other 80 get 429 and change nothing."""
    settings.CONSENT_RATE_LIMIT = "20/m,500/d"
    statuses = [choose(browser, CHOICES[n % 3]).status_code for n in range(100)]
    assert statuses[:20] == [303] * 20
    assert set(statuses[20:]) == {429}
    assert ConsentRecord.objects.count() == 20


def test_refused_choice_is_explained_and_sets_nothing(browser, settings):
    """The 429 says when to try again, in Swedish, with no consent cookie and no record."""
    settings.CONSENT_RATE_LIMIT = "1/m"
    choose(browser)
    refused = choose(browser, HTTP_X_CONSENT_FETCH="1")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert registry.CONSENT_COOKIE_NAME not in refused.cookies
    assert "För många val om kakor" in refused.content.decode()
    assert ConsentRecord.objects.count() == 1


def test_rotating_64_is_one_client(browser, settings):
    """Walking through a /64 does not reset the count."""
    settings.CONSENT_RATE_LIMIT = "3/m"
    statuses = [choose(browser, address=f"2001:db8:5:6::{n:x}").status_code for n in range(1, 6)]
    assert statuses == [303, 303, 303, 429, 429]


def test_other_clients_are_not_affected(browser, settings):
    """One client over its limit leaves another address free to choose."""
    settings.CONSENT_RATE_LIMIT = "1/m"
    assert choose(browser, address="192.0.2.1").status_code == 303
    assert choose(browser, address="192.0.2.1").status_code == 429
    assert choose(browser, address="192.0.2.2").status_code == 303


def test_unreachable_shared_cache_still_records_the_choice(browser, caplog):
    """Redis down: the choice is stored with its record (not counted), and a warning logged."""
    down = redis.exceptions.ConnectionError("Connection refused")
    with (
        mock.patch("kkn_portal.ratelimit.register", side_effect=down),
        caplog.at_level(logging.WARNING, logger="kkn_portal.consent.views"),
    ):
        response = choose(browser)
    assert response.status_code == 303
    assert registry.CONSENT_COOKIE_NAME in response.cookies
    assert ConsentRecord.objects.count() == 1
    assert "rate limit unavailable" in caplog.text


def record(days_ago):
    """A consent record made ``days_ago`` days ago."""
    return ConsentRecord.objects.create(
        consent_id=uuid.uuid4(),
        policy_version="1",
        categories=[],
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_default_retention_is_the_choice_plus_a_year(settings):
    """180 days of validity plus a 365-day margin."""
    assert settings.CONSENT_RECORD_RETENTION_DAYS == 545


def test_purge_deletes_only_records_past_retention(settings):
    """Records older than the retention go; the rest (every still valid choice) stay."""
    settings.CONSENT_RECORD_RETENTION_DAYS = 545
    old, kept, recent = record(600), record(500), record(1)
    call_command("purge_consent_records", verbosity=0)
    assert set(ConsentRecord.objects.all()) == {kept, recent}
    assert old.pk not in ConsentRecord.objects.values_list("pk", flat=True)


def test_purge_dry_run_deletes_nothing(settings, capsys):
    """--dry-run counts and keeps."""
    settings.CONSENT_RECORD_RETENTION_DAYS = 200
    record(300)
    call_command("purge_consent_records", "--dry-run")
    assert "1 samtyckesposter" in capsys.readouterr().out
    assert ConsentRecord.objects.count() == 1


def test_purge_keeps_everything_when_retention_is_zero(settings):
    """0 means keep every record."""
    settings.CONSENT_RECORD_RETENTION_DAYS = 0
    record(5000)
    call_command("purge_consent_records", verbosity=0)
    assert ConsentRecord.objects.count() == 1


def test_purge_refuses_a_retention_shorter_than_a_choice(settings):
    """Proof must outlive the choice it proves: less than 180 days is an error, nothing deleted."""
    settings.CONSENT_RECORD_RETENTION_DAYS = 30
    record(100)
    with pytest.raises(CommandError):
        call_command("purge_consent_records")
    assert ConsentRecord.objects.count() == 1
