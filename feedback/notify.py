"""Tell the web editors that a comment has arrived.

Runs after the comment is committed (``transaction.on_commit``), in a
background thread (``FEEDBACK_NOTIFY_IN_BACKGROUND``), so a slow or broken
mail server can neither lose the comment nor delay or change what the
visitor sees: failures are logged and swallowed. If a worker stops while
the thread still waits for the mail server, that one e-mail is lost, never
the comment: it is in the inbox, counted on the admin overview. The message carries the
page and a link to the comment in admin, never the text itself, so no copy
of what the visitor wrote ends up in mailboxes.
"""

import logging
import threading

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def notify_new_comment(comment):
    """Send the notification e-mail; log and swallow any failure."""
    recipients = list(getattr(settings, "FEEDBACK_NOTIFY_EMAILS", []) or [])
    if not recipients:
        return False
    context = {
        "comment": comment,
        "page_url": comment.page_url,
        "admin_url": settings.SITE_URL
        + reverse("admin:feedback_comment_change", args=[comment.pk]),
    }
    try:
        send_mail(
            # A fixed subject: nothing the visitor wrote goes into a header.
            subject=_("New comment on KKN-portalen"),
            message=render_to_string("feedback/email/new_comment.txt", context),
            from_email=None,
            recipient_list=recipients,
            fail_silently=False,
        )
    except Exception:
        logger.exception("Could not send the notification for comment %s", comment.pk)
        return False
    return True


def _notify_and_close(comment):
    """Thread body: send, then close the thread's own database connection."""
    try:
        notify_new_comment(comment)
    finally:
        connection.close()


def dispatch_notification(comment):
    """Notify about ``comment`` without holding up the request.

    Called from ``transaction.on_commit``. The e-mail waits up to
    EMAIL_TIMEOUT for the server; in a thread that wait costs the visitor
    nothing (the slow-mail check in bench/slow_mail.py measures it).
    """
    if not settings.FEEDBACK_NOTIFY_IN_BACKGROUND:
        return notify_new_comment(comment)
    thread = threading.Thread(
        target=_notify_and_close, args=(comment,), name=f"notify-comment-{comment.pk}", daemon=True
    )
    thread.start()
    return thread
