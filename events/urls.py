"""URLs of the events app, mounted at /evenemang/."""

from django.urls import path

from kkn_portal.pagecache import cache_public_page

from . import views

app_name = "events"

# Fixed paths come before the slug patterns, so no event can shadow them
# (an event with the slug "tidigare" or "kalender" would otherwise win).
urlpatterns = [
    path("", cache_public_page(views.EventListView.as_view()), name="index"),
    path("tidigare/", cache_public_page(views.PastEventListView.as_view()), name="past"),
    path("kalender.ics", views.CalendarFeedView.as_view(), name="calendar"),
    path("<slug:slug>.ics", views.EventIcsView.as_view(), name="ics"),
    path("<slug:slug>/", cache_public_page(views.EventDetailView.as_view()), name="detail"),
]
