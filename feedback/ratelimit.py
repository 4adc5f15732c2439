"""Per-client limits on comment posts (``FEEDBACK_RATE_LIMIT``, "5/m,50/d").

The counting itself is :mod:`kkn_portal.ratelimit`, shared with the consent
views: a keyed hash of the client (IPv6 by /64) in the shared cache.
"""

from django.conf import settings

from kkn_portal import client_ip, ratelimit
from kkn_portal.ratelimit import Limit  # noqa: F401 - part of this module's interface

# Also the HMAC salt of the client key, unchanged since the limit was written.
SCOPE = "feedback.ratelimit"


def configured_limits():
    """The limits in force, parsed from settings."""
    return ratelimit.parse_limits(getattr(settings, "FEEDBACK_RATE_LIMIT", "5/m,50/d"))


def client_key(request):
    """A keyed hash of the client (IPv6 by /64); never reversible to the address."""
    return client_ip.client_key(request, SCOPE)


def register_post(request, now=None):
    """Count one post; return the seconds to wait if a limit is exceeded, else 0."""
    return ratelimit.register(request, SCOPE, configured_limits(), now=now)
