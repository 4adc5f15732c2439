"""Site-wide views: start page, health check and error pages."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

# How long clients should wait before trying again during an outage.
RETRY_AFTER_SECONDS = 30


class HomeView(TemplateView):
    """The start page: an introduction, the latest news and upcoming events."""

    template_name = "kkn_portal/home.html"


@never_cache
def health(request):
    """Report whether the database answers, for load balancers.

    Sets no cookie and touches neither session nor CSRF, so a probe every few
    seconds costs one ``SELECT 1``.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "down"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "up"})


def service_unavailable():
    """The static Swedish 503 page: no database, no session, no cookie."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """Answer 503 when the database is down, otherwise the static 500 page.

    Django calls this handler while the failing exception is still being
    handled, so ``sys.exc_info()`` tells a database outage (anywhere: view,
    session, auth) from a bug. Neither page needs the database.
    """
    exception = sys.exc_info()[1]
    if isinstance(exception, (OperationalError, InterfaceError)):
        return service_unavailable()
    response = HttpResponse(render_to_string("500.html"), status=500)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    """A Swedish explanation instead of Django's English CSRF page."""
    return render(request, "403_csrf.html", status=403)
