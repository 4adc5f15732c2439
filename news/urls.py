"""URLs of the news app, mounted at /nyheter/."""

from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="index"),
    # Before the slug pattern, so an article cannot shadow the feed.
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
