"""URLs of the news app, mounted at /nyheter/."""

from django.urls import path

from kkn_portal.pagecache import cache_public_page

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", cache_public_page(views.ArticleListView.as_view()), name="index"),
    # Before the slug pattern, so an article cannot shadow the feed.
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("<slug:slug>/", cache_public_page(views.ArticleDetailView.as_view()), name="detail"),
]
