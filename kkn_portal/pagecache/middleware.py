"""The page cache's middleware: answer anonymous GETs of public pages before anything else runs.

Placed right after SecurityMiddleware and WhiteNoise, before sessions,
CSRF, authentication, messages and consent: a hit runs none of them. The
stored response already carries every header those middlewares added when
the page was rendered (CSP, X-Frame-Options …); SecurityMiddleware, outside
this one, adds its own to every response, hit or miss.

Passed through untouched: other methods, paths that are not public pages,
visitors with a live session (staff, editors' previews; a cookie naming
no session is ignored), a request that
carries an optional cookie its consent does not allow (the consent
middleware must delete it), and everything while the shared cache is down
(the content version is unknown, so nothing may be served from a cache).
Stored: complete 200 and 404 answers that set no cookie and do not say
``private``, ``no-store`` or ``no-cache``. A made-up filter value or page
number on a list is answered with that list's stored 404 (see
:mod:`~kkn_portal.pagecache.preflight`), not stored again under its own key.
"""

from importlib import import_module

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.urls import get_urlconf
from django.utils.cache import patch_cache_control

from kkn_portal import content_version
from kkn_portal.consent import registry, state

from . import preflight, store
from .keys import accepted_coding, canonical_query, epoch, page_key, route

STORABLE_STATUSES = (200, 404)
NOT_SHAREABLE = ("private", "no-store", "no-cache")
# The consent choice travels in a cookie; a proxy should key on kkn_consent alone (README).
VARY_BY_CONSENT = "Cookie, Accept-Encoding"
VARY = "Accept-Encoding"


def _matches(if_none_match, etag):
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, RFC 9110 13.1.2)."""
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def _has_unconsented_cookie(request, consent):
    """Whether the browser sends an optional cookie its consent does not (or no longer) allow."""
    for name in request.COOKIES:
        entry = registry.find(name)
        if entry is not None and not consent.allows(entry.category):
            return True
    return False


def _has_live_session(request):
    """Whether the session cookie names a session that exists and has not expired.

    One query, for staff only: a made-up ``sessionid`` must not buy a full
    render of every page it asks for.
    """
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore(request.COOKIES[settings.SESSION_COOKIE_NAME])
    session.load()
    return session.session_key is not None


def _is_storable(request, response):
    if response.status_code not in STORABLE_STATUSES or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if any(directive in response.get("Cache-Control", "") for directive in NOT_SHAREABLE):
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)


class PageCacheMiddleware:
    """Serve and store whole public pages for anonymous visitors (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        page = route(request.path_info, get_urlconf())
        if page is None:
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and _has_live_session(request):
            return self._personal(request)
        consent, trusted = state.from_request_checked(request)
        version = content_version.current()
        if version is None or _has_unconsented_cookie(request, consent):
            return self._bypass(request)
        policy = page.policy
        query = canonical_query(request.META.get("QUERY_STRING", ""), policy)
        variant = consent.variant if policy.by_consent else "*"
        names = (version, epoch(), variant, request.scheme, request.get_host(), request.path)
        key = page_key(*names, query)
        entry, outcome = store.local_pages.get(key), "hit"
        if entry is None:
            # Before the shared cache: a made-up filter or page must not cost a round trip.
            if preflight.is_not_found(request, page, version, epoch(), query):
                key = page_key(*names, "404")  # one stored 404 for every made-up list address
            entry = store.fetch(key)
        if entry is None:
            entry, outcome = self._render(request, key, query)
        if not isinstance(entry, store.StoredPage):
            return entry  # a response that may not be stored
        response = self._answer(request, entry, policy, shared=trusted or not policy.by_consent)
        response.page_cache = outcome
        return response

    def _bypass(self, request):
        """The page rendered as if there were no cache (marked for tests and logs)."""
        response = self.get_response(request)
        response.page_cache = "bypass"
        return response

    def _personal(self, request):
        """A public page for someone with a session: rendered for them, kept from shared caches."""
        response = self._bypass(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response

    def _render(self, request, key, query):
        """``(entry, "miss")``: the page rendered once for all processes and stored.

        A response that may not be stored comes back as it is, with
        ``"uncacheable"``; a page another process rendered meanwhile, with ``"hit"``.
        """
        claimed, entry = store.claim_render(key)
        if entry is not None:
            return entry, "hit"
        # The view sees exactly the parameters that are part of the key.
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query
        try:
            response = self.get_response(request)
            if not _is_storable(request, response):
                response.page_cache = "uncacheable"
                return response, "uncacheable"
            entry = store.StoredPage.from_response(response, key[:24])
            store.keep(key, entry)
            return entry, "miss"
        finally:
            if claimed:
                store.release_render(key)

    def _answer(self, request, entry, policy, *, shared):
        """The stored page (or a 304) in the encoding the client prefers."""
        coding = accepted_coding(request.headers.get("Accept-Encoding", ""))
        if coding not in entry.bodies:
            coding = "identity"
        etag = entry.etag(coding)
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and _matches(if_none_match, etag):
            response = HttpResponseNotModified()
        else:
            body = entry.bodies[coding]
            response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry.status)
            for name, value in entry.headers:
                response[name] = value
            response["Content-Length"] = str(len(body))
            if coding != "identity":
                response["Content-Encoding"] = coding
        response["ETag"] = etag
        response["Vary"] = VARY_BY_CONSENT if policy.by_consent else VARY
        if shared:
            response["Cache-Control"] = (
                f"public, max-age={settings.PAGE_MAX_AGE}, s-maxage={settings.PAGE_S_MAXAGE}"
            )
        else:
            # A consent cookie we could not verify: right for this browser, not for a proxy.
            response["Cache-Control"] = f"private, max-age={settings.PAGE_MAX_AGE}"
        return response
