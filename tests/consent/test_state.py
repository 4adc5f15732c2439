"""The consent cookie: what it holds, and which cookies count as no choice."""

import datetime
import json

import pytest
import time_machine
from django.core import signing
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kkn_portal.consent import registry, state

from .factories import give_consent, make_consent, post_choice

pytestmark = pytest.mark.django_db


def signed(payload):
    """Sign ``payload`` exactly as the site does, to test what it accepts."""
    return signing.Signer(salt=state.SALT).sign_object(payload)


def tampered(consent, **changes):
    """``consent``'s cookie with its content edited but the old signature kept."""
    data, signature = state.dumps(consent).rsplit(":", 1)
    payload = json.loads(signing.b64_decode(data.encode()))
    edited = signing.b64_encode(json.dumps({**payload, **changes}).encode()).decode()
    return f"{edited}:{signature}"


def test_cookie_holds_only_version_categories_date_and_random_id(client):
    """C1.11: the value parses to the allowed keys; the date has day precision."""
    response = post_choice(client, "consent:save", {"statistik": "on"})
    morsel = response.cookies[registry.CONSENT_COOKIE_NAME]
    payload = signing.Signer(salt=state.SALT).unsign_object(morsel.value)
    assert set(payload) == {"v", "c", "d", "id"}
    assert payload["v"] == "1"
    assert payload["c"] == ["statistik"]
    assert payload["d"] == timezone.localdate().isoformat()
    assert len(payload["id"]) == 32 and int(payload["id"], 16) >= 0


def test_consent_id_is_fresh_for_every_choice(client):
    """The id is random per choice, so it cannot follow a visitor across choices."""
    first = state.loads(
        post_choice(client, "consent:accept-all").cookies[registry.CONSENT_COOKIE_NAME].value
    )
    second = state.loads(
        post_choice(client, "consent:accept-all").cookies[registry.CONSENT_COOKIE_NAME].value
    )
    assert first.consent_id != second.consent_id


def test_cookie_attributes_over_http(client):
    """C1.11: six months, HttpOnly, SameSite=Lax, Path=/ and no Domain."""
    morsel = post_choice(client, "consent:reject-all").cookies[registry.CONSENT_COOKIE_NAME]
    assert morsel["max-age"] == 15552000  # 180 days, below 6 calendar months
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Lax"
    assert morsel["path"] == "/"
    assert morsel["domain"] == ""


def test_cookie_is_secure_over_https(client):
    """C1.11: the consent cookie carries Secure when the request is HTTPS."""
    response = client.post(
        reverse("consent:reject-all"), {}, secure=True, HTTP_ORIGIN="https://testserver"
    )
    assert response.cookies[registry.CONSENT_COOKIE_NAME]["secure"] is True


def test_valid_cookie_is_read():
    """A cookie the site signed today reads back as the same choice."""
    consent = make_consent({"statistik"})
    assert state.loads(state.dumps(consent)) == consent


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        '{"v": "1", "c": ["statistik"], "d": "2026-01-01", "id": "0"}',
        # A real signature over other content does not carry over.
        tampered(make_consent({"statistik"}), c=["statistik", "externa"]),
        # Signed by someone else's key.
        signing.Signer(key="not-our-key", salt=state.SALT).sign_object(
            {"v": "1", "c": [], "d": "2026-01-01", "id": "a" * 32}
        ),
    ],
    ids=["empty", "garbage", "unsigned", "tampered", "foreign-key"],
)
def test_forged_cookie_is_no_choice(value):
    """A tampered or foreign cookie counts as no choice."""
    assert state.loads(value) is state.NO_CHOICE


@pytest.mark.parametrize(
    "changes",
    [
        {"ip": "192.0.2.1"},
        {"c": ["marknadsforing"]},
        {"c": "statistik"},
        {"id": "not-a-uuid"},
        {"id": 12},
        {"d": "2026-13-45"},
        {"d": None},
    ],
    ids=[
        "extra-key",
        "unknown-category",
        "categories-not-list",
        "bad-id",
        "id-int",
        "bad-date",
        "no-date",
    ],
)
def test_malformed_signed_cookie_is_no_choice(changes):
    """Even a correctly signed value must have exactly the expected shape."""
    payload = {"v": "1", "c": [], "d": timezone.localdate().isoformat(), "id": "a" * 32}
    assert state.loads(signed({**payload, **changes})) is state.NO_CHOICE


def test_old_policy_version_is_no_choice():
    """A choice made under another policy version is asked again."""
    assert state.loads(state.dumps(make_consent(version="0"))) is state.NO_CHOICE


def test_bumping_policy_version_shows_banner_again(client):
    """C1.11: after COOKIE_POLICY_VERSION changes, the banner is back."""
    give_consent(client, {"statistik"})
    assert b"data-consent-banner" not in client.get(reverse("home")).content
    with override_settings(COOKIE_POLICY_VERSION="2"):
        assert b"data-consent-banner" in client.get(reverse("home")).content


def test_choice_expires_after_six_months(client):
    """A choice is valid for 180 days and then counts as no choice."""
    with time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)):
        give_consent(client, {"statistik"})
    with time_machine.travel(datetime.datetime(2026, 8, 27, 12, tzinfo=datetime.UTC)):
        assert b"data-consent-banner" not in client.get(reverse("home")).content
    with time_machine.travel(datetime.datetime(2026, 8, 28, 12, tzinfo=datetime.UTC)):
        assert b"data-consent-banner" in client.get(reverse("home")).content


def test_date_in_the_future_is_no_choice():
    """A date after today cannot come from this site."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert state.loads(state.dumps(make_consent(chosen_on=tomorrow))) is state.NO_CHOICE


def test_forged_cookie_shows_banner(client):
    """A forged consent cookie shows the banner again and enables nothing."""
    client.cookies[registry.CONSENT_COOKIE_NAME] = tampered(make_consent(), c=["statistik"])
    response = client.get(reverse("home"))
    assert b"data-consent-banner" in response.content
    assert not response.wsgi_request.consent.allows("statistik")


def test_necessary_is_always_allowed_optional_only_when_chosen():
    """``allows``: necessary always, optional categories only when accepted."""
    assert state.NO_CHOICE.allows(registry.NECESSARY)
    assert not state.NO_CHOICE.allows(registry.STATISTICS)
    consent = make_consent({registry.STATISTICS})
    assert consent.allows(registry.STATISTICS) and not consent.allows(registry.EXTERNAL)
    assert consent.allowed == {"nodvandiga": True, "statistik": True, "externa": False}
