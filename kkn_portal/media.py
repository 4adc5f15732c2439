"""Uploaded images served by the app when no proxy stands in front (``make run``, tests).

In production nginx serves ``/media/`` itself with the same rules
(deploy/nginx-site.conf): only image types by extension, never
``text/html``, ``nosniff`` and a sandboxing CSP.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


def serve_media(request, path):
    """An uploaded image, typed by its extension; any other file is a 404."""
    content_type = MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404("Not an image.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=3600"
    return response
