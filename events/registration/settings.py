"""The registration settings of an event, as an abstract model ``Event`` inherits.

Kept here so registration is one package; ``Event`` gets the fields and the
predicates that decide what its page offers (:meth:`registration_state`).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CLOSES_BEFORE_OPENS = _("Registration must close after it opens.")
CLOSES_AFTER_START = _("Registration cannot close after the event starts.")


@dataclass(frozen=True)
class RegistrationState:
    """What an event page says about registration, and whether it takes a sign-up.

    ``kind`` is one of ``open`` (seats left, or no limit), ``waiting`` (full,
    the waiting list is open), ``full`` (full, no waiting list), ``not_yet``
    (opens at ``opens``) and ``closed``. While it accepts sign-ups, ``closes``
    is the closing time the editor set (never after the start), else None.
    """

    kind: str
    seats_left: int | None = None
    opens: datetime.datetime | None = None
    closes: datetime.datetime | None = None

    @property
    def accepting(self):
        """Whether a sign-up would be stored now (confirmed or on the waiting list)."""
        return self.kind in ("open", "waiting")


class RegistrationSettings(models.Model):
    """Who may register on the portal, from when to when, and for how many seats."""

    class Audience(models.TextChoices):
        OPEN = "alla", _("Open to everyone")
        MUNICIPAL = "kommuner", _("For managers in the municipalities")

    takes_registrations = models.BooleanField(
        _("registration on the portal"),
        default=False,
        help_text=_(
            "Visitors register with the form on the event page. Leave unticked to use "
            "the registration address or e-mail instead."
        ),
    )
    registration_opens = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Swedish time; empty = open as soon as the event is published."),
    )
    # Also the closing time of a registration elsewhere (address or e-mail).
    registration_closes_at = models.DateTimeField(
        _("last registration"),
        null=True,
        blank=True,
        help_text=_(
            "Swedish time, e.g. 12.00 on the last day; at the latest when the event starts. "
            "Empty = registration on the portal closes when the event starts."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("number of seats"), null=True, blank=True, help_text=_("Empty = no limit.")
    )
    waiting_list = models.BooleanField(
        _("keep a waiting list"),
        default=True,
        help_text=_("When the event is full, new sign-ups go on a waiting list."),
    )
    registration_audience = models.CharField(
        _("who may register"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.OPEN,
        help_text=_("Restricted: only people in one of Norrbotten's 14 municipalities."),
    )

    class Meta:
        abstract = True

    @property
    def is_restricted(self):
        """Only people working in a municipality of Norrbotten may register."""
        return self.registration_audience == self.Audience.MUNICIPAL

    def clean(self):
        """Registration must close after it opens, and not after the event starts."""
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            # Keep the other fields' errors: the editor sees them all at once.
            errors = error.update_error_dict(errors)
        closes = self.registration_closes_at
        problems = []
        if closes is not None and self.registration_opens is not None:
            if closes <= self.registration_opens:
                problems.append(ValidationError(CLOSES_BEFORE_OPENS, code="closes_before_opens"))
        if closes is not None and self.start is not None and closes > self.start:
            problems.append(ValidationError(CLOSES_AFTER_START, code="closes_after_start"))
        if problems:
            errors.setdefault("registration_closes_at", []).extend(problems)
        if errors:
            raise ValidationError(errors)

    @property
    def registration_closes(self):
        """When registration on the portal closes: the closing time set, or the start."""
        if self.registration_closes_at is not None:
            return min(self.registration_closes_at, self.start)
        return self.start

    def registration_state(self, confirmed=None, now=None):
        """The :class:`RegistrationState` now, given the number of ``confirmed`` sign-ups.

        ``confirmed`` is counted when not given (one query).
        """
        now = now or timezone.now()
        if not self.takes_registrations or self.is_cancelled or now >= self.registration_closes:
            return RegistrationState("closed")
        if self.registration_opens is not None and now < self.registration_opens:
            return RegistrationState("not_yet", opens=self.registration_opens)
        closes = self.registration_closes if self.registration_closes_at is not None else None
        if self.capacity is None:
            return RegistrationState("open", closes=closes)
        if confirmed is None:
            confirmed = self.registrations.confirmed().count()
        left = max(self.capacity - confirmed, 0)
        if left:
            return RegistrationState("open", seats_left=left, closes=closes)
        if self.waiting_list:
            return RegistrationState("waiting", seats_left=0, closes=closes)
        return RegistrationState("full", seats_left=0)
