"""Cached pages: the same HTML, with fresh per-response values (nonce, CSRF, form token)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from feedback.models import Comment
from kkn_portal import pagecache
from kkn_portal.consent import registry
from tests.consent.factories import give_consent
from tests.events.factories import make_event
from tests.feedback.helpers import patch_captcha, post_data
from tests.news.factories import make_article

from .factories import CSRF, FORM_TOKEN, NONCE, found, header_nonces, make_flatpage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    """Every cached kind of page, by name → path."""
    article = make_article(title="Kulturnyhet")
    event = make_event(title="Dialogdag")
    make_flatpage()
    return {
        "start": reverse("home"),
        "news": reverse("news:index"),
        "article": article.get_absolute_url(),
        "events": reverse("events:index"),
        "past": reverse("events:past"),
        "event": event.get_absolute_url(),
        "flatpage": reverse("accessibility"),
    }


def visit(path):
    """A GET by a new visitor (no cookies at all)."""
    return Client().get(path)


def without_holes(response):
    """The body with every per-response value blanked, for comparing two responses."""
    html = response.content.decode()
    for pattern in (NONCE, CSRF, FORM_TOKEN):
        html = pattern.sub("", html)
    return html


@pytest.mark.parametrize(
    "name", ["start", "news", "article", "events", "past", "event", "flatpage"]
)
def test_second_visit_is_a_hit_with_the_same_page(pages, name):
    """The first visitor renders the page, the next gets the same HTML from the cache."""
    first, second = visit(pages[name]), visit(pages[name])
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.page_cache, second.page_cache) == ("miss", "hit")
    assert without_holes(first) == without_holes(second)
    assert pagecache._PREFIX not in second.content.decode(), "a placeholder leaked"
    assert first.headers.get("Vary") == second.headers.get("Vary")
    assert "Cookie" in second["Vary"]
    assert second["Content-Language"] == "sv"
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert first.get("Cache-Control") == second.get("Cache-Control")
    assert int(second["Content-Length"]) == len(second.content)


@pytest.mark.parametrize("name", ["article", "event"])
def test_hit_has_its_own_nonce_matching_its_header(pages, name):
    """Each response's inline nonce is new and the one in its own CSP header (C4.8)."""
    first, second = visit(pages[name]), visit(pages[name])
    assert second.page_cache == "hit"
    nonces = [set(found(NONCE, response)) for response in (first, second)]
    assert len(nonces[0]) == len(nonces[1]) == 1
    assert nonces[0] != nonces[1]
    for response, nonce in zip((first, second), nonces, strict=True):
        assert header_nonces(response) == nonce
        assert "private" in response["Cache-Control"], "no shared cache may keep a nonce"


def test_pages_without_inline_script_get_no_nonce(pages):
    """A list page has no nonce in its header, hit or miss, as without the cache."""
    for response in (visit(pages["news"]), visit(pages["news"])):
        assert not header_nonces(response)
        assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("name", ["start", "article", "event", "flatpage"])
def test_hit_has_fresh_csrf_and_form_tokens_and_sets_the_csrf_cookie(pages, name):
    """The CSRF token, its cookie and the comment form's one-time token are per response."""
    first, second = visit(pages[name]), visit(pages[name])
    assert second.page_cache == "hit"
    for response in (first, second):
        assert len(found(CSRF, response)) == 1
        assert len(found(FORM_TOKEN, response)) == 1
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
    assert found(CSRF, first) != found(CSRF, second)
    assert found(FORM_TOKEN, first) != found(FORM_TOKEN, second)
    assert first.cookies[settings.CSRF_COOKIE_NAME].value != (
        second.cookies[settings.CSRF_COOKIE_NAME].value
    )


def test_two_visitors_post_from_two_cached_pages_and_both_comments_count(pages):
    """Two cached renders carry two tokens, so the second comment is not a duplicate."""
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    responses = [visitor.get(pages["article"]) for visitor in visitors]
    assert responses[1].page_cache == "hit"
    for number, (visitor, response) in enumerate(zip(visitors, responses, strict=True)):
        data = post_data(
            text=f"Synpunkt nummer {number}.",
            page_path=pages["article"],
            page_title="Kulturnyhet",
            form_token=found(FORM_TOKEN, response)[0],
            csrfmiddlewaretoken=found(CSRF, response)[0],
        )
        with patch_captcha():
            posted = visitor.post(reverse("feedback:post"), data)
        assert posted.status_code == 303, posted.content.decode()[:500]
    assert Comment.objects.filter(page_path=pages["article"]).count() == 2


def test_same_visitor_keeps_a_valid_csrf_pair_on_a_hit(pages):
    """A visitor who already has the CSRF cookie gets a token that matches it on a hit."""
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(pages["start"])  # miss; sets the cookie
    response = visitor.get(pages["start"])
    assert response.page_cache == "hit"
    data = post_data(
        form_token=found(FORM_TOKEN, response)[0],
        csrfmiddlewaretoken=found(CSRF, response)[0],
    )
    with patch_captcha():
        assert visitor.post(reverse("feedback:post"), data).status_code == 303


def test_thank_you_is_its_own_page(pages):
    """``?kommentar=tack`` is part of the key: the thank-you never shows on the plain page."""
    thanks = visit(pages["start"] + "?kommentar=tack")
    plain = visit(pages["start"])
    assert "Tack för din kommentar" in thanks.content.decode()
    assert "Tack för din kommentar" not in plain.content.decode()
    assert visit(pages["start"] + "?kommentar=tack").page_cache == "hit"


def test_hole_outside_a_cached_render_is_the_real_value(rf):
    """Outside the page cache's render, ``hole`` gives a fresh value, never a placeholder."""
    request = rf.get("/")
    first, second = pagecache.hole(request, "form_token"), pagecache.hole(request, "form_token")
    assert first != second
    assert pagecache._PREFIX not in first


def test_recaptcha_scripts_get_each_responses_nonce(pages, settings):
    """With reCAPTCHA (configured and accepted) its widget's scripts carry the fresh nonce."""
    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"
    responses = []
    for _ in range(2):
        visitor = Client()
        give_consent(visitor, (registry.EXTERNAL,))
        responses.append(visitor.get(pages["start"]))
    assert responses[1].page_cache == "hit"
    nonces = []
    for response in responses:
        html = response.content.decode()
        assert "recaptcha/api.js" in html
        assert set(found(NONCE, response)) == header_nonces(response)
        nonces.append(header_nonces(response))
    assert nonces[0] and nonces[0] != nonces[1]
