"""Shareable public pages: whole responses cached before sessions, CSRF and the rest run.

A public page is the same bytes for every anonymous visitor with the same
consent choice, so it can be cached by every layer: the browser (ETag and
304), this process, the shared cache, the reverse proxy and a CDN
(``Cache-Control: public``). In the URLconf, :func:`public_page` marks a
view as such a page and names the GET parameters it reads; every other
parameter is dropped before the view runs, so ``?utm_source=x`` is the same
page as the bare address and costs no more than a cache hit.

:class:`~kkn_portal.pagecache.middleware.PageCacheMiddleware` does the rest:
it answers an anonymous GET or HEAD from the stored response (body and
headers whole, with gzip and Brotli variants compressed once, when stored)
or with a 304, and otherwise lets the request through and stores what
comes back. The key is the content version (``kkn_portal.content_version``),
the consent variant, scheme, host, path and the parameters the view reads:
an entry can never go stale, only stop being asked for.
"""

from dataclasses import dataclass
from functools import cached_property

# Parameters any page may read, registered by apps (the comment form's
# thank-you): name -> the values that make a difference (others are dropped).
_site_wide_parameters = {}


@dataclass(frozen=True)
class PublicPage:
    """What the page cache knows about a view: the GET parameters it reads.

    ``by_consent`` is false for responses that are the same whatever the
    visitor chose about cookies (feeds, calendars, robots.txt): they are
    stored once and vary on ``Accept-Encoding`` only. ``free`` names the
    parameters whose every value is a real page (a search query): a list's
    other parameters (filters, page numbers) are checked before rendering.
    """

    parameters: frozenset
    by_consent: bool = True
    free: frozenset = frozenset()

    @cached_property
    def reads(self):
        """``{name: allowed values or None for any}``: this view's and the site-wide parameters.

        Read once per process (site-wide parameters are registered in
        ``ready()``, before the first request).
        """
        return {**dict.fromkeys(self.parameters), **_site_wide_parameters}

    @cached_property
    def markers(self):
        """``("name=", …)`` for each parameter read: a query without any of them is not parsed."""
        return tuple(f"{name}=" for name in self.reads)


def public_page(view, *, query=(), free=(), by_consent=True):
    """Mark ``view`` (a URLconf callable) as a public, shareable page.

    ``query`` names the GET parameters the view reads, ``free`` those among
    them that take any text (see :class:`PublicPage`). The view must not
    read anything else that varies per request (no session, no CSRF token,
    no CSP nonce): everything it returns is shown to every visitor. Pass
    ``by_consent=False`` for a response that is not an HTML page with the
    cookie banner.
    """
    view.public_page = PublicPage(frozenset(query), by_consent, frozenset(free))
    return view


def register_site_wide_parameter(name, values):
    """Let every public page read ``name`` when it has one of ``values`` (from ``ready()``)."""
    _site_wide_parameters[name] = frozenset(values)
