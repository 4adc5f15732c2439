"""Refuse oversized and unexpected request bodies from their headers alone (issue 16, item 1).

Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` covers only form fields: the file
parts of a multipart body are streamed to a temporary file (tmpfs in the
containers) whatever their size, before any view can say no. This
middleware decides before a single byte of the body is read:

- a ``Content-Length`` over ``MAX_REQUEST_BODY_SIZE`` (1 MB): 413, any
  address but the admin, whose limit is ``ADMIN_MAX_REQUEST_BODY_SIZE``
  (12 MB: images of up to 10 MB);
- a multipart body to an address that takes no files (everything outside
  ``FILE_UPLOAD_PATHS``, i.e. all but the admin): 415.

A body without ``Content-Length`` (chunked) is never read by Django at all:
it sees an empty body. The reverse proxy refuses the same sizes first
(``client_max_body_size``, README "Running in production").
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def _declared_length(request):
    """The ``Content-Length`` as an integer; 0 when absent or not a number (Django reads 0 then)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _refusal(template, status, **context):
    """A static Swedish error page: no session, no database, never cached."""
    response = HttpResponse(render_to_string(template, context), status=status)
    response["Cache-Control"] = "no-store"
    return response


class RequestBodyLimitMiddleware:
    """Answer 413 or 415 for a body the site will not take, without reading it."""

    def __init__(self, get_response):
        """Keep the next layer."""
        self.get_response = get_response

    def __call__(self, request):
        """Refuse from the headers, or pass the request on untouched."""
        limit = settings.MAX_REQUEST_BODY_SIZE
        if request.path_info.startswith(tuple(settings.FILE_UPLOAD_PATHS)):
            # The admin takes images (ADMIN_MAX_REQUEST_BODY_SIZE, 12 MB).
            limit = settings.ADMIN_MAX_REQUEST_BODY_SIZE
        if _declared_length(request) > limit:
            return _refusal(
                "413.html", 413, max_size=f"{limit / (1024 * 1024):.3g} MB".replace(".", ",")
            )
        content_type = request.META.get("CONTENT_TYPE", "").lower()
        if content_type.startswith("multipart/") and not request.path_info.startswith(
            tuple(settings.FILE_UPLOAD_PATHS)
        ):
            return _refusal("415.html", 415)
        return self.get_response(request)
