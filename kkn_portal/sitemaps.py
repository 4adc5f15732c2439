"""Sitemaps: the site's own pages, flatpages, and each app's SITEMAPS."""

from importlib import import_module

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticViewSitemap(Sitemap):
    """The fixed pages that are not stored in the database."""

    changefreq = "daily"

    def items(self):
        return ["home", "news:index", "events:index"]

    def location(self, item):
        return reverse(item)


def collect_sitemaps():
    """Merge the site's sitemaps with those each content app declares.

    An app takes part by defining ``SITEMAPS`` (a dict) in its ``sitemaps``
    module, so the root URLconf need not know every app's classes.
    """
    sitemaps = {"pages": StaticViewSitemap, "flatpages": FlatPageSitemap}
    for app in ("news", "events"):
        try:
            module = import_module(f"{app}.sitemaps")
        except ModuleNotFoundError:
            continue
        sitemaps.update(getattr(module, "SITEMAPS", {}))
    return sitemaps
