"""Models shared by news and events: contact people and KKN branches."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kkn_portal import memo


class Branch(models.Model):
    """One of the branches that make up the cultural and creative industries.

    The list is fixed by the KKN definition and created by a data migration;
    editors tag articles and events with it, visitors filter by its slug.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("branch")
        verbose_name_plural = _("branches")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return memo.reverse("news:index") + f"?bransch={self.slug}"


class Contact(models.Model):
    """A person the public may contact about an article or an event."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return f"{self.name}, {self.organisation}" if self.organisation else self.name

    @property
    def phone_uri(self):
        """The phone number as a ``tel:`` URI (digits and a leading +46)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0"):
            digits = "+46" + digits[1:]
        return f"tel:{digits}" if digits else ""


class FlatPageStamp(models.Model):
    """When a flatpage last changed, for its "Senast uppdaterad" line.

    ``django.contrib.flatpages`` keeps no time of its own. Every save stamps
    it (the admin, a restored version, the shell, the demo content), through
    the signal connected in ``KknPortalConfig.ready``.
    """

    flatpage = models.OneToOneField(
        "flatpages.FlatPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="stamp",
        verbose_name=_("page"),
    )
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("page update time")
        verbose_name_plural = _("page update times")

    def __str__(self):
        return f"{self.flatpage_id}: {self.updated_at:%Y-%m-%d %H:%M}"


def stamp_flatpage(sender, instance, **kwargs):
    """Record when ``instance`` (a FlatPage) was saved.

    Raw saves too: restoring a version in the admin (django-reversion) saves
    the page raw, and it is as much a change as an edit.
    """
    FlatPageStamp.objects.update_or_create(
        flatpage=instance, defaults={"updated_at": timezone.now()}
    )


# Proof-of-consent records (issue 6) are defined with the consent code but
# belong to this app, so its migrations hold them.


class EditorialRecord(models.Model):
    """Creation and change times, and who changed it last ("Senast ändrad av").

    Shared by articles and events; ``last_modified_by`` is stamped by the
    admin (kkn_portal.admin_mixins.LastModifiedAdminMixin).
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    last_modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        abstract = True


from kkn_portal.consent.models import ConsentRecord  # noqa: E402, F401
