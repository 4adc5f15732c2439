"""Expose the visitor's consent to every template."""

from django.conf import settings

from . import state


def consent(request):
    """``consent`` (``consent.has_chosen``, ``consent.allowed.statistik`` …) and the statistics setup.

    Requests that bypassed the middleware (e.g. built by RequestFactory)
    count as "no choice".
    """
    return {
        "consent": getattr(request, "consent", state.NO_CHOICE),
        "STATISTICS_SNIPPET_URL": settings.STATISTICS_SNIPPET_URL,
        "STATISTICS_SITE_ID": settings.STATISTICS_SITE_ID,
    }
