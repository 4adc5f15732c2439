"""Admin logins: lockout with django-axes, client address, session, passwords (C4.5, C4.6)."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.admin.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ADDRESS_A = "198.51.100.7"
ADDRESS_B = "203.0.113.9"


def login(client, password, username="redaktor", address=ADDRESS_A, **extra):
    """POST the admin login form from ``address``; return the response."""
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **extra,
    )


def fail(client, times, **kwargs):
    """Send ``times`` wrong passwords; return the status codes."""
    return [login(client, "fel-lösenord", **kwargs).status_code for _ in range(times)]


def test_settings_match_the_issue():
    """Five failures per username and address, 15 minutes, reset on success."""
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME * 60 == 15
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_four_failures_leave_the_login_open(client):
    """Up to four wrong passwords the login form answers with its error."""
    make_user()
    assert fail(client, 4) == [200] * 4
    assert login(client, PASSWORD).status_code == 302


def test_sixth_attempt_is_locked_even_with_the_right_password(client):
    """After five failures the next attempt, right or wrong, gets the lockout page.

    The fifth failure already answers with the lockout (5 failed logins lock
    the pair); the sixth wrong password and then the right one are refused.
    """
    make_user()
    assert fail(client, 5) == [200, 200, 200, 200, 429]
    sixth = login(client, "fel-lösenord")
    assert sixth.status_code == 429
    right = login(client, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assertLockoutPage(right)


def assertLockoutPage(response):
    """The Swedish lockout page from templates/admin/lockout.html."""
    html = response.content.decode()
    assert "admin/lockout.html" in [t.name for t in response.templates]
    assert '<html lang="sv"' in html
    assert "Inloggningen är tillfälligt låst" in html
    assert "15 minuter" in html
    assert "KKN-portalen – redaktion" in html


def test_lock_lasts_fifteen_minutes_after_the_last_attempt(client):
    """The right password fails until the cool-off has passed, then works."""
    make_user()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        fail(client, 5)
        traveller.shift(timedelta(minutes=14, seconds=59))
        # Refused, and (axes' default) an attempt during the lock restarts it.
        assert login(client, PASSWORD).status_code == 429
        traveller.shift(timedelta(minutes=14, seconds=59))
        assert login(client, PASSWORD).status_code == 429
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = login(client, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_lock_is_per_address(client):
    """A lock for the username from address A does not lock it from address B."""
    make_user()
    fail(client, 5, address=ADDRESS_A)
    assert login(client, PASSWORD, address=ADDRESS_A).status_code == 429
    assert login(client, PASSWORD, address=ADDRESS_B).status_code == 302


def test_lock_is_per_username(client):
    """Another editor at the same address (a shared office) is not locked."""
    make_user()
    make_user("kollega")
    fail(client, 5)
    assert login(client, PASSWORD, username="kollega").status_code == 302


def test_successful_login_resets_the_counter(client):
    """Four failures, a success, then four more failures: still not locked."""
    make_user()
    fail(client, 4)
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    assert fail(client, 4) == [200] * 4
    assert login(client, PASSWORD).status_code == 302


def test_forwarded_header_is_ignored_without_a_proxy(client, settings):
    """With no trusted proxy a forged X-Forwarded-For cannot dodge the lock."""
    settings.TRUSTED_PROXY_COUNT = 0
    make_user()
    for forged in ("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"):
        login(client, "fel", HTTP_X_FORWARDED_FOR=forged)
    response = login(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_forwarded_address_is_used_behind_one_proxy(client, settings):
    """Behind one proxy all clients share REMOTE_ADDR; the lock follows the client."""
    settings.TRUSTED_PROXY_COUNT = 1
    make_user()
    proxy = "10.0.0.2"
    fail(client, 5, address=proxy, HTTP_X_FORWARDED_FOR=ADDRESS_A)
    locked = login(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=ADDRESS_A)
    assert locked.status_code == 429
    # A client-written entry in front of the proxy's does not change the address.
    spoofed = login(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {ADDRESS_A}")
    assert spoofed.status_code == 429
    other = login(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=ADDRESS_B)
    assert other.status_code == 302


def test_staff_session_expires_after_eight_idle_hours(client):
    """Each request extends the session; eight hours without one ends it."""
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    user = make_user(is_superuser=True)
    index = reverse("admin:index")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client.force_login(user)
        for _ in range(3):
            traveller.shift(timedelta(hours=7, minutes=59))
            assert client.get(index).status_code == 200
        traveller.shift(timedelta(hours=8, minutes=1))
        response = client.get(index)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_logout_ends_the_session_on_the_server(client):
    """After logout the old session key no longer logs anyone in (C4.6)."""
    user = make_user(is_superuser=True)
    client.force_login(user)
    session_key = client.session.session_key
    client.post(reverse("admin:logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("kort1", "password_too_short"),
        ("password123456", "password_too_common"),
        ("12345678901234", "password_entirely_numeric"),
        ("redaktor1234", "password_too_similar"),
    ],
)
def test_weak_passwords_are_refused(password, code):
    """Each validator refuses its kind of weak password."""
    user = make_user()
    with pytest.raises(ValidationError) as refused:
        password_validation.validate_password(password, user)
    assert code in [error.code for error in refused.value.error_list]


def test_a_good_password_passes_the_validators():
    """A long passphrase is accepted, so the validators are not refusing everything."""
    password_validation.validate_password(PASSWORD, make_user())


def test_production_session_cookie_is_secure_and_httponly():
    """With production settings the admin session cookie is Secure, HttpOnly, __Host-."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "HTTPS", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(SECRET_KEY="x" * 60, ALLOWED_HOSTS="kkn.example.se")
    code = (
        "import json; from kkn_portal import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_NAME,"
        "s.SESSION_COOKIE_AGE, s.SESSION_SAVE_EVERY_REQUEST]))"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == [True, True, "__Host-sessionid", 8 * 60 * 60, True]
