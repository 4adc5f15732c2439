"""Test URLconf: the real site plus one page with an inline, nonce-carrying script.

Public pages carry no nonce; pages that cannot avoid inline code (the
admin's editor) read ``request.csp_nonce``, as this one does.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

NONCE_PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block extra_js %}'
    '<script nonce="{{ request.csp_nonce }}">document.documentElement.className = "js";</script>'
    "{% endblock %}"
)


def nonce_page(request):
    """Render the real base layout with one inline script, as a feature page would."""
    return HttpResponse(NONCE_PAGE.render({}, request))


urlpatterns = [
    path("test-nonce/", nonce_page, name="test-nonce"),
    path("", include("kkn_portal.urls")),
]
