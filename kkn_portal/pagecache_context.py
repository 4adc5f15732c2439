"""Template context for per-response values, which a cached page holds as holes."""

from kkn_portal.pagecache import PLACEHOLDERS, rendering_for_cache


def holes(request):
    """``CSP_NONCE`` (instead of django-csp's processor), and ``csrf_token`` while caching.

    While :mod:`kkn_portal.pagecache` renders a page to store it, both are
    placeholders, filled with this response's nonce and CSRF token on every
    response, hit or miss; otherwise the nonce is django-csp's lazy
    ``request.csp_nonce`` and Django's own ``csrf_token`` stays in place.
    """
    if rendering_for_cache(request):
        return {
            "CSP_NONCE": PLACEHOLDERS["csp_nonce"],
            "csrf_token": PLACEHOLDERS["csrf_token"],
        }
    return {"CSP_NONCE": getattr(request, "csp_nonce", "")}
