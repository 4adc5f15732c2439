"""Page comments: what a visitor wrote about a page, and how editors handled it.

A received comment is a public record (allmän handling): it is stored as it
came (unless ``FEEDBACK_MASK_ON_STORE`` is on), never edited afterwards, and
nothing identifying the sender (address, user agent, captcha data) is kept.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from feedback import hidden
from feedback.paths import MAX_PATH_LENGTH, validate_local_page
from feedback.personal_id import MASK, contains_personal_id
from feedback.text import clean_line, clean_text, mentions_contact_details
from feedback.votes import HelpfulnessCount  # noqa: F401 - a model of this app

MAX_TEXT_LENGTH = 2000
MAX_TITLE_LENGTH = 300
# The same text on the same page within this window is one comment, not two.
DUPLICATE_WINDOW = datetime.timedelta(minutes=10)


def local_day_start(day):
    """The first instant of a calendar day in the site's time zone."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


class CommentQuerySet(models.QuerySet):
    """Queries editors and commands run over comments."""

    def created_between(self, first_day, last_day):
        """Comments created on ``first_day`` … ``last_day`` (inclusive, local days).

        Any date is accepted: 9999-12-31 has no next day and 0001-01-01
        began before the first instant Python can hold in UTC, so at the
        ends of the calendar the range is simply open on that side.
        """
        rows = self
        if first_day > datetime.date.min:
            rows = rows.filter(created_at__gte=local_day_start(first_day))
        if last_day < datetime.date.max:
            rows = rows.filter(
                created_at__lt=local_day_start(last_day + datetime.timedelta(days=1))
            )
        return rows

    def for_export(self):
        """Oldest first, with the handling editor joined in (no query per row)."""
        return self.select_related("handled_by").order_by("created_at", "id")

    def purgeable(self, retention_days, now=None):
        """Handled comments created more than ``retention_days`` ago."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days)
        return self.filter(status=Comment.Status.HANDLED, created_at__lt=cutoff)

    def mark_handled(self, user):
        """Mark as handled by ``user`` now; returns the number of comments changed."""
        return self.exclude(status=Comment.Status.HANDLED).update(
            status=Comment.Status.HANDLED, handled_by=user, handled_at=timezone.now()
        )

    def mark_new(self):
        """Put comments back in the inbox; returns the number of comments changed."""
        return self.exclude(status=Comment.Status.NEW).update(
            status=Comment.Status.NEW, handled_by=None, handled_at=None
        )

    def is_duplicate(self, page_path, text, now=None):
        """Tell whether the same text arrived for the same page a moment ago."""
        since = (now or timezone.now()) - DUPLICATE_WINDOW
        return self.filter(page_path=page_path, text=text, created_at__gte=since).exists()

    def receive(self, *, page_path, page_title, text, form_token, after_no=False):
        """Store a visitor's comment once; return ``(comment or None, created)``.

        A repeated form token (double click, resubmitted POST) or the same
        text for the same page within :data:`DUPLICATE_WINDOW` stores nothing
        new. The unique token settles two simultaneous posts.
        """
        existing = self.filter(form_token=form_token).first()
        if existing is not None:
            return existing, False
        comment = self.model(
            page_path=page_path,
            page_title=page_title,
            text=text,
            form_token=form_token,
            after_no=after_no,
        )
        comment.prepare()
        if self.is_duplicate(comment.page_path, comment.text):
            return None, False
        try:
            with transaction.atomic():
                comment.save()
        except IntegrityError:
            return self.filter(form_token=form_token).first(), False
        return comment, True


class Comment(models.Model):
    """A visitor's comment on one page of the site."""

    class Status(models.TextChoices):
        NEW = "ny", _("New")
        HANDLED = "behandlad", _("Handled")

    page_path = models.CharField(
        _("page"),
        max_length=MAX_PATH_LENGTH,
        validators=[validate_local_page],
        help_text=_("The address of the page on this site that the comment is about."),
    )
    page_title = models.CharField(_("page title"), max_length=MAX_TITLE_LENGTH, blank=True)
    text = models.TextField(_("comment"), max_length=MAX_TEXT_LENGTH)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Only editors see this. It is part of the record if someone asks for it."),
    )
    has_personal_id = models.BooleanField(_("personal identity number"), default=False)
    mentions_contact_details = models.BooleanField(_("contact details"), default=False)
    # Invisible or direction-changing characters in the text or title (feedback.hidden).
    has_hidden_characters = models.BooleanField(_("invisible characters"), default=False)
    # Sent from "Vad saknade du?" after a "Nej" to "Hjälpte informationen dig?".
    after_no = models.BooleanField(
        _("after “No”"),
        default=False,
        help_text=_("Sent after the visitor answered No to “Did the information help you?”."),
    )
    # One per rendered form: a double click or a resubmitted POST stores one comment.
    form_token = models.UUIDField(
        _("form token"), unique=True, null=True, blank=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        # Stored in the database as data (Django saves permission names
        # untranslated), so the Swedish label is written here directly.
        permissions = [("export_comment", "Kan exportera kommentarer")]

    def __str__(self):
        title = self.shown_title or self.page_path
        created = timezone.localtime(self.created_at).strftime("%Y-%m-%d %H:%M")
        return f"{title} ({created})"

    def save(self, *args, **kwargs):
        """Clean and flag on the first save; the received text never changes later."""
        if self._state.adding:
            self.prepare()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The page the comment is about (comments have no public page)."""
        return self.page_path

    def prepare(self):
        """Clean the text and set the flags; mask first if the archive decision allows."""
        self.text = clean_text(self.text)
        self.page_title = clean_line(self.page_title, MAX_TITLE_LENGTH)
        seen = hidden.without_hidden(self.text)
        # Once set, the flag stays: after masking on store the number is gone.
        self.has_personal_id = self.has_personal_id or contains_personal_id(seen) or MASK in seen
        self.mentions_contact_details = mentions_contact_details(seen)
        self.has_hidden_characters = hidden.has_hidden_characters(
            self.text
        ) or hidden.has_hidden_characters(self.page_title)
        if settings.FEEDBACK_MASK_ON_STORE:
            self.text = hidden.masked(self.text, shown=False)

    @property
    def masked_text(self):
        """The text for every display: personal identity numbers hidden, hidden characters shown."""
        return hidden.masked(self.text)

    @property
    def shown_title(self):
        """The page title for every display, hidden characters shown."""
        return hidden.reveal(self.page_title)

    @property
    def shown_original(self):
        """The text as received, for a superuser: nothing masked, hidden characters shown."""
        return hidden.reveal(self.text)

    def excerpt(self, length=80):
        """A short, masked beginning of the text for lists."""
        return Truncator(" ".join(self.masked_text.split())).chars(length)

    @property
    def page_url(self):
        """The absolute address of the page, for exports and e-mail."""
        return settings.SITE_URL + self.page_path


# Background exports (issue 13) live with the export code; their table is this app's.
from feedback.export_jobs import ExportJob  # noqa: E402, F401
