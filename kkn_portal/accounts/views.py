"""Views for setting a password from a one-time link (see create_editor)."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """Django's password-reset confirmation, worded for a first password.

    The token is Django's password-reset token: it stops working once the
    password is set (the token hashes the password) or after
    ``PASSWORD_RESET_TIMEOUT``.
    """

    template_name = "registration/password_set_confirm.html"
    success_url = reverse_lazy("accounts:password-set-done")
    title = _("Choose your password")


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    """Confirmation that the password is set, with a link to the login."""

    template_name = "registration/password_set_complete.html"
    title = _("Your password is set")
