"""Site-wide views: start page, health check and error pages."""

import functools
import sys

from django.conf import settings
from django.db import Error, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from kkn_portal import content_version, maintenance
from kkn_portal.site_url import absolute_url

# How long clients should wait before trying again during an outage.
RETRY_AFTER_SECONDS = 30

# Errors that mean "the database cannot be reached", as opposed to a bug in a
# query (ProgrammingError, IntegrityError …), which stays a 500.
OUTAGE_ERRORS = (OperationalError, InterfaceError)


class HomeView(TemplateView):
    """The start page: an introduction, the latest news and upcoming events."""

    template_name = "kkn_portal/home.html"

    def get_context_data(self, **kwargs):
        """The start page's one public address, for canonical and Open Graph."""
        return super().get_context_data(canonical_url=absolute_url("/"), **kwargs)


@never_cache
def health(request):
    """Report whether the database and the shared cache answer, for load balancers and Docker.

    The database down is a 503: nothing works without it. The shared cache
    down is a 200 with ``"status": "degraded"``: pages are then rendered
    uncached and comments wait, but taking every app container out of the
    load balancer would make that worse. In maintenance mode the status is
    ``"maintenance"``, still 200: the site answers the public itself and the
    admin must stay reachable. Sets no cookie and touches neither session nor
    CSRF, so a probe costs one ``SELECT 1`` and one cache read.
    """
    cache = "up" if content_version.is_shared_cache_up() else "down"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    # Error, not DatabaseError: a lost connection may raise InterfaceError,
    # which PEP 249 does not make a DatabaseError.
    except Error:
        response = JsonResponse(
            {"status": "unavailable", "database": "down", "cache": cache}, status=503
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    status = "ok" if cache == "up" else "degraded"
    if maintenance.is_on():
        status = "maintenance"
    return JsonResponse({"status": status, "database": "up", "cache": cache})


def is_outage(exception):
    """Tell whether an exception, or one it was raised from, is a lost database.

    Follows ``__cause__``/``__context__`` a few steps, because a library may
    re-raise a database error as its own.
    """
    for _ in range(5):
        if exception is None:
            return False
        if isinstance(exception, OUTAGE_ERRORS):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def service_unavailable():
    """The static Swedish 503 page: no database, no session, no cookie."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """Answer 503 when the database is down, otherwise the static 500 page.

    Django calls this handler (``handler500``) while the failing exception is
    still being handled, so ``sys.exc_info()`` tells a database outage
    (anywhere: view, session, authentication, middleware) from a bug. Neither
    page needs the database or the request.
    """
    if is_outage(sys.exc_info()[1]):
        return service_unavailable()
    response = HttpResponse(render_to_string("500.html"), status=500)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    """A Swedish explanation instead of Django's English CSRF page."""
    return render(request, "403_csrf.html", status=403)


@functools.cache
def _favicon_bytes():
    return (settings.BASE_DIR / "static" / "img" / "favicon.ico").read_bytes()


def favicon(request):
    """``/favicon.ico``: the icon browsers and feed readers ask for without reading the page."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
