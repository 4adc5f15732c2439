"""A preview link bound to exactly one article or event."""

import datetime

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 7
MAX_DAYS = 30
# A separate salt, so no other signed value of the site can pass as a token.
TOKEN_SALT = "kkn_portal.previews.link"  # noqa: S105 (a namespace, not a secret)
# What can be shared: the link's field (and the share URL's kind) by model label.
SHAREABLE = {"news.article": "article", "events.event": "event"}


class PreviewLinkQuerySet(models.QuerySet):
    """Queries over preview links."""

    def active(self):
        """Links that still work: not revoked and not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def for_object(self, obj):
        """Links bound to ``obj`` (an article or an event)."""
        return self.filter(**{PreviewLink.field_for(obj): obj})

    def from_token(self, token):
        """The active link a token names, or None for a bad, expired or revoked one."""
        try:
            pk = signing.Signer(salt=TOKEN_SALT).unsign(token)
        except signing.BadSignature:
            return None
        if not pk.isdigit():
            return None
        return self.active().select_related("article", "event").filter(pk=int(pk)).first()


class PreviewLink(models.Model):
    """A link that shows one unpublished article or event to anyone who has it.

    The token in the URL is the link's id signed with the site's secret key,
    so it cannot be guessed or changed to reach another object; expiry and
    revocation are checked in the database on every visit.
    """

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="preview_links",
        verbose_name=_("article"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="preview_links",
        verbose_name=_("event"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("shared preview")
        verbose_name_plural = _("shared previews")
        constraints = [
            models.CheckConstraint(
                condition=(Q(article__isnull=False) & Q(event__isnull=True))
                | (Q(article__isnull=True) & Q(event__isnull=False)),
                name="previews_link_one_target",
            ),
        ]

    def __str__(self):
        return str(self.target)

    def get_absolute_url(self):
        return reverse("previews:show", kwargs={"token": self.token})

    @staticmethod
    def field_for(obj):
        """The foreign key that holds ``obj``: "article" or "event"."""
        try:
            return SHAREABLE[obj._meta.label_lower]
        except KeyError:
            raise TypeError(f"{obj._meta.label} cannot be previewed.") from None

    @classmethod
    def create_for(cls, obj, user, days=DEFAULT_DAYS):
        """Create a link to ``obj`` that works for ``days`` days from now."""
        now = timezone.now()
        return cls.objects.create(
            created_by=user,
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
            **{cls.field_for(obj): obj},
        )

    @property
    def target(self):
        """The article or event this link shows."""
        return self.article if self.article_id else self.event

    @property
    def kind(self):
        """Which kind of object the link shows: the name of its foreign key."""
        return "article" if self.article_id else "event"

    @property
    def token(self):
        """The signed id that goes in the URL."""
        return signing.Signer(salt=TOKEN_SALT).sign(str(self.pk))

    def is_active(self):
        """True while the link works (mirrors ``PreviewLinkQuerySet.active()``)."""
        return self.revoked_at is None and self.expires_at > timezone.now()

    def revoke(self):
        """Stop the link from working, now."""
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
