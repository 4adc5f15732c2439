"""IPv6 rotation (issue 16, item 2): every limit counts a /64 as one client, IPv4 per address.

The limits: comments, "Hjälpte informationen dig?", registrations, consent
(test_consent_limit.py) and the admin login lockout.
"""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from events.registration.models import Registration
from feedback.models import Comment, HelpfulnessCount
from kkn_portal.client_ip import address_group, client_group, client_key
from tests.admin.factories import PASSWORD, make_user
from tests.feedback.helpers import patch_captcha, post_data
from tests.registration.helpers import make_registrable, register_url, registration_data

# Six addresses of one /64, as SLAAC privacy addresses or a deliberate walk give them.
ROTATING_64 = [f"2001:db8:1:2:{n:x}:{n * 7:x}:{n * 13:x}:{n * 31:x}" for n in range(1, 7)]


@pytest.mark.parametrize(
    ("address", "group"),
    [
        ("192.0.2.1", "192.0.2.1"),
        ("192.0.2.2", "192.0.2.2"),
        ("2001:db8:1:2::1", "2001:db8:1:2::"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::"),
        ("2001:DB8:1:2:0:0:0:1", "2001:db8:1:2::"),
        ("2001:db8:1:3::1", "2001:db8:1:3::"),
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("::1", "::"),
        ("", ""),
        ("not-an-address", "not-an-address"),
    ],
)
def test_address_groups(address, group):
    """IPv4 stays itself; IPv6 becomes the first address of its /64; garbage passes through."""
    assert address_group(address) == group


def test_every_address_of_a_64_has_one_key_and_neighbouring_ipv4_do_not():
    """The cache key a limit counts under is the same across a /64, and differs per IPv4 address."""
    factory = RequestFactory()
    keys = {client_key(factory.post("/", REMOTE_ADDR=address), "x") for address in ROTATING_64}
    assert len(keys) == 1
    ipv4 = {client_key(factory.post("/", REMOTE_ADDR=f"192.0.2.{n}"), "x") for n in range(1, 7)}
    assert len(ipv4) == 6


def test_group_follows_the_trusted_proxy(settings):
    """Behind one proxy the group comes from the address the proxy saw, never a forged entry."""
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.9, 2001:db8:9:9::42"
    )
    assert client_group(request) == "2001:db8:9:9::"


@pytest.mark.django_db
def test_rotating_64_hits_the_comment_rate_limit(browser, settings):
    """Five comments a minute per client: the sixth from a new address of the same /64 gets 429."""
    settings.FEEDBACK_RATE_LIMIT = "5/m"
    statuses = []
    with patch_captcha():
        for number, address in enumerate(ROTATING_64):
            response = browser.post(
                reverse("feedback:post"), post_data(text=f"Kommentar {number}"), REMOTE_ADDR=address
            )
            statuses.append(response.status_code)
    assert statuses == [303] * 5 + [429]
    assert Comment.objects.count() == 5


@pytest.mark.django_db
def test_neighbouring_ipv4_addresses_are_separate_clients(browser, settings):
    """IPv4 is not grouped: a household behind one address does not share a neighbour's limit."""
    settings.FEEDBACK_RATE_LIMIT = "1/m"
    with patch_captcha():
        statuses = [
            browser.post(
                reverse("feedback:post"), post_data(text=f"Text {n}"), REMOTE_ADDR=f"192.0.2.{n}"
            ).status_code
            for n in range(1, 4)
        ]
    assert statuses == [303, 303, 303]


def test_axes_counts_the_group():
    """The admin lockout resolves clients through the grouping callable."""
    assert settings.AXES_CLIENT_IP_CALLABLE == "kkn_portal.client_ip.client_group"


@pytest.mark.django_db
def test_rotating_64_is_locked_out_of_the_admin(client):
    """Five wrong passwords from five addresses of one /64 lock a sixth address of it.

    Even the right password is refused there, while another /64 may still log in.
    """
    make_user()
    url = reverse("admin:login")

    def login(password, address):
        """One login attempt from ``address``; its status code."""
        data = {"username": "redaktor", "password": password, "next": reverse("admin:index")}
        return client.post(url, data, REMOTE_ADDR=address).status_code

    failures = [login("fel-lösenord", address) for address in ROTATING_64[:5]]
    assert failures[-1] == 429
    assert login(PASSWORD, ROTATING_64[5]) == 429
    assert login(PASSWORD, "2001:db8:1:3::1") == 302


@pytest.mark.django_db
def test_rotating_64_hits_the_helpfulness_limit(browser, settings):
    """Three yes/no answers a minute per client: a new address of the same /64 is the same client."""
    settings.FEEDBACK_HELPFUL_RATE_LIMIT = "3/m"
    statuses = [
        browser.post(
            reverse("feedback:helpful"), {"page_path": "/", "answer": "ja"}, REMOTE_ADDR=address
        ).status_code
        for address in ROTATING_64[:4]
    ]
    assert statuses == [303, 303, 303, 429]
    assert HelpfulnessCount.objects.get().yes == 3
    other = browser.post(
        reverse("feedback:helpful"),
        {"page_path": "/", "answer": "ja"},
        REMOTE_ADDR="2001:db8:1:3::1",
    )
    assert other.status_code == 303


@pytest.mark.django_db
def test_rotating_64_hits_the_registration_limit(browser, settings):
    """Two sign-ups a minute per client: the third, from another address of the /64, gets 429."""
    settings.REGISTRATION_RATE_LIMIT = "2/m"
    event = make_registrable()
    with patch_captcha():
        statuses = [
            browser.post(
                register_url(event),
                registration_data(email=f"person{number}@example.se"),
                REMOTE_ADDR=address,
            ).status_code
            for number, address in enumerate(ROTATING_64[:3])
        ]
    assert statuses == [303, 303, 429]
    assert Registration.objects.count() == 2
