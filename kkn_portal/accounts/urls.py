"""URLs under /konto/: the one-time password-set link for editors."""

from django.urls import path

from kkn_portal.accounts import views

app_name = "accounts"

urlpatterns = [
    path("losenord/klart/", views.PasswordSetDoneView.as_view(), name="password-set-done"),
    path(
        "losenord/<uidb64>/<token>/",
        views.PasswordSetView.as_view(),
        name="password-set",
    ),
]
