"""Posting the comment form: success, refusals, honeypot, one-time tokens and rate limit."""

import re

import pytest
from django.urls import reverse

from feedback.models import Comment
from tests.clients import FormClient

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db


def test_valid_post_stores_one_comment_and_redirects_to_the_page(client, comment_url):
    """303 back to the page with the thank-you marker; the server's title stored with the text."""
    with patch_captcha():
        response = client.post(comment_url, post_data(page_path="/nyheter/"))
    assert response.status_code == 303
    assert response["Location"] == "/nyheter/?kommentar=tack#kommentera"
    comment = Comment.objects.get()
    assert (comment.page_path, comment.page_title) == ("/nyheter/", "Nyheter")
    assert comment.text == "Bra sida, men länken till programmet saknas."
    assert not response.cookies, "no cookie is needed for the thank-you"


def test_thank_you_is_shown_at_the_form(client):
    """Following the redirect shows the Swedish thank-you inside the comment section."""
    response = client.get(reverse("home") + "?kommentar=tack")
    html = response.content.decode()
    section = html[html.index('id="kommentera"') :]
    assert "Tack för din kommentar" in section
    assert "Tack för din kommentar" not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   \x00\x07  "}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"page_path": "https://evil.example/"}, "page_path"),
        ({"page_path": "//evil.example/"}, "page_path"),
        ({"page_path": "/finns/inte/"}, "page_path"),
        ({"captcha": "", "g-recaptcha-response": ""}, "captcha"),
    ],
)
def test_invalid_posts_give_400_and_store_nothing(client, comment_url, overrides, field):
    """Empty or too long text, outside/unknown page, missing captcha: 400."""
    with patch_captcha():
        response = client.post(comment_url, post_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Comment.objects.count() == 0


def test_error_page_form_carries_no_token_of_its_own(client, comment_url):
    """The re-rendered form has no CSRF or form token: a new captcha solution is all it needs."""
    with patch_captcha():
        response = client.post(comment_url, post_data(text=""))
        again = client.post(comment_url, post_data())
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html and "form_token" not in html
    assert again.status_code == 303


def test_2000_characters_is_accepted(client, comment_url):
    """Exactly 2 000 characters is within the limit."""
    with patch_captcha():
        response = client.post(comment_url, post_data(text="å" * 2000))
    assert response.status_code == 303
    assert len(Comment.objects.get().text) == 2000


def test_failed_captcha_gives_400_keeps_text_and_sends_nothing(
    client, comment_url, mailoutbox, settings
):
    """C3.5: invalid captcha → form error, no comment, no e-mail, text kept."""
    settings.FEEDBACK_NOTIFY_EMAILS = ["webb@example.se"]
    with patch_captcha(valid=False):
        response = client.post(comment_url, post_data(text="Min <b>viktiga</b> text"))
    assert response.status_code == 400
    assert "captcha" in response.context["form"].errors
    assert "Min &lt;b&gt;viktiga&lt;/b&gt; text</textarea>" in response.content.decode()
    assert Comment.objects.count() == 0 and mailoutbox == []


def test_error_page_ties_errors_to_the_field(client, comment_url):
    """C2.6: the textarea gets aria-invalid and aria-describedby pointing at the error."""
    with patch_captcha():
        response = client.post(comment_url, post_data(text="x" * 2001))
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_comment_text_helptext id_comment_text_error"' in html
    assert 'id="id_comment_text_error"' in html
    assert 'href="/"' in html  # the way back to the page


def test_error_summary_heading_follows_the_page_heading(client, comment_url):
    """On the error page the summary's heading is an h2 under the h1, and it can take focus."""
    with patch_captcha():
        response = client.post(comment_url, post_data(text=""))
    html = response.content.decode()
    headings = re.findall(r"<h([1-6])\b", html[html.index("<main") :])
    assert headings[:2] == ["1", "2"], headings
    assert 'id="comment-errors" tabindex="-1"' in html


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/form"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
    ids=["no-origin", "foreign-origin", "foreign-referer", "cross-site-fetch"],
)
def test_post_from_another_site_is_refused(comment_url, headers):
    """The Origin check stands in for a CSRF token: 403, nothing stored, the captcha not asked."""
    with patch_captcha() as (altcha_mock, _recaptcha_mock):
        response = FormClient(enforce_csrf_checks=True).post(comment_url, post_data(), **headers)
    assert response.status_code == 403
    assert Comment.objects.count() == 0
    assert not altcha_mock.called


