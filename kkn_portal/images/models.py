"""An optional image with its text alternative, shared by articles and events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .fields import CheckedImageField
from .renditions import generate_renditions, picture


def image_upload_to(instance, filename):
    """``<app>/<year>/<name>``: news/2026/scen.jpg."""
    return f"{instance._meta.app_label}/{timezone.now():%Y}/{filename}"


# The columns ``ImageMixin.picture`` reads: what a list loads with only().
PICTURE_FIELDS = ("image", "image_alt", "image_decorative", "image_width", "image_height")


class ImageMixin(models.Model):
    """An optional image, its alt text (required unless decorative) and its renditions.

    The width and height are stored, so pages can give every ``<img>`` its
    size (no layout shift) without opening the file.
    """

    image = CheckedImageField(
        _("image"),
        upload_to=image_upload_to,
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("Optional. A JPEG, PNG or WebP image, at most 10 MB and 40 megapixels."),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("Required when there is an image: what the image shows."),
    )
    image_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_(
            "Tick only if the image adds nothing to the text; it then gets no description."
        ),
    )
    image_width = models.PositiveIntegerField(
        _("image width"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("image height"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Save, then make the renditions of a newly uploaded image."""
        new_image = bool(self.image) and not self.image._committed
        super().save(*args, **kwargs)
        if new_image:
            generate_renditions(self.image, self.image_width)

    def clean(self):
        """Require a text alternative for an image that is not decorative (WCAG 1.1.1)."""
        super().clean()
        if self.image and not self.image_decorative and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for those who cannot see it.")}
            )

    @cached_property
    def picture(self):
        """What a ``<picture>`` of the image needs (``renditions.picture``), or ``None``."""
        if not self.image or not self.image_width or not self.image_height:
            return None
        alt = "" if self.image_decorative else self.image_alt
        return picture(self.image, self.image_width, self.image_height, alt)
