"""Refuse oversized and unexpected request bodies from their headers alone (issue 16, item 1).

Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` covers only form fields: the file
parts of a multipart body are streamed to a temporary file (tmpfs in the
containers) whatever their size, before any view can say no. This
middleware decides before a single byte of the body is read:

- a ``Content-Length`` over ``MAX_REQUEST_BODY_SIZE`` (1 MB): 413, any
  address but the admin, whose limit is ``ADMIN_MAX_REQUEST_BODY_SIZE``
  (12 MB: images of up to 10 MB);
- over 1 MB to the admin from anyone but a signed-in staff member (the
  login page, a stranger): 413 as well, so the larger limit is only for
  editors. That needs the session, so it is decided in ``process_view``,
  which runs after authentication and before the first middleware that
  reads a body (CSRF's ``process_view``, further down the list);
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


def _takes_files(request):
    """Whether the address is one that takes files (the admin), with its larger limit."""
    return request.path_info.startswith(tuple(settings.FILE_UPLOAD_PATHS))


def _too_large(limit):
    """The 413 page naming the limit that applied, in Swedish notation ("1 MB", "12 MB")."""
    return _refusal("413.html", 413, max_size=f"{limit / (1024 * 1024):.3g} MB".replace(".", ","))


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
        takes_files = _takes_files(request)
        if takes_files:
            # The admin takes images (ADMIN_MAX_REQUEST_BODY_SIZE, 12 MB).
            limit = settings.ADMIN_MAX_REQUEST_BODY_SIZE
        if _declared_length(request) > limit:
            return _too_large(limit)
        content_type = request.META.get("CONTENT_TYPE", "").lower()
        if content_type.startswith("multipart/") and not takes_files:
            return _refusal("415.html", 415)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Keep the admin's larger limit for signed-in staff; others get the public 1 MB.

        ``request.user`` is there by now (AuthenticationMiddleware ran) and
        nothing has read the body yet. Only a large body asks for the user,
        so ordinary requests cost no session lookup here.
        """
        limit = settings.MAX_REQUEST_BODY_SIZE
        if _takes_files(request) and _declared_length(request) > limit:
            user = getattr(request, "user", None)
            if not (user is not None and user.is_active and user.is_staff):
                return _too_large(limit)
        return None
