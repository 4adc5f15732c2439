"""URLs of the page-comment form."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "feedback"

urlpatterns = [
    path("", TemplateView.as_view(template_name="kkn_portal/home.html"), name="post"),
]
