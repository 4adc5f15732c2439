"""URLs of the cookie page and consent views."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "consent"

urlpatterns = [
    path("", TemplateView.as_view(template_name="consent/cookies.html"), name="cookies"),
]
