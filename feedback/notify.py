"""Tell the web editors that a comment has arrived.

Runs after the comment is committed (``transaction.on_commit``), so a slow
or broken mail server can neither lose the comment nor change what the
visitor sees: failures are logged and swallowed. The message carries the
page and a link to the comment in admin, never the text itself, so no copy
of what the visitor wrote ends up in mailboxes.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
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
