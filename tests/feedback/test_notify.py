"""The notification e-mail: after commit, no comment text, failures never hurt."""

import threading
import time

import pytest
from django.core import mail

from feedback.models import Comment
from feedback.notify import dispatch_notification

from .factories import make_comment
from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def notify(settings):
    """Notifications on, to one address."""
    settings.FEEDBACK_NOTIFY_EMAILS = ["webbredaktionen@example.se"]


def test_mail_after_commit_has_page_and_admin_link_but_not_the_text(
    client, comment_url, notify, django_capture_on_commit_callbacks
):
    """C5.5: one e-mail after commit, with the page and admin link, without the text."""
    text = "Hemlig synpunkt med pnr 640823-3234"
    with patch_captcha(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(comment_url, post_data(text=text, page_path="/nyheter/"))
    assert len(callbacks) == 1
    comment = Comment.objects.get()
    [message] = mail.outbox
    assert message.to == ["webbredaktionen@example.se"]
    assert message.subject == "Ny kommentar på KKN-portalen"
    assert "http://testserver/nyheter/" in message.body
    assert f"http://testserver/admin/feedback/comment/{comment.pk}/change/" in message.body
    assert "Hemlig synpunkt" not in message.body
    assert "640823-3234" not in message.body
    assert "personnummer" in message.body  # the flag is mentioned, the number is not


def test_no_recipients_no_mail(client, comment_url, settings, django_capture_on_commit_callbacks):
    """Without FEEDBACK_NOTIFY_EMAILS nothing is sent, and the comment is stored."""
    settings.FEEDBACK_NOTIFY_EMAILS = []
    with patch_captcha(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(comment_url, post_data())
    assert response.status_code == 303
    assert mail.outbox == [] and Comment.objects.count() == 1


class BrokenBackend:
    """A mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


def test_failing_mail_server_does_not_affect_the_visitor(
    client, comment_url, notify, settings, django_capture_on_commit_callbacks, caplog
):
    """C6.4: with the mail backend raising, the post succeeds, the comment is stored, it is logged."""
    settings.EMAIL_BACKEND = "tests.feedback.test_notify.BrokenBackend"
    with patch_captcha(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(comment_url, post_data())
    assert response.status_code == 303
    assert Comment.objects.count() == 1
    assert "Could not send the notification" in caplog.text


def test_no_mail_for_a_duplicate(client, comment_url, notify, django_capture_on_commit_callbacks):
    """A double submit stores one comment and sends one e-mail."""
    data = post_data()
    with patch_captcha(), django_capture_on_commit_callbacks(execute=True):
        client.post(comment_url, data)
        client.post(comment_url, {**data, "captcha": post_data()["captcha"]})
    assert len(mail.outbox) == 1


def test_outbound_timeouts_fit_within_the_worker_timeout(settings):
    """C6.5: captcha verify plus SMTP timeouts stay well below gunicorn's 30 s."""
    assert settings.EMAIL_TIMEOUT and settings.EMAIL_TIMEOUT <= 10
    assert settings.RECAPTCHA_VERIFY_REQUEST_TIMEOUT + settings.EMAIL_TIMEOUT < 30


class SlowBackend:
    """A mail server that answers only when the test releases it."""

    release = threading.Event()

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        self.release.wait(5)
        return len(messages)


def test_background_notification_does_not_wait_for_the_mail_server(settings, db):
    """C6.4: with background sending on, a slow mail server costs the request nothing."""
    settings.FEEDBACK_NOTIFY_EMAILS = ["webbredaktionen@example.se"]
    settings.FEEDBACK_NOTIFY_IN_BACKGROUND = True
    settings.EMAIL_BACKEND = "tests.feedback.test_notify.SlowBackend"
    SlowBackend.release.clear()
    started = time.monotonic()
    thread = dispatch_notification(make_comment())
    assert time.monotonic() - started < 0.5
    assert thread.is_alive()  # still waiting for the "server"
    SlowBackend.release.set()
    thread.join(5)
    assert not thread.is_alive()
