"""The visitor's IP address, trusting proxy headers only as far as configured.

django-ipware is not installed, so axes' ``AXES_IPWARE_*`` settings would be
silently ignored; settings.py points ``AXES_CLIENT_IP_CALLABLE`` here instead.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """Return the client's address as seen by the outermost trusted proxy.

    With ``TRUSTED_PROXY_COUNT = 0`` (the default: no proxy) this is
    ``REMOTE_ADDR`` and X-Forwarded-For is ignored, since anyone can send it.
    With N proxies, each appending the address it received the request from,
    the client is the N-th entry from the right of X-Forwarded-For; entries
    further left were written by the client and are never trusted.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxy_count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxy_count <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxy_count:
        # The request did not pass all configured proxies: nothing to trust.
        return remote_addr
    candidate = forwarded[-proxy_count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
