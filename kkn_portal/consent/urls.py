"""URLs of the cookie page and the consent views, mounted at /cookies/."""

from django.urls import path

from . import views

app_name = "consent"

urlpatterns = [
    path("", views.CookiesView.as_view(), name="cookies"),
    path("godkann-alla/", views.AcceptAllView.as_view(), name="accept-all"),
    path("endast-nodvandiga/", views.RejectAllView.as_view(), name="reject-all"),
    path("spara/", views.SaveView.as_view(), name="save"),
]
