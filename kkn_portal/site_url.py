"""Absolute addresses built from ``SITE_URL``, never from the visitor's Host header.

Canonical links, ``og:url``, structured data, calendar links and
``security.txt`` name the site's one public address. Built from the request,
they followed whatever Host the visitor used (any of ``ALLOWED_HOSTS``: an
internal name, the bare domain), and a cache shared that answer with others.
The sitemap and the RSS feed already use the Site, which a migration fills
from ``SITE_URL``.
"""

from django.conf import settings


def absolute_url(path):
    """``SITE_URL`` + ``path``; an address that is already absolute comes back as it is."""
    if path.startswith(("https://", "http://")):
        return path
    return settings.SITE_URL + path
