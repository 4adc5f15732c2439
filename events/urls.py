"""URLs of the events app, mounted at /evenemang/."""

from django.urls import include, path

from kkn_portal.pagecache import public_page

from . import views

app_name = "events"
# The GET parameters the event lists read.
FILTERS = ("typ", "manad", "page")

# Fixed paths come before the slug patterns, so no event can shadow them
# (an event with the slug "tidigare" or "kalender" would otherwise win).
urlpatterns = [
    path("", public_page(views.EventListView.as_view(), query=FILTERS), name="index"),
    path("tidigare/", public_page(views.PastEventListView.as_view(), query=FILTERS), name="past"),
    path(
        "kalender.ics",
        public_page(views.CalendarFeedView.as_view(), by_consent=False),
        name="calendar",
    ),
    path(
        "<slug:slug>.ics", public_page(views.EventIcsView.as_view(), by_consent=False), name="ics"
    ),
    path("<slug:slug>/anmalan/", include("events.registration.urls")),
    path("<slug:slug>/", public_page(views.EventDetailView.as_view()), name="detail"),
]
