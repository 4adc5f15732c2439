"""The visitor's IP address, trusting proxy headers only as far as configured.

Two answers for two purposes. :func:`client_ip` is the address itself (for
reCAPTCHA's ``remoteip``). :func:`client_group` is what every limit counts
(the comment rate limit, the consent limit, the admin login lockout, and
any future limit such as a "was this page helpful?" vote): an IPv4 address
on its own, but an IPv6 address by its /64 network, because one client
commonly holds a whole /64 (RFC 6177, SLAAC privacy addresses) and could
otherwise walk around a limit by changing the last 64 bits.
:func:`client_key` hashes the group for keys in the shared cache.

django-ipware is not installed, so axes' ``AXES_IPWARE_*`` settings would be
silently ignored; settings.py points ``AXES_CLIENT_IP_CALLABLE`` at
:func:`client_group` instead.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac

# The prefix one IPv6 client is assumed to hold: the smallest subnet an ISP
# hands out, and the one SLAAC picks addresses from.
IPV6_CLIENT_PREFIX = 64


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


def address_group(address):
    """The unit a limit counts for ``address``: itself for IPv4, its /64 for IPv6.

    The /64 is written as its first address (``2001:db8:1:2::``), so it is a
    valid IP address wherever one is stored (axes' ``GenericIPAddressField``).
    An IPv4-mapped IPv6 address (``::ffff:192.0.2.1``, from a dual-stack
    socket) counts as the IPv4 address it carries. Anything that is not an
    address comes back unchanged.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    network = ipaddress.IPv6Network((ip, IPV6_CLIENT_PREFIX), strict=False)
    return str(network.network_address)


def client_group(request):
    """The proxy-validated client address grouped as :func:`address_group` does."""
    return address_group(client_ip(request))


def client_key(request, scope):
    """A keyed hash of :func:`client_group` for counters in the shared cache.

    ``scope`` keeps the counters of different limits apart. The hash is
    keyed with SECRET_KEY, so the stored key never reveals the address.
    """
    return salted_hmac(scope, client_group(request)).hexdigest()[:32]
