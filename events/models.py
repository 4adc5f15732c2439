"""Events, the venues they take place at, who organises them, and their programmes."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from events.formatting import format_date_range
from events.querysets import EventQuerySet
from events.registration.settings import RegistrationSettings
from events.tracking import ChangeTrackingMixin
from kkn_portal import memo
from kkn_portal.images.models import ImageMixin
from kkn_portal.models import EditorialRecord
from kkn_portal.publication import Publishable
from kkn_portal.richtext import BODY_EXTENSIONS

END_AFTER_START = _("The end must be after the start.")
# Paths under /evenemang/ that an event's slug would collide with.
RESERVED_SLUGS = frozenset({"tidigare", "kalender"})


class Venue(models.Model):
    """A place where events are held, with the postal address shown to visitors."""

    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta:
        ordering = ["name", "municipality"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name}, {self.municipality}"

    def save(self, *args, **kwargs):
        address = ("name", "street_address", "postal_code", "municipality", "latitude", "longitude")
        before = Venue.objects.filter(pk=self.pk).values_list(*address).first() if self.pk else None
        super().save(*args, **kwargs)
        if before is not None and before != tuple(getattr(self, name) for name in address):
            # A new address changes the LOCATION of every event held here, so
            # calendar subscribers must see a new SEQUENCE for each of them.
            self.events.touch()

    @property
    def postal_line(self):
        """Postcode and municipality, as written on an envelope: "941 63 Piteå"."""
        return " ".join(part for part in (self.postal_code, self.municipality) if part)

    @property
    def full_address(self):
        """Name, street and postal line on one line, for calendars and maps."""
        parts = (self.name, self.street_address, self.postal_line)
        return ", ".join(part for part in parts if part)


class Organisation(models.Model):
    """An organisation that stands behind events (organiser or co-organiser)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    url = models.URLField(_("web address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url


class Event(ChangeTrackingMixin, RegistrationSettings, ImageMixin, EditorialRecord, Publishable):
    """A dialogue day, conference, training or other event open to the public.

    ``sequence`` grows on every save that changes the event, so calendar
    programs that subscribed to the .ics feed replace their copy. ``status``
    and ``published_at`` are the publication (``Publishable``);
    ``event_status`` says whether it takes place as planned.
    """

    class Kind(models.TextChoices):
        CONFERENCE = "konferens", _("Conference")
        DIALOGUE_DAY = "dialogdag", _("Dialogue day")
        TRAINING = "utbildning", _("Training")
        SEMINAR = "seminarium", _("Seminar")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "ovrigt", _("Other")

    class EventStatus(models.TextChoices):
        SCHEDULED = "planerad", _("As planned")
        CANCELLED = "installd", _("Cancelled")
        POSTPONED = "framflyttad", _("Postponed")

    # Bookkeeping fields whose change is not a change of the event itself.
    untracked_fields = frozenset({"id", "sequence", "created_at", "updated_at", "last_modified_by"})

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the event's address, e.g. /evenemang/<slug>/."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One or two sentences; shown in lists, calendars and search engines."),
    )
    description = ProseEditorField(
        _("description"), extensions=BODY_EXTENSIONS, sanitize=True, blank=True
    )
    start = models.DateTimeField(_("start"), help_text=_("Swedish time."))
    end = models.DateTimeField(_("end"), help_text=_("Swedish time; must be after the start."))
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("venue"),
    )
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="events", verbose_name=_("organisers")
    )
    audience = models.CharField(_("target audience"), max_length=300, blank=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    contacts = models.ManyToManyField(
        "kkn_portal.Contact", blank=True, related_name="events", verbose_name=_("contact people")
    )
    branches = models.ManyToManyField(
        "kkn_portal.Branch", blank=True, related_name="events", verbose_name=_("branches")
    )
    related_articles = models.ManyToManyField(
        "news.Article",
        blank=True,
        related_name="related_events",
        verbose_name=_("related news"),
        help_text=_("Only published articles are shown on the event page."),
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    registration_email = models.EmailField(
        _("registration e-mail"),
        blank=True,
        help_text=_("Used when there is no registration address."),
    )
    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Whether the event takes place as planned, is cancelled or postponed."),
    )
    status_message = models.CharField(
        _("status message"),
        max_length=500,
        blank=True,
        help_text=_("Shown in the banner of a cancelled or postponed event, e.g. the new date."),
    )
    sequence = models.PositiveIntegerField(
        _("revision"), default=0, editable=False, help_text=_("iCalendar SEQUENCE.")
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        get_latest_by = "start"
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="events_event_end_after_start",
                violation_error_message=END_AFTER_START,
            ),
        ]
        indexes = [
            models.Index(fields=["status", "end", "start"], name="events_event_status_end"),
            models.Index(fields=["start"], name="events_event_start"),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%Y-%m-%d})"

    def save(self, *args, **kwargs):
        # Sanitize on every save, not only in forms: the field's clean() runs
        # only through full_clean, and seeds or the shell skip it.
        self.description = self.sanitize_description(self.description)
        if not self._state.adding and self.has_changed():
            self.sequence += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return memo.reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        """Refuse an end that is not after the start (the database refuses it too)."""
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            # The registration and image rules' errors, shown with ours.
            errors = error.update_error_dict(errors)
        if self.start and self.end and self.end <= self.start:
            errors.setdefault("end", []).append(
                ValidationError(END_AFTER_START, code="end_before_start")
            )
        if self.slug in RESERVED_SLUGS:
            errors.setdefault("slug", []).append(
                ValidationError(
                    _("This address is used by the site; choose another."), code="reserved"
                )
            )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def sanitize_description(cls, html):
        """Return ``html`` reduced to the markup the editor allows."""
        return cls._meta.get_field("description").sanitize(html or "")

    @property
    def description_html(self):
        """The description, sanitized again at render time, marked safe."""
        return mark_safe(self.sanitize_description(self.description))  # noqa: S308 - nh3

    @property
    def is_past(self):
        """True once the event has ended (mirrors ``past()``)."""
        return self.end < timezone.now()

    @property
    def is_ongoing(self):
        """True between start and end."""
        return self.start <= timezone.now() <= self.end

    @property
    def is_cancelled(self):
        return self.event_status == self.EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.event_status == self.EventStatus.POSTPONED

    @property
    def kind_label(self):
        """The kind in words ("Konferens"): ``get_kind_display()`` without its per-call work."""
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def event_status_label(self):
        """The event status in words ("Inställt"): ``get_event_status_display()``, cheaper."""
        return str(EVENT_STATUS_LABELS.get(self.event_status, self.event_status))

    @property
    def date_range(self):
        """The dates (and times, for one day) in Swedish: "31 maj–1 juni 2017"."""
        return format_date_range(self.start, self.end)

    @property
    def registration_link(self):
        """Where to register: the registration address, or a ``mailto:`` link."""
        if self.registration_url:
            return self.registration_url
        return f"mailto:{self.registration_email}" if self.registration_email else ""

    @property
    def registration_is_open(self):
        """Registration elsewhere is open until its closing time, for a scheduled, future event."""
        if not self.registration_link or self.is_cancelled or self.is_past:
            return False
        if self.registration_closes_at is None:
            return True
        return timezone.now() < self.registration_closes_at

    @property
    def ical_uid(self):
        """A UID that never changes for this event (RFC 5545 3.8.4.7)."""
        host = urlsplit(settings.SITE_URL).hostname or "kkn-portalen"
        return f"event-{self.pk}@{host}"


# Lazy labels, translated when shown. Django's get_FOO_display() flattens and
# hashes every choice, translating each label, on every call (0.2 M
# instructions per event in a list).
KIND_LABELS = dict(Event.Kind.choices)
EVENT_STATUS_LABELS = dict(Event.EventStatus.choices)


class ProgrammeItem(models.Model):
    """One session of an event's programme: a talk, a panel, a break."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="programme", verbose_name=_("event")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")),
                name="events_programmeitem_end_after_start",
                violation_error_message=END_AFTER_START,
            ),
        ]

    def __str__(self):
        return f"{timezone.localtime(self.start):%Y-%m-%d %H.%M} {self.title}"

    def get_absolute_url(self):
        return self.event.get_absolute_url() + f"#programme-{self.pk}"

    def clean(self):
        """Refuse an end that is not after the start."""
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": END_AFTER_START}, code="end_before_start")

    @property
    def local_day(self):
        """The Swedish calendar day of the session, for grouping by day."""
        return timezone.localdate(self.start)


from events.registration.models import Registration  # noqa: E402, F401
