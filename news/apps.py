"""App configuration for news."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """Articles that editors publish and citizens read."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        """Tell the portal's registries about articles (kkn_portal imports no app)."""
        from kkn_portal import content_version, overview, pages, sitemaps
        from kkn_portal.previews.views import register_preview
        from kkn_portal.search.sources import Source, register_source

        from .models import Article, ArticleLink
        from .overview import articles_section
        from .sitemaps import ArticleSitemap
        from .views import ArticlePreviewView

        content_version.register(
            Article,
            ArticleLink,
            transitions=[content_version.Transition(Article.objects.released, "published_at")],
        )
        register_source(Source("news", _("News"), Article, "body", "published_at"))
        register_preview("article", ArticlePreviewView)
        overview.register("articles", "news.view_article", articles_section)
        sitemaps.register("news", ArticleSitemap, index="news:index")
        pages.register_fixed("news:index", _("News"))
        pages.register_rows("news:detail", Article.objects.published)
