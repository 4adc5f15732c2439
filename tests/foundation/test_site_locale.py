"""SiteLocaleMiddleware: the site's language and time zone are active while a page is made.

Activating them changes nothing visible (Django falls back to the same
ones) but makes each of a page's hundreds of look-ups take the fast path;
afterwards the thread is left as it was found.
"""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.translation import trans_real

from kkn_portal.middleware import SiteLocaleMiddleware


def _activated():
    """Whether a language and a time zone are explicitly active in this thread."""
    return hasattr(trans_real._active, "value"), hasattr(timezone._active, "value")


def test_language_and_time_zone_active_during_the_request_only(settings):
    """During the view both are activated, as the settings name them; afterwards neither."""
    seen = {}

    def view(request):
        seen["activated"] = _activated()
        seen["language"] = translation.get_language()
        seen["time zone"] = timezone.get_current_timezone_name()
        return HttpResponse()

    translation.deactivate()
    timezone.deactivate()
    SiteLocaleMiddleware(view)(RequestFactory().get("/"))
    assert seen == {"activated": (True, True), "language": "sv", "time zone": settings.TIME_ZONE}
    assert _activated() == (False, False)


def test_a_failing_view_leaves_nothing_active():
    """An exception in the view still deactivates both."""

    def view(request):
        raise RuntimeError("fel")

    with pytest.raises(RuntimeError):
        SiteLocaleMiddleware(view)(RequestFactory().get("/"))
    assert _activated() == (False, False)


def test_it_runs_for_pages():
    """It is installed, after the page cache (a hit needs no language)."""
    from django.conf import settings

    middleware = settings.MIDDLEWARE
    assert "kkn_portal.middleware.SiteLocaleMiddleware" in middleware
    assert middleware.index("kkn_portal.middleware.SiteLocaleMiddleware") > middleware.index(
        "kkn_portal.pagecache.middleware.PageCacheMiddleware"
    )
