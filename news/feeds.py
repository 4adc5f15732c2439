"""RSS 2.0 feed of the newest published articles."""

from functools import partial

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from kkn_portal.versioned import versioned_response

from .models import Article

FEED_SIZE = 20
# Readers may store the feed but must ask again (If-None-Match) before using it.
FEED_CACHE_CONTROL = {"public": True, "no_cache": True}


class LatestArticlesFeed(Feed):
    """The 20 newest published articles, for feed readers (RSS 2.0)."""

    title = _("News from KKN-portalen")
    link = reverse_lazy("news:index")
    description = _("News about the cultural and creative industries in Norrbotten.")
    language = "sv"

    def __call__(self, request, *args, **kwargs):
        """The feed, built once per content version, with an ETag so polls get 304s."""
        render = partial(super().__call__, request, *args, **kwargs)
        return versioned_response(request, render, cache_control=FEED_CACHE_CONTROL)

    def items(self):
        return Article.objects.published().with_branches()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [branch.name for branch in item.branches.all()]
