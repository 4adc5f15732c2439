"""Is a POST from a page of this site? The Origin check that stands in for a CSRF token.

Public pages carry no CSRF token: a token would set the CSRF cookie on the
first visit and make every page personal, so no cache could share it. The
forms on them (the cookie banner, the comment form) are ``csrf_exempt`` and
require the request to come from this site instead: the ``Origin`` header
(or, if a browser sends none, the ``Referer``) must be this site's origin
or one of ``CSRF_TRUSTED_ORIGINS``, and ``Sec-Fetch-Site``, when sent, must
be ``same-origin``. For HTTPS this is the check Django's CSRF middleware
itself relies on first. A request with neither header is refused.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import is_same_domain


def _origin_of(url):
    """``scheme://host[:port]`` of ``url``, or None for anything that is not absolute."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _trusted(origin, request):
    """Whether ``origin`` is this site or one of CSRF_TRUSTED_ORIGINS (as Django checks it)."""
    if origin is None:
        return False
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    scheme, _sep, netloc = origin.partition("://")
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted_scheme, _sep, trusted_netloc = trusted.partition("://")
        if trusted_scheme == scheme and (
            trusted_netloc == netloc
            or (trusted_netloc.startswith("*") and is_same_domain(netloc, trusted_netloc[1:]))
        ):
            return True
    return False


def is_same_origin(request):
    """Whether a POST demonstrably comes from a page of this site."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is not None:
        return _trusted(origin, request)
    return _trusted(_origin_of(request.headers.get("Referer", "")), request)
