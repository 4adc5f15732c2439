"""Registration URLs, included under /evenemang/<slug>/anmalan/ in the events namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.RegisterView.as_view(), name="register"),
    path("avboka/<str:signed>/", views.CancelView.as_view(), name="cancel-registration"),
    path("<str:token>/", views.ConfirmationView.as_view(), name="registration"),
]
