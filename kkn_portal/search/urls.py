"""URLs of the site search, mounted at /sok/."""

from django.urls import path

from kkn_portal.pagecache import public_page

from .views import SearchView

app_name = "search"

# Results depend only on published content and the query, so a repeated
# search is a page-cache hit until the content version changes.
urlpatterns = [
    path("", public_page(SearchView.as_view(), query=("q", "page"), free=("q",)), name="index"),
]