def test_post_with_a_same_site_referer_and_no_origin_is_accepted(comment_url):
    """A browser that sends no Origin but a Referer from this site may post."""
    with patch_captcha():
        response = FormClient(enforce_csrf_checks=True).post(
            comment_url, post_data(), HTTP_REFERER="http://testserver/nyheter/"
        )
    assert response.status_code == 303
    assert Comment.objects.count() == 1


def test_filled_honeypot_is_discarded_silently(client, comment_url):
    """C3.10: same 303 as success, nothing stored, the captcha is not even asked."""
    with patch_captcha() as (altcha_mock, recaptcha_mock):
        response = client.post(comment_url, post_data(leave_empty="http://spam.example"))
    assert response.status_code == 303
    assert response["Location"] == "/?kommentar=tack#kommentera"
    assert Comment.objects.count() == 0
    assert not altcha_mock.called and not recaptcha_mock.called


def test_double_click_stores_one_comment(client, comment_url):
    """C6.3: the same post twice (the same solved captcha) stores one comment; both get 303."""
    data = post_data()
    with patch_captcha() as (altcha_mock, _recaptcha_mock):
        first = client.post(comment_url, data)
        second = client.post(comment_url, data)
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1
    assert altcha_mock.call_count == 1, "the repeat is known before the captcha is checked"


def test_replayed_captcha_stores_nothing_new(client, comment_url):
    """One solved challenge sent again with other text and page: 303, but no second comment."""
    data = post_data()
    with patch_captcha():
        client.post(comment_url, data)
        replay = client.post(comment_url, {**data, "text": "Spam", "page_path": "/nyheter/"})
    assert replay.status_code == 303
    assert list(Comment.objects.values_list("text", flat=True)) == [data["text"]]


def test_one_time_token_is_derived_from_the_captcha_not_stored_raw(client, comment_url):
    """The stored token is a keyed digest: the challenge itself is not kept (RULES C5.1)."""
    data = post_data()
    with patch_captcha():
        client.post(comment_url, data)
    comment = Comment.objects.get()
    assert comment.form_token is not None
    assert comment.form_token.hex not in data["captcha"]


def test_same_text_same_page_with_new_token_is_stored_once(client, comment_url):
    """A resubmission from a reloaded form within 10 minutes is stored once."""
    with patch_captcha():
        client.post(comment_url, post_data(text="Dubblett"))
        response = client.post(comment_url, post_data(text="Dubblett"))
    assert response.status_code == 303
    assert Comment.objects.count() == 1


def test_sixth_post_within_a_minute_gets_429(client, comment_url):
    """Five posts a minute are allowed; the sixth gets 429 in Swedish with Retry-After."""
    with patch_captcha():
        statuses = [
            client.post(comment_url, post_data(text=f"Kommentar {n}")).status_code for n in range(6)
        ]
    assert statuses == [303] * 5 + [429]
    response = client.post(comment_url, post_data(text="sjunde"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "För många kommentarer" in response.content.decode()
    assert Comment.objects.count() == 5


def test_rate_limit_is_per_client_address(client, comment_url):
    """Another client address has its own counter."""
    with patch_captcha():
        for n in range(6):
            client.post(comment_url, post_data(text=f"A {n}"), REMOTE_ADDR="192.0.2.1")
        other = client.post(comment_url, post_data(text="B"), REMOTE_ADDR="192.0.2.2")
    assert other.status_code == 303


def test_spoofed_forwarded_for_does_not_escape_the_limit(client, comment_url):
    """Without trusted proxies, a changing X-Forwarded-For does not reset the counter."""
    with patch_captcha():
        statuses = [
            client.post(
                comment_url, post_data(text=f"C {n}"), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
            ).status_code
            for n in range(6)
        ]
    assert statuses[-1] == 429


def test_daily_limit(client, comment_url, settings):
    """More than the daily number of posts gets 429 too."""
    settings.FEEDBACK_RATE_LIMIT = "100/m,3/d"
    with patch_captcha():
        statuses = [
            client.post(comment_url, post_data(text=f"D {n}")).status_code for n in range(4)
        ]
    assert statuses == [303, 303, 303, 429]


def test_get_is_not_allowed(client, comment_url):
    """The form target only accepts POST."""
    assert client.get(comment_url).status_code == 405


def test_nothing_about_the_sender_is_stored(client, comment_url):
    """The address and user agent appear nowhere in the stored row."""
    with patch_captcha():
        client.post(comment_url, post_data(), REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="Bot/1.0")
    values = [str(value) for value in Comment.objects.values().get().values()]
    assert not any("203.0.113.77" in value or "Bot/1.0" in value for value in values)
