"""Events in /sitemap.xml (registered with ``kkn_portal.sitemaps``)."""

from django.contrib.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    """Every published event, past ones too: their pages stay as a record."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-start", "pk")

    def lastmod(self, event):
        return event.updated_at
