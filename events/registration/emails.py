"""E-mails to the person who registered: confirmation, promotion, reminder.

Sent after the commit (``transaction.on_commit``) and, unless
``REGISTRATION_MAIL_IN_BACKGROUND`` is off, from a background thread, so a
slow mail server never delays the answer. A failure is logged with the
registration's id only: no name or address reaches a log.
"""

import logging
import threading

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events.ical import build_calendar
from kkn_portal.site_url import absolute_url

from .links import cancel_url

logger = logging.getLogger(__name__)


def _message(registration, subject, template, **context):
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "event_url": absolute_url(event.get_absolute_url()),
        "cancel_url": cancel_url(registration),
        "position": registration.waiting_position(),
        **context,
    }
    message = EmailMessage(
        subject=subject % {"title": event.title},
        body=render_to_string(template, context),
        to=[registration.email],
    )
    base_url = absolute_url("/").rstrip("/")
    message.attach(f"{event.slug}.ics", build_calendar([event], base_url), "text/calendar")
    return message


def _registration(pk):
    from .models import Registration

    return Registration.objects.select_related("event__venue").filter(pk=pk).first()


def send_confirmation(registration):
    """ "Du är anmäld" or "Du står på väntelistan": the event, the .ics and the cancel link."""
    if registration.is_waiting:
        subject = _("Waiting list: %(title)s")
    else:
        subject = _("Registration confirmed: %(title)s")
    return _message(registration, subject, "events/registration/email/confirmation.txt")


def send_promotion(registration):
    """A seat became free: the person on the waiting list now has it."""
    subject = _("You have a seat: %(title)s")
    return _message(registration, subject, "events/registration/email/promotion.txt")


def send_reminder(registration):
    """The day before: a reminder of time and place."""
    subject = _("Reminder: %(title)s tomorrow")
    return _message(registration, subject, "events/registration/email/reminder.txt")


def deliver(build, pk):
    """Build and send one e-mail for registration ``pk``; log and swallow failures."""
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        registration = _registration(pk)
        if registration is None or registration.is_cancelled:
            return False
        try:
            build(registration).send()
        except Exception as exc:  # noqa: BLE001 - the visitor's answer must not depend on mail
            # The type only: an SMTP error message can quote the recipient's address.
            logger.error(
                "Could not send %s for registration %s (%s)", build.__name__, pk, type(exc).__name__
            )
            return False
    return True


def _deliver_and_close(build, pk):
    try:
        deliver(build, pk)
    finally:
        connection.close()


def dispatch(build, pk):
    """Send in the background (called from ``on_commit``); synchronously when configured off."""
    if not getattr(settings, "REGISTRATION_MAIL_IN_BACKGROUND", True):
        return deliver(build, pk)
    thread = threading.Thread(
        target=_deliver_and_close, args=(build, pk), name=f"registration-mail-{pk}", daemon=True
    )
    thread.start()
    return thread
