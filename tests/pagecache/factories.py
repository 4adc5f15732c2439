"""Builders for the page-cache tests: flatpages and parsing helpers.

Articles, events, contacts and editors come from the news, events and
admin factories.
"""

import re

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

NONCE = re.compile(r'nonce="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def make_flatpage(url="/tillganglighet/", **kwargs):
    """A flatpage on the current site (the accessibility statement by default)."""
    kwargs.setdefault("title", "Tillgänglighet")
    kwargs.setdefault("content", "<p>Redogörelse för tillgänglighet.</p>")
    page = FlatPage.objects.create(url=url, **kwargs)
    page.sites.add(Site.objects.get_current())
    return page


def found(pattern, response):
    """Every match of ``pattern``'s group in the response body."""
    return pattern.findall(response.content.decode())


def header_nonces(response):
    """The nonces named in the response's Content-Security-Policy header."""
    return set(re.findall(r"'nonce-([^']+)'", response.get("Content-Security-Policy", "")))
