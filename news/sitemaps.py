"""Sitemap entries for published articles (registered with kkn_portal.sitemaps)."""

from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    """Every published article, with its last change as ``lastmod``."""

    changefreq = "monthly"

    def items(self):
        return Article.objects.published()

    def lastmod(self, item):
        return item.updated_at
