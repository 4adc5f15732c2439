"""What an uploaded image must be before it is stored, and how it is cleaned.

An upload is decoded by Pillow, never trusted by its name or content type:
only JPEG, PNG and WebP, at most ``IMAGE_MAX_BYTES`` and
``IMAGE_MAX_PIXELS`` (checked from the header, before the pixels are
decoded, so a decompression bomb never reaches memory). The stored file is
re-encoded from the pixels alone: EXIF (camera, time, GPS position), XMP and
text chunks are gone, and so is anything a crafted file hid beside the
image (an HTML or script "polyglot").
"""

import io
import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Pillow format name -> (file extension, content type, save options).
FORMATS = {
    "JPEG": ("jpg", "image/jpeg", {"quality": 90, "optimize": True}),
    "PNG": ("png", "image/png", {"optimize": True}),
    "WEBP": ("webp", "image/webp", {"quality": 90}),
}

NOT_AN_IMAGE = _("The file is not a JPEG, PNG or WebP image. Choose a photo or picture file.")
TOO_LARGE = _("The image is too large: at most %(max)s MB. Make it smaller and try again.")
TOO_MANY_PIXELS = _(
    "The image has too many pixels: at most %(max)s megapixels. Make it smaller and try again."
)


def _megabytes(limit):
    return f"{limit / (1024 * 1024):g}".replace(".", ",")


def open_image(upload):
    """Decode ``upload`` with Pillow and return the image, or raise a Swedish ``ValidationError``."""
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            TOO_LARGE, code="too_large", params={"max": _megabytes(settings.IMAGE_MAX_BYTES)}
        )
    max_pixels = settings.IMAGE_MAX_PIXELS
    too_many = ValidationError(
        TOO_MANY_PIXELS, code="too_many_pixels", params={"max": f"{max_pixels / 1e6:g}"}
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice that; refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=list(FORMATS))
            width, height = image.size
            if width * height > max_pixels:
                raise too_many
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many from None
    except (OSError, SyntaxError, ValueError, EOFError, Image.UnidentifiedImageError):
        # Not an image, a format we do not take, or a truncated or broken file.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    return image


def clean_upload(upload):
    """The upload as a new file of pixels only (no metadata), named by its real format."""
    image = open_image(upload)
    save_format = image.format
    extension, content_type, options = FORMATS[save_format]
    # Turn the pixels the way the camera's orientation tag said, since the tag goes.
    image = ImageOps.exif_transpose(image)
    icc_profile = image.info.get("icc_profile")
    image.info = {}
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    if extension == "jpg" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=save_format, **options)
    stem = PurePath(get_valid_filename(upload.name or "bild")).stem[:80] or "bild"
    return SimpleUploadedFile(f"{stem}.{extension}", buffer.getvalue(), content_type)
