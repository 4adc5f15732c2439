"""Seat allocation: sign up, cancel, promote from the waiting list.

Every change that can move a seat locks the event's row first
(``SELECT … FOR UPDATE``), so concurrent sign-ups for the last seats are
counted one after the other and the capacity is never exceeded. The
e-mails go out after the commit (:mod:`events.registration.emails`).
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event

from . import emails
from .models import Registration


class RegistrationRefused(Exception):
    """A sign-up that cannot be stored; ``message`` is what the visitor reads."""

    def __init__(self, message, code):
        super().__init__(code)
        self.message = message
        self.code = code


DUPLICATE = _(
    "This e-mail address is already registered for the event. Look for the confirmation "
    "in your inbox; it has a link for cancelling."
)
CLOSED = _("Registration for this event is closed.")
FULL = _("The event is fully booked.")


def _locked_event(event_pk):
    return Event.objects.select_for_update().get(pk=event_pk)


def register(event, **data):
    """Store a sign-up for ``event``: confirmed while seats are left, else on the waiting list.

    Raises :class:`RegistrationRefused` when registration is not open or
    the e-mail address is already registered.
    """
    with transaction.atomic():
        event = _locked_event(event.pk)
        state = event.registration_state()
        if not state.accepting:
            raise RegistrationRefused(FULL if state.kind == "full" else CLOSED, state.kind)
        if event.registrations.with_email(data["email"]).exists():
            raise RegistrationRefused(DUPLICATE, "duplicate")
        status = (
            Registration.Status.CONFIRMED if state.kind == "open" else Registration.Status.WAITING
        )
        registration = Registration(event=event, status=status, **data)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # The unique constraint settles what the check above could not see.
            raise RegistrationRefused(DUPLICATE, "duplicate") from None
        transaction.on_commit(partial(emails.dispatch, emails.send_confirmation, registration.pk))
    return registration


def cancel(registration):
    """Cancel ``registration``; a freed seat goes to the first on the waiting list at once.

    Returns the promoted registrations (empty when none). Cancelling twice
    changes nothing.
    """
    with transaction.atomic():
        event = _locked_event(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.is_cancelled:
            return []
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at", "updated_at"])
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        return promote(event)


def promote(event):
    """Confirm people from the waiting list while seats are free (call with the event locked)."""
    if event.capacity is None:
        free = event.registrations.waiting().count()
    else:
        free = event.capacity - event.registrations.confirmed().count()
    promoted = list(event.registrations.waiting()[: max(free, 0)])
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        transaction.on_commit(partial(emails.dispatch, emails.send_promotion, registration.pk))
    return promoted
