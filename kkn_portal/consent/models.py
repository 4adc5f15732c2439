"""Proof of consent: one row per choice a visitor makes (GDPR art. 7(1)).

Written only by the consent views when a visitor submits a choice, never per
request. Holds no IP address, user agent or anything else about the visitor:
only the random id that is also in the visitor's consent cookie, so a
visitor (or a supervisor) holding the cookie can be shown what was agreed to.
Imported by ``kkn_portal.models`` so the model belongs to the ``kkn_portal`` app.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registry


class ConsentRecord(models.Model):
    """A visitor's cookie choice: when, under which policy version, which categories."""

    consent_id = models.UUIDField(_("consent id"), unique=True, editable=False)
    created_at = models.DateTimeField(_("time of choice"), default=timezone.now, editable=False)
    policy_version = models.CharField(_("policy version"), max_length=50, editable=False)
    # The accepted optional category keys; an empty list is "only necessary".
    categories = models.JSONField(_("accepted categories"), default=list, editable=False)

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.consent_id} ({self.created_at:%Y-%m-%d})"

    @property
    def category_labels(self):
        """The accepted categories' Swedish names, necessary first."""
        return [
            str(category.label)
            for category in registry.CATEGORIES
            if category.required or category.key in self.categories
        ]
