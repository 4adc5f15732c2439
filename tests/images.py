"""Image files for upload tests: real ones with metadata, and the hostile kinds."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
MAKE = 0x010F


def image_bytes(width=1200, height=800, image_format="JPEG", gps=False, color=(30, 90, 140)):
    """A real image; with ``gps`` it carries EXIF with a camera make and a GPS position."""
    image = Image.new("RGB", (width, height), color)
    # A gradient band, so renditions are not one flat colour.
    for x in range(0, width, 8):
        image.paste((x * 255 // width, 120, 200), (x, 0, x + 8, height // 3))
    options = {}
    if gps:
        exif = Image.Exif()
        exif[MAKE] = "KameraTillverkare"
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (65.0, 35.0, 0.0), 3: "E", 4: (22.0, 9.0, 0.0)})
        options["exif"] = exif.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(name="bild.jpg", content=None, content_type="image/jpeg", **kwargs):
    """An uploaded file as the admin form receives it."""
    return SimpleUploadedFile(name, content or image_bytes(**kwargs), content_type)


def photo_with_gps():
    """A JPEG photo with EXIF and a GPS position (Piteå)."""
    return upload("foto.jpg", image_bytes(gps=True))


def html_named_png():
    """An HTML page with a script, named and typed as a PNG."""
    html = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    return upload("bild.png", html, "image/png")


def too_large_image():
    """A valid PNG padded to 10.5 MB (decoders ignore trailing bytes)."""
    return upload("stor.png", image_bytes(64, 64, "PNG") + b"\0" * (10 * 1024 * 1024 + 512 * 1024))


def decompression_bomb():
    """A tiny PNG that decodes to 100 megapixels (a few kilobytes on disk)."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")
    return upload("bomb.png", buffer.getvalue(), "image/png")
