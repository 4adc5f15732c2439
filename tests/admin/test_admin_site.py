"""The editorial team's admin site: our site class, Swedish titles and pages."""

import pytest
from django.contrib import admin
from django.urls import reverse

from kkn_portal.admin_site import KknAdminSite
from tests.admin.factories import make_user

pytestmark = pytest.mark.django_db


def test_default_site_is_ours():
    """``admin.site`` (used by every app's @admin.register) is KknAdminSite."""
    assert isinstance(admin.site, KknAdminSite)
    assert str(admin.site.site_header) == "KKN-portalen – redaktion"


def test_login_page_is_swedish(client):
    """The login page carries the Swedish title and Django's Swedish labels."""
    html = client.get(reverse("admin:login")).content.decode()
    assert '<html lang="sv"' in html
    assert "<title>Logga in | KKN-portalen – redaktion</title>" in html
    assert "Användarnamn" in html and "Lösenord" in html


def test_index_is_titled_overview(client):
    """The admin index is the Swedish overview page."""
    client.force_login(make_user(is_superuser=True))
    html = client.get(reverse("admin:index")).content.decode()
    assert "<title>Översikt | KKN-portalen – redaktion</title>" in html
    assert "Visa sida" in html  # Django's own Swedish catalogue
