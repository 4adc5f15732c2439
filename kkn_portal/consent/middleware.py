"""Keep cookies the visitor has not agreed to out of every response.

Why not django-cookie-consent: its ``CleanCookiesMiddleware`` only deletes
cookies the browser already sends; it does not stop a response from
*setting* an unconsented cookie, which is what LEK 9:28 forbids. It loads
its cookie groups from the database (through the cache, which here is the
database cache by default) on every request, while our middleware must do
no database work per request (STYLE 17). Its banner is JavaScript-driven,
it has no Swedish, and its consent cookie is neither signed nor versioned
against a policy text. So the registry is a module (``registry``), the
choice a signed cookie (``state``), and this middleware a small filter.
"""

import logging

from django.utils.cache import patch_vary_headers

from . import registry, state

logger = logging.getLogger(__name__)


def _is_deletion(morsel):
    """A Set-Cookie that removes a cookie; removing is always allowed."""
    return str(morsel["max-age"]) == "0" or morsel["expires"] == "Thu, 01 Jan 1970 00:00:00 GMT"


def strip_unconsented(request, response):
    """Drop each Set-Cookie the visitor's consent (or the registry) does not allow."""
    for name, morsel in list(response.cookies.items()):
        if _is_deletion(morsel):
            continue
        entry = registry.find(name)
        if entry is None:
            logger.warning(
                "Removed cookie %r set by %s: not in the cookie registry", name, request.path
            )
            del response.cookies[name]
        elif not request.consent.allows(entry.category):
            del response.cookies[name]


def expire_unconsented(request, response):
    """Delete optional cookies the browser sends without (or after withdrawing) consent.

    Covers "reject after accept" (the consent views put the new choice on
    ``request.consent``) as well as expired, outdated or forged choices.
    """
    for name in request.COOKIES:
        entry = registry.find(name)
        if entry is not None and not request.consent.allows(entry.category):
            if name not in response.cookies:
                response.delete_cookie(name, path="/")


class ConsentMiddleware:
    """Expose ``request.consent`` and filter cookies on the way out.

    Sits outside the session, CSRF and messages middleware so it sees the
    cookies they set. Reads one signed cookie; no database, no cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.consent = state.from_request(request)
        response = self.get_response(request)
        strip_unconsented(request, response)
        expire_unconsented(request, response)
        if response.get("Content-Type", "").startswith("text/html"):
            # The banner and the statistics snippet depend on the consent cookie.
            patch_vary_headers(response, ["Cookie"])
        return response
