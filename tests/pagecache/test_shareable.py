"""Public pages are the same bytes for every visitor with the same choice, and set no cookie.

Nothing in a public page may differ per visitor: no CSRF token, no form
token, no CSP nonce. The comment form gets its one-time token from the
solved captcha instead, and its POST is checked by Origin.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from feedback.models import Comment
from kkn_portal.consent import registry
from tests.clients import FormClient
from tests.consent.factories import give_consent
from tests.events.factories import make_event
from tests.feedback.helpers import patch_captcha, post_data
from tests.news.factories import make_article

from .factories import make_flatpage

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def public_urls():
    """Every kind of public page, with content behind it."""
    article = make_article(title="Delad nyhet")
    event = make_event(title="Delat evenemang")
    make_flatpage()
    return [
        reverse("home"),
        reverse("news:index"),
        article.get_absolute_url(),
        reverse("news:feed"),
        reverse("events:index"),
        reverse("events:past"),
        event.get_absolute_url(),
        reverse("events:ics", kwargs={"slug": event.slug}),
        reverse("events:calendar"),
        reverse("search:index") + "?q=delad",
        reverse("accessibility"),
        reverse("home") + "?kommentar=tack",
        "/sitemap.xml",
        "/robots.txt",
        reverse("news:detail", kwargs={"slug": "finns-inte"}),
    ]


def test_two_visitors_get_byte_identical_pages(public_urls):
    """The first visitor's page (a miss) and the second's (a hit) are the same bytes."""
    for url in public_urls:
        first, second = Client().get(url), Client().get(url)
        assert first.content == second.content, url
        assert first["ETag"] == second["ETag"], url
        assert (first.page_cache, second.page_cache) == ("miss", "hit"), url


def test_two_visitors_with_the_same_choice_get_identical_pages(public_urls):
    """Two visitors who each accepted statistics (different consent ids and days) share pages."""
    one, other = Client(), Client()
    give_consent(one, {registry.STATISTICS})
    give_consent(other, {registry.STATISTICS})
    for url in public_urls:
        assert one.get(url).content == other.get(url).content, url


def test_no_public_get_sets_a_cookie(public_urls):
    """C1.1 for every public page, the comment form's pages included: no Set-Cookie at all."""
    for url in public_urls:
        for _visit in range(2):
            response = Client().get(url)
            assert not response.cookies, url
            assert not response.has_header("Set-Cookie"), url


def test_public_pages_carry_no_nonce_and_no_token(public_urls):
    """No nonce in header or body, no CSRF or form token: nothing personal to keep out of caches."""
    for url in public_urls:
        response = Client().get(url)
        body = response.content.decode()
        assert "nonce" not in body, url
        assert "nonce-" not in response.get("Content-Security-Policy", ""), url
        assert "csrfmiddlewaretoken" not in body and "form_token" not in body, url


def test_public_policy_allows_scripts_from_the_site_only():
    """script-src is 'self' alone on public pages: every script is an external file."""
    response = Client().get(reverse("home"))
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    assert script_src == ["'self'"]
    body = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", body)
    assert inline == [], "inline scripts other than JSON-LD data"


def test_comment_posts_from_a_cached_page_for_two_visitors():
    """Both visitors of one cached page can comment: each solved captcha is its own token."""
    url = reverse("home")
    Client().get(url)
    assert Client().get(url).page_cache == "hit"
    with patch_captcha():
        for text in ("Från den första", "Från den andra"):
            response = FormClient().post(
                reverse("feedback:post"), post_data(text=text), **SAME_ORIGIN
            )
            assert response.status_code == 303
    assert Comment.objects.count() == 2


def test_double_click_with_recaptcha_stores_one_comment(settings, monkeypatch):
    """The reCAPTCHA path: the repeat is known before Google is asked again."""
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"
    monkeypatch.setattr("feedback.captcha.visitor_allows_external", lambda request: True)
    data = post_data(**{"g-recaptcha-response": "svar-från-google", "captcha": ""})
    with patch_captcha() as (_altcha_mock, recaptcha_mock):
        first = FormClient().post(reverse("feedback:post"), data, **SAME_ORIGIN)
        second = FormClient().post(reverse("feedback:post"), data, **SAME_ORIGIN)
    assert first.status_code == second.status_code == 303
    assert Comment.objects.count() == 1
    assert recaptcha_mock.call_count == 1
