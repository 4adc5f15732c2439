"""Renditions of an uploaded image: a few widths, WebP with a JPEG fallback (django-imagekit).

Each rendition is an imagekit ``ImageCacheFile``, named from the source's
path and a hash of the spec (``CACHE/images/news/2026/scen/<hash>.webp``).
They are made once, when the image is saved (``ImageMixin.save``), and the
"optimistic" cache-file strategy (settings) never checks that they exist
when a page asks for their URL: a list of images costs no file-system
access, cache read or query per image. The URLs themselves are worked out
once per process and image (:func:`rendition_url`).
"""

from functools import cache

from django.core.files import File
from imagekit import ImageSpec
from imagekit.cachefiles import ImageCacheFile
from pilkit.processors import ResizeToFit

from kkn_portal.memo import process_memo
from kkn_portal.site_url import absolute_url

WIDTHS = (480, 960, 1600)
# Pillow format name -> quality. WebP for browsers that take it (all current
# ones), JPEG for the rest, for e-mail clients and for Open Graph.
FORMATS = {"WEBP": 80, "JPEG": 82}


@cache
def spec_class(width, image_format):
    """The imagekit spec for one width and format (made once per process)."""
    return type(
        f"Rendition{width}{image_format}",
        (ImageSpec,),
        {
            "processors": [ResizeToFit(width=width, upscale=False)],
            "format": image_format,
            "options": {"quality": FORMATS[image_format]},
        },
    )


def rendition(source, width, image_format):
    """The cache file of ``source`` at ``width`` in ``image_format``."""
    return ImageCacheFile(spec_class(width, image_format)(source=source))


@process_memo(maxsize=4096)
def rendition_url(name, width, image_format):
    """The URL of the rendition of the image stored as ``name``, worked out once per process.

    imagekit names a rendition after a hash of the source's name and the
    spec, pickled in pure Python: 0.6 M instructions a rendition, 3.7 M for
    the six of a picture, every time a page shows it. The name is all the
    URL depends on besides settings (which empty the memo), so the source
    here is a stand-in that only has the name.
    """
    return rendition(File(None, name), width, image_format).url


def widths_for(source_width):
    """The rendition widths for an image ``source_width`` wide: never wider than the source."""
    return sorted({min(width, source_width) for width in WIDTHS})


def generate_renditions(source, source_width):
    """Write every rendition of ``source`` (called when an image is saved)."""
    for width in widths_for(source_width):
        for image_format in FORMATS:
            rendition(source, width, image_format).generate(force=True)


def scaled_height(width, source_width, source_height):
    """The height of a rendition ``width`` wide, rounded as pilkit rounds it."""
    return int(round(source_height * width / source_width))


def picture(source, source_width, source_height, alt):
    """What ``includes/picture.html`` prints: srcsets, fallback, size and alt text.

    ``width``/``height`` are the largest rendition's, so the browser reserves
    the right box before any image arrives. ``og`` is the largest JPEG as an
    absolute URL with its size, for Open Graph and JSON-LD.
    """
    widths = widths_for(source_width)
    urls = {
        (width, image_format): rendition_url(source.name, width, image_format)
        for width in widths
        for image_format in FORMATS
    }
    largest = widths[-1]
    height = scaled_height(largest, source_width, source_height)
    fallback = widths[1] if len(widths) > 1 else largest
    return {
        "webp_srcset": ", ".join(f"{urls[width, 'WEBP']} {width}w" for width in widths),
        "jpeg_srcset": ", ".join(f"{urls[width, 'JPEG']} {width}w" for width in widths),
        "src": urls[fallback, "JPEG"],
        "width": largest,
        "height": height,
        "alt": alt,
        "og": {"url": absolute_url(urls[largest, "JPEG"]), "width": largest, "height": height},
    }


def image_object(picture):
    """A schema.org ``ImageObject`` for JSON-LD: the largest JPEG, with its size."""
    og = picture["og"]
    data = {"@type": "ImageObject", "url": og["url"], "width": og["width"], "height": og["height"]}
    if picture["alt"]:
        data["description"] = picture["alt"]
    return data
