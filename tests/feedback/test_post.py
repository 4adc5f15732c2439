"""Posting the comment form: success, refusals, honeypot, tokens and rate limit."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback.models import Comment

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db


def test_valid_post_stores_one_comment_and_redirects_to_the_page(client, comment_url):
    """303 back to the page with the thank-you marker; one comment stored as sent."""
    with patch_captcha():
        response = client.post(comment_url, post_data(page_path="/nyheter/", page_title="Nyheter"))
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
        ({"form_token": ""}, "form_token"),
        ({"form_token": "inte-en-uuid"}, "form_token"),
        ({"captcha": ""}, "captcha"),
    ],
)
def test_invalid_posts_give_400_and_store_nothing(client, comment_url, overrides, field):
    """Empty or too long text, outside/unknown page, bad token, missing captcha: 400."""
    with patch_captcha():
        response = client.post(comment_url, post_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Comment.objects.count() == 0


def test_error_page_form_can_be_sent_after_a_bad_token(client, comment_url):
    """A missing or broken token is replaced on the error page, so the form works again."""
    with patch_captcha():
        response = client.post(comment_url, post_data(form_token="trasig"))
        token = response.context["form"]["form_token"].value()
        again = client.post(comment_url, post_data(form_token=token))
    assert token != "trasig"
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


def test_missing_csrf_token_is_refused(comment_url):
    """Without a CSRF token the post is refused with 403 and nothing is stored."""
    client = Client(enforce_csrf_checks=True)
    with patch_captcha():
        response = client.post(comment_url, post_data())
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_filled_honeypot_is_discarded_silently(client, comment_url):
    """C3.10: same 303 as success, nothing stored, the captcha is not even asked."""
    with patch_captcha() as (altcha_mock, recaptcha_mock):
        response = client.post(comment_url, post_data(leave_empty="http://spam.example"))
    assert response.status_code == 303
    assert response["Location"] == "/?kommentar=tack#kommentera"
    assert Comment.objects.count() == 0
    assert not altcha_mock.called and not recaptcha_mock.called


def test_same_token_twice_stores_one_comment(client, comment_url):
    """C6.3: a double click (same one-time token) stores one comment, both get 303."""
    data = post_data()
    with patch_captcha():
        first = client.post(comment_url, data)
        second = client.post(comment_url, {**data, "captcha": post_data()["captcha"]})
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


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
