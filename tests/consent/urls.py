"""The site's URLs plus a view that tries to set any cookie (for middleware tests)."""

from django.http import HttpResponse
from django.urls import path

from kkn_portal.urls import urlpatterns as site_urlpatterns


def set_cookie(request, name):
    """Set a cookie called ``name``, as a careless view or library might."""
    response = HttpResponse("<p>ok</p>")
    response.set_cookie(name, "1")
    return response


urlpatterns = [path("test-cookie/<str:name>/", set_cookie, name="test-cookie"), *site_urlpatterns]
