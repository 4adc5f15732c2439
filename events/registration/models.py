"""A visitor's registration for an event: who, for which event, and its status.

The diet/needs text may reveal health or religion (GDPR art. 9): it is shown
only to those who handle the event and erased the day after the event ends
(``purge_registrations``). Nothing here is ever written to a log.
"""

import datetime
import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_NEEDS_LENGTH = 500
# What the person tells about themselves, in form order (form, admin, export).
PERSON_FIELDS = ("name", "email", "organisation", "role", "municipality", "needs")

# The 14 municipalities of Norrbotten, in alphabetical order, then "Annan".
MUNICIPALITIES = [
    ("arjeplog", "Arjeplog"),
    ("arvidsjaur", "Arvidsjaur"),
    ("boden", "Boden"),
    ("gallivare", "Gällivare"),
    ("haparanda", "Haparanda"),
    ("jokkmokk", "Jokkmokk"),
    ("kalix", "Kalix"),
    ("kiruna", "Kiruna"),
    ("lulea", "Luleå"),
    ("pajala", "Pajala"),
    ("pitea", "Piteå"),
    ("alvsbyn", "Älvsbyn"),
    ("overkalix", "Överkalix"),
    ("overtornea", "Övertorneå"),
]
OTHER_MUNICIPALITY = "annan"
MUNICIPALITY_CHOICES = [*MUNICIPALITIES, (OTHER_MUNICIPALITY, _("Other municipality"))]
NORRBOTTEN = frozenset(value for value, _label in MUNICIPALITIES)


def new_token():
    """A secret for the visitor's own links (confirmation page, cancel link)."""
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    """Chainable filters: ``event.registrations.confirmed()``."""

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        """The waiting list, in order of arrival."""
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        """Confirmed and waiting: everyone who has not cancelled."""
        return self.exclude(status=Registration.Status.CANCELLED)

    def with_email(self, email):
        """Active registrations with ``email``, compared case-insensitively (as the constraint)."""
        return self.active().annotate(email_lower=Lower("email")).filter(email_lower=email.lower())

    def due_for_reminder(self, now=None):
        """Confirmed, not yet reminded, for a published event that starts within a day."""
        from events.models import Event

        now = now or timezone.now()
        return self.confirmed().filter(
            reminded_at__isnull=True,
            event__start__gt=now,
            event__start__lte=now + datetime.timedelta(days=1),
            event__in=Event.objects.published(),
        )

    def needs_to_erase(self, today=None):
        """Rows whose diet/needs text must go: their event ended before today (local)."""
        today = today or timezone.localdate()
        start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
        return self.exclude(needs="").filter(event__end__lt=start_of_today)

    def expired(self, retention_days, now=None):
        """Registrations for events that ended more than ``retention_days`` ago."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days)
        return self.filter(event__end__lt=cutoff)


class Registration(models.Model):
    """One person's sign-up for one event."""

    class Status(models.TextChoices):
        CONFIRMED = "bekraftad", _("Confirmed")
        WAITING = "vantelista", _("Waiting list")
        CANCELLED = "avbokad", _("Cancelled")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("title or role"), max_length=200, blank=True)
    municipality = models.CharField(
        _("municipality"), max_length=12, choices=MUNICIPALITY_CHOICES, blank=True
    )
    needs = models.TextField(
        _("special diet or other needs"),
        max_length=MAX_NEEDS_LENGTH,
        blank=True,
        help_text=_("Erased automatically the day after the event ends."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    token = models.CharField(
        _("secret"), max_length=64, unique=True, default=new_token, editable=False
    )
    # The solved captcha of the sign-up: a double click or a replayed post stores one row.
    form_token = models.UUIDField(
        _("form token"), unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "created_at", "pk"]
        get_latest_by = "created_at"
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One active registration per e-mail and event, whatever the case of the address.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status="avbokad"),
                name="events_registration_unique_email",
                violation_error_message=_("This e-mail address is already registered."),
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="events_reg_event_status")]
        # Stored as data (Django saves permission names untranslated): Swedish here.
        permissions = [("export_registration", "Kan exportera deltagarlistor")]

    def __str__(self):
        # No name or address: __str__ ends up in admin log messages.
        return f"{_('Registration')} {self.pk}"

    def get_absolute_url(self):
        """The visitor's own confirmation page."""
        from django.urls import reverse

        return reverse("events:registration", kwargs={"slug": self.event.slug, "token": self.token})

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def waiting_position(self):
        """1 for the first on the waiting list; None when not waiting."""
        if not self.is_waiting:
            return None
        earlier = Registration.objects.filter(event_id=self.event_id).waiting()
        earlier = earlier.filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return earlier.count() + 1
