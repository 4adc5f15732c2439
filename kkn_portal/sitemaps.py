"""Sitemaps: the site's own pages, flatpages, and those the content apps register."""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

# Filled in the content apps' AppConfig.ready() (register()).
_sitemaps = {}
_index_pages = ["home"]


def register(name, sitemap, *, index=None):
    """Add ``sitemap`` (a Sitemap class) as ``name``, and ``index`` (a URL name) to the pages."""
    _sitemaps[name] = sitemap
    if index and index not in _index_pages:
        _index_pages.append(index)


class StaticViewSitemap(Sitemap):
    """The fixed pages that are not stored in the database."""

    changefreq = "daily"

    def items(self):
        return list(_index_pages)

    def location(self, item):
        return reverse(item)


def collect_sitemaps():
    """The site's sitemaps with every registered one (a dict for the sitemap view)."""
    return {"pages": StaticViewSitemap, "flatpages": FlatPageSitemap, **_sitemaps}
