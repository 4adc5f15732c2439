"""URLs of the news app, mounted at /nyheter/."""

from django.urls import path

from kkn_portal.pagecache import public_page

from . import feeds, views

app_name = "news"

urlpatterns = [
    path(
        "",
        public_page(views.ArticleListView.as_view(), query=("bransch", "page")),
        name="index",
    ),
    # Before the slug pattern, so an article cannot shadow the feed.
    path("rss/", public_page(feeds.LatestArticlesFeed(), by_consent=False), name="feed"),
    path("<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
]
