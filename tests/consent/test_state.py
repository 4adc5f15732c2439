"""The consent cookie: what it holds, and which cookies count as no choice."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kkn_portal.consent import registry, state

from .factories import give_consent, make_consent, post_choice

pytestmark = pytest.mark.django_db


def signed(text):
    """Sign ``text`` exactly as the site does, to test what it accepts."""
    return signing.Signer(salt=state.SALT).sign(text)


def today():
    return timezone.localdate().strftime("%Y%m%d")


def tampered(consent, **changes):
    """``consent``'s cookie with one part edited but the old signature kept."""
    text, signature = state.dumps(consent).rsplit(":", 1)
    version, categories, day, consent_id = text.split(".")
    parts = {"version": version, "categories": categories, "day": day, "id": consent_id}
    parts.update(changes)
    return ".".join(parts.values()) + ":" + signature


def test_cookie_holds_only_version_categories_date_and_random_id(client):
    """C1.11: the value holds exactly those four parts; the date has day precision."""
    response = post_choice(client, "consent:save", {"statistik": "on"})
    morsel = response.cookies[registry.CONSENT_COOKIE_NAME]
    text = signing.Signer(salt=state.SALT).unsign(morsel.value)
    version, categories, day, consent_id = text.split(".")
    assert version == "1"
    assert categories == "statistik"
    assert day == today()
    assert len(consent_id) == 32 and int(consent_id, 16) >= 0


def test_cookie_starts_with_the_variant_a_proxy_keys_on(client):
    """The readable front of the value is ``Consent.variant`` (deploy/nginx.conf reads it)."""
    response = post_choice(client, "consent:accept-all")
    value = response.cookies[registry.CONSENT_COOKIE_NAME].value
    assert value.startswith("1.externa+statistik.")
    assert state.loads(value).variant == "1.externa+statistik"
    rejected = post_choice(client, "consent:reject-all").cookies[registry.CONSENT_COOKIE_NAME]
    assert state.loads(rejected.value).variant == "1.-"
    assert state.NO_CHOICE.variant == "-"


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
    """C1.11: at most six months, HttpOnly, SameSite=Lax, Path=/ and no Domain."""
    chosen = datetime.datetime(2026, 3, 1, 21, 30, tzinfo=datetime.UTC)
    with time_machine.travel(chosen, tick=False):
        morsel = post_choice(client, "consent:reject-all").cookies[registry.CONSENT_COOKIE_NAME]
    # Chosen at 22.30 on 1 March, Swedish time: valid until midnight 180 days on
    # (28 August, summer time), below 6 calendar months and never past the site's own expiry.
    expires = chosen + datetime.timedelta(seconds=morsel["max-age"])
    assert expires == timezone.make_aware(datetime.datetime(2026, 8, 28))
    assert morsel["max-age"] < 15552000
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
        "1.statistik.20260101." + "a" * 32,
        # A real signature over other content does not carry over.
        tampered(make_consent({"statistik"}), categories="externa+statistik"),
        # Signed by someone else's key.
        signing.Signer(key="not-our-key", salt=state.SALT).sign("1.-.20260101." + "a" * 32),
    ],
    ids=["empty", "garbage", "unsigned", "tampered", "foreign-key"],
)
def test_forged_cookie_is_no_choice(value):
    """A tampered or foreign cookie counts as no choice."""
    assert state.loads(value) is state.NO_CHOICE


@pytest.mark.parametrize(
    "template",
    [
        "1.-.{day}.{id}.extra",
        "1.marknadsforing.{day}.{id}",
        "1.statistik+externa.{day}.{id}",
        "1.statistik+statistik.{day}.{id}",
        "1..{day}.{id}",
        "1.-.{day}.not-a-uuid",
        "1.-.{day}." + "A" * 32,
        "1.-.20261345.{id}",
        "1.-..{id}",
        "1.-.{day}",
    ],
    ids=[
        "extra-part",
        "unknown-category",
        "unsorted-categories",
        "repeated-category",
        "empty-categories",
        "bad-id",
        "upper-case-id",
        "bad-date",
        "no-date",
        "no-id",
    ],
)
def test_malformed_signed_cookie_is_no_choice(template):
    """Even a correctly signed value must have exactly the expected shape."""
    text = template.format(day=today(), id="a" * 32)
    assert state.loads(signed(text)) is state.NO_CHOICE


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
    client.cookies[registry.CONSENT_COOKIE_NAME] = tampered(make_consent(), categories="statistik")
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


def test_browser_drops_the_cookie_when_the_site_stops_counting_it():
    """Max-Age ends at the local midnight at which ``loads`` turns the choice into no choice."""
    chosen = datetime.datetime(2026, 6, 10, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(chosen, tick=False):
        consent = state.Consent.new({"statistik"})
        value, seconds = state.dumps(consent), state.seconds_left(consent)
    last_moment = chosen + datetime.timedelta(seconds=seconds - 1)
    with time_machine.travel(last_moment, tick=False):
        assert state.loads(value).has_chosen
    with time_machine.travel(last_moment + datetime.timedelta(seconds=1), tick=False):
        assert not state.loads(value).has_chosen


@pytest.mark.parametrize(
    "header",
    [
        "kkn_consent={value}; kkn_consent={value}",
        "KKN_CONSENT={other}; kkn_consent={value}",
        'kkn_consent="{value}"',
        "kkn_consent ={value}",
        "kkn_consent={other}; x=1; kkn_consent={value}",
    ],
    ids=["twice", "other-case-first", "quoted", "space", "two-values"],
)
def test_a_header_a_proxy_could_read_otherwise_is_not_trusted(rf, header):
    """Only one plainly written consent cookie may key a shared page; anything else is private."""
    value = state.dumps(make_consent({"statistik"}))
    other = state.dumps(make_consent())
    request = rf.get("/", HTTP_COOKIE=header.format(value=value, other=other))
    _consent, trusted = state.from_request_checked(request)
    assert not trusted


def test_one_plain_cookie_among_others_is_trusted(rf):
    """The usual header: the consent cookie once, other cookies around it."""
    value = state.dumps(make_consent({"statistik"}))
    request = rf.get("/", HTTP_COOKIE=f"_pk_id.3.ab=x; kkn_consent={value}; theme=dark")
    consent, trusted = state.from_request_checked(request)
    assert trusted and consent.variant == "1.statistik"
