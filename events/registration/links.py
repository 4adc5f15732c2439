"""The visitor's signed cancel link (django.core.signing).

The link carries the registration's secret, signed with the site's key: a
changed or made-up link fails the signature. It works until the event has
ended; after that there is nothing left to cancel.
"""

from django.core import signing
from django.urls import reverse

from kkn_portal.site_url import absolute_url

SALT = "events.registration.cancel"


class LinkError(Exception):
    """A cancel link that cannot be used; ``reason`` is ``invalid`` or ``expired``."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def cancel_signature(registration):
    """The signed value that goes into the cancel link."""
    return signing.dumps(registration.token, salt=SALT)


def cancel_url(registration):
    """The absolute cancel link for the e-mail."""
    path = reverse(
        "events:cancel-registration",
        kwargs={"slug": registration.event.slug, "signed": cancel_signature(registration)},
    )
    return absolute_url(path)


def registration_for(signed, slug, now=None):
    """The registration a cancel link names; raises :class:`LinkError` otherwise."""
    from django.utils import timezone

    from .models import Registration

    try:
        token = signing.loads(signed, salt=SALT)
    except signing.BadSignature:
        raise LinkError("invalid") from None
    registration = (
        Registration.objects.select_related("event").filter(token=token, event__slug=slug).first()
    )
    if registration is None:
        raise LinkError("invalid")
    if registration.event.end < (now or timezone.now()):
        raise LinkError("expired")
    return registration
