"""Registration URLs, included under /evenemang/<slug>/anmalan/ in the events namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.RegisterView.as_view(), name="register"),
    path("avboka/<str:signed>/", views.CancelView.as_view(), name="cancel-registration"),
    # A token is secrets.token_urlsafe (letters, digits, - and _): anything
    # else, NUL included, is a 404 before the database is asked.
    path("<slug:token>/", views.ConfirmationView.as_view(), name="registration"),
]
