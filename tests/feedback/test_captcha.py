"""The two captcha backends: real ALTCHA challenges, reCAPTCHA failures and choice."""

import base64
import json
import time
from urllib.error import HTTPError, URLError

import altcha
import pytest
import time_machine
from django.urls import reverse

from feedback.models import Comment

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_proof_of_work(settings):
    """Keep real challenges cheap to solve in Python."""
    settings.FEEDBACK_ALTCHA_MAX_NUMBER = 2000


def solved_payload(client):
    """Fetch a challenge from the site and solve it like the widget does."""
    response = client.get(reverse("feedback:challenge"))
    challenge = response.json()
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


def test_challenge_view_issues_fresh_uncached_challenges(client):
    """Each GET gives a new signed challenge with an expiry, never cached, no cookie."""
    first = client.get(reverse("feedback:challenge"))
    second = client.get(reverse("feedback:challenge"))
    assert first.json()["challenge"] != second.json()["challenge"]
    assert "expires=" in first.json()["salt"]
    assert "no-store" in first["Cache-Control"]
    assert not first.cookies


def test_real_altcha_solution_is_accepted_once(client, comment_url):
    """End to end: a solved challenge posts a comment; the same solution again stores nothing.

    The second post is a double click or a replay: it gets the same answer
    as the first, so a visitor never sees an error for a comment that arrived.
    """
    payload = solved_payload(client)
    response = client.post(comment_url, post_data(captcha=payload))
    assert response.status_code == 303
    replay = client.post(comment_url, post_data(captcha=payload, text="Igen"))
    assert replay.status_code == 303
    assert list(Comment.objects.values_list("text", flat=True)) == [post_data()["text"]]


def test_wrong_altcha_number_is_refused(client, comment_url):
    """A payload whose number does not solve the challenge is refused."""
    payload = json.loads(base64.b64decode(solved_payload(client)))
    payload["number"] += 1
    forged = base64.b64encode(json.dumps(payload).encode()).decode()
    response = client.post(comment_url, post_data(captcha=forged))
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_expired_altcha_challenge_is_refused(client, comment_url):
    """A challenge solved but posted after its 20 minutes is refused."""
    payload = solved_payload(client)
    with time_machine.travel(time.time() + 30 * 60, tick=True):
        response = client.post(comment_url, post_data(captcha=payload))
    assert response.status_code == 400
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("garbage", ["x", "bm90IGpzb24=", base64.b64encode(b"[1,2]").decode()])
def test_garbage_altcha_payload_is_a_form_error(client, comment_url, garbage):
    """Malformed payloads give a form error, never a 500."""
    response = client.post(comment_url, post_data(captcha=garbage))
    assert response.status_code == 400


def test_default_form_renders_altcha_without_any_google_host(client):
    """C3.1: no reCAPTCHA keys: the self-hosted widget, no third-party host anywhere."""
    html = client.get(reverse("home")).content.decode()
    assert "<altcha-widget" in html and 'id="__altcha-css"' in html
    assert "google" not in html and "gstatic" not in html


class _Consent:
    def __init__(self, external):
        self.external = external

    def allows(self, category):
        return category == "externa" and self.external


@pytest.fixture
def recaptcha_on(settings):
    """reCAPTCHA configured (keys set), as in production with keys."""
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"


def _render_form(rf, consent):
    from feedback.forms import CommentForm

    request = rf.get("/")
    request.csp_nonce = "n0nce123"
    if consent is not None:
        request.consent = consent
    return CommentForm.for_path(request.path, request=request).fields["captcha"], request


@pytest.mark.parametrize(
    ("consent", "expected"),
    [
        (_Consent(True), "SafeReCaptchaField"),
        (_Consent(False), "AltchaField"),
        (None, "AltchaField"),
    ],
)
def test_recaptcha_only_with_consent_to_external_services(rf, recaptcha_on, consent, expected):
    """C3.2: reCAPTCHA only for visitors who accepted "externa"; everyone else gets ALTCHA."""
    field, _ = _render_form(rf, consent)
    assert type(field).__name__ == expected


def test_recaptcha_widget_is_the_same_for_every_visitor(rf, recaptcha_on):
    """Google's script only: no inline script, no nonce, no random widget id or callback."""
    from feedback.forms import CommentForm

    def widget_html():
        request = rf.get("/")
        request.consent = _Consent(True)
        return str(CommentForm.for_path(request.path, request=request)["captcha"])

    html = widget_html()
    assert html == widget_html()
    assert html.count("<script") == 1 and "nonce" not in html
    assert "https://www.google.com/recaptcha/api.js?hl=sv" in html
    assert 'class="g-recaptcha"' in html and 'data-sitekey="public-key"' in html
    assert "data-callback" not in html and "data-widget-uuid" not in html


@pytest.mark.parametrize(
    "error",
    [
        URLError("no route"),
        TimeoutError("timed out"),
        TimeoutError("timed out"),
        HTTPError("https://www.google.com", 503, "down", {}, None),
        ValueError("not json"),
    ],
)
def test_recaptcha_outage_is_a_form_error(client, comment_url, recaptcha_on, error, monkeypatch):
    """C3.6: network error or timeout at Google → 400 with a friendly error, nothing stored."""
    monkeypatch.setattr("feedback.captcha.visitor_allows_external", lambda request: True)
    with patch_captcha(side_effect=error):
        response = client.post(comment_url, post_data())
    assert response.status_code == 400
    assert "captcha" in response.context["form"].errors
    assert "Försök igen om en stund" in response.content.decode()
    assert Comment.objects.count() == 0


def test_recaptcha_valid_and_invalid(client, comment_url, recaptcha_on, monkeypatch):
    """Google's answer decides: success stores the comment, failure does not."""
    monkeypatch.setattr("feedback.captcha.visitor_allows_external", lambda request: True)
    with patch_captcha(valid=False):
        assert client.post(comment_url, post_data()).status_code == 400
    with patch_captcha(valid=True) as (_, submit):
        assert client.post(comment_url, post_data()).status_code == 303
    assert submit.call_args.kwargs["recaptcha_response"] == "token-from-google"
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "10.0.0.5"),
        (1, "6.6.6.6, 192.0.2.10", "192.0.2.10"),
        (2, "6.6.6.6, 192.0.2.10, 10.0.0.9", "192.0.2.10"),
        (1, "not-an-ip", "10.0.0.5"),
    ],
)
def test_google_gets_the_proxy_validated_address(
    client, comment_url, recaptcha_on, monkeypatch, settings, proxies, forwarded, expected
):
    """C3.9: the address sent to Google is never a raw, spoofable X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = proxies
    monkeypatch.setattr("feedback.captcha.visitor_allows_external", lambda request: True)
    with patch_captcha() as (_, submit):
        client.post(
            comment_url, post_data(), REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded
        )
    assert submit.call_args.kwargs["remoteip"] == expected


def test_recaptcha_verify_timeout_is_short(settings):
    """C3.7: verification gives up after at most 5 seconds."""
    assert settings.RECAPTCHA_VERIFY_REQUEST_TIMEOUT <= 5
