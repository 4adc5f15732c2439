"""RSS 2.0 feed of the newest published articles."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .branch_tags import with_branch_list
from .models import Article

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    """The 20 newest published articles, for feed readers (RSS 2.0)."""

    title = _("News from KKN-portalen")
    link = reverse_lazy("news:index")
    description = _("News about the cultural and creative industries in Norrbotten.")
    language = "sv"

    def items(self):
        return with_branch_list(Article.objects.published()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [branch.name for branch in item.branch_list]
