"""One publication shape for everything editors publish: draft or published, and when.

A row is a draft (``utkast``) or published (``publicerad``); a published row
whose ``published_at`` lies ahead is *scheduled* (``Schemalagd``), which is
derived, never stored. :class:`PublicationQuerySet` is the one place that
spells these rules; views, feeds, sitemaps, search, the overview and the
content version all call it.
"""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    """What an editor has decided: not public yet, or public from ``published_at``."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def conditions(now):
    """The three states as conditions at ``now``: the only place they are spelled out."""
    published = Q(status=PublicationStatus.PUBLISHED)
    return {
        "drafts": Q(status=PublicationStatus.DRAFT),
        "scheduled": published & Q(published_at__gt=now),
        "published": published & Q(published_at__lte=now),
    }


class PublicationQuerySet(models.QuerySet):
    """``published()``, ``scheduled()`` and ``drafts()``: the three states of a row."""

    def published(self):
        """Rows the public may see: published, and their time has come."""
        return self.filter(conditions(timezone.now())["published"])

    def scheduled(self):
        """Published rows whose publication time is still ahead."""
        return self.filter(conditions(timezone.now())["scheduled"])

    def drafts(self):
        """Rows an editor has not published."""
        return self.filter(conditions(timezone.now())["drafts"])

    def released(self):
        """Published and scheduled rows: what the content version watches for transitions."""
        return self.filter(status=PublicationStatus.PUBLISHED)

    def state_counts(self, now):
        """``{"drafts": n, "scheduled": n, "published": n}`` at ``now``, in one query."""
        return self.aggregate(
            **{name: Count("pk", filter=q) for name, q in conditions(now).items()}
        )


class Publishable(models.Model):
    """Abstract: a status (draft/published) and the instant a published row goes live."""

    Status = PublicationStatus

    status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        help_text=_("Drafts are never shown to the public."),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("Published content goes live at this time; a future time schedules it."),
    )

    class Meta:
        abstract = True

    def is_live(self):
        """True when the public may see the row (mirrors ``published()``)."""
        return self.status == PublicationStatus.PUBLISHED and self.published_at <= timezone.now()

    def is_scheduled(self):
        """True for a published row whose time has not come yet (mirrors ``scheduled()``)."""
        return self.status == PublicationStatus.PUBLISHED and self.published_at > timezone.now()

    def is_draft(self):
        """True for a row an editor has not published (mirrors ``drafts()``)."""
        return self.status == PublicationStatus.DRAFT
