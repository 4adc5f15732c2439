"""The image field of articles and events: a model field whose form field checks and cleans."""

from django import forms
from django.db import models

from .validation import clean_upload


class CheckedImageFormField(forms.FileField):
    """A file input that accepts only a real, bounded image and returns it without metadata.

    Django's ``forms.ImageField`` only verifies that Pillow can parse the
    header; this decodes the pixels within limits and re-encodes them
    (``kkn_portal.images.validation``).
    """

    def __init__(self, **kwargs):
        """Offer the browser's file picker the formats we take."""
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        )
        super().__init__(**kwargs)

    def to_python(self, data):
        """Check the upload and hand on its cleaned copy (or ``None`` for no new file)."""
        upload = super().to_python(data)
        return None if upload is None else clean_upload(upload)


class CheckedImageField(models.ImageField):
    """``ImageField`` whose admin form field is :class:`CheckedImageFormField`."""

    def formfield(self, **kwargs):
        """The checking form field."""
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})
