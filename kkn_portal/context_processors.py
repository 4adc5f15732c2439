"""Template context shared by every page."""

from django.conf import settings


def site(request):
    """Names and addresses the base layout needs on every page."""
    return {
        "SITE_NAME": "KKN-portalen",
        "SITE_URL": settings.SITE_URL,
    }
