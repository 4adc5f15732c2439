"""Absolute one-time links for editors, built outside a request."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def password_set_url(user):
    """Return the absolute URL where ``user`` chooses a password, once.

    Uses Django's password-reset token, so the link dies when the password
    changes or after ``PASSWORD_RESET_TIMEOUT`` (three days by default).
    """
    path = reverse(
        "accounts:password-set",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path
