"""Maintenance mode (RULES C6.9): every public request gets the static Swedish 503 page.

On while ``MAINTENANCE_MODE`` is set (read at start: restart to switch) or
while the file ``MAINTENANCE_FILE`` exists (checked on every request: put it
on a volume all app containers share, ``touch`` it to start and ``rm`` it to
end, no restart). The answer is the 503 with ``Retry-After``, never cached,
with no cookie, no session and no database query, so it also covers work on
the database itself.

Left open, as an explicit decision: ``/healthz``, which reports
``"maintenance"`` with a 200 so the load balancer keeps the containers (and
with them the admin) in rotation; the admin, which is for staff only
behind its login, so editors can prepare content while the public waits;
and static files, which WhiteNoise serves before this runs, so the page
keeps its stylesheet.
"""

import os

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

OPEN_PATHS = ("/healthz", "/admin/")


def is_on():
    """Whether the site is in maintenance mode now (setting or file flag)."""
    if settings.MAINTENANCE_MODE:
        return True
    path = settings.MAINTENANCE_FILE
    return bool(path) and os.path.exists(path)


def maintenance_page():
    """The static 503: Swedish, Retry-After, no-store."""
    response = HttpResponse(render_to_string("maintenance.html"), status=503)
    response["Retry-After"] = str(settings.MAINTENANCE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class MaintenanceMiddleware:
    """Answer the 503 to everything but the open paths while maintenance mode is on.

    Before the page cache, so no stored page is served; after WhiteNoise.
    """

    def __init__(self, get_response):
        """Keep the next layer."""
        self.get_response = get_response

    def __call__(self, request):
        """The 503 while maintenance is on and the path is not open; else the site."""
        if is_on() and not request.path_info.startswith(OPEN_PATHS):
            return maintenance_page()
        return self.get_response(request)
