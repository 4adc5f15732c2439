"""Whole-page cache for the public HTML pages, for anonymous visitors.

``cache_public_page(view)`` wraps a view in the URLconf. A GET from a
visitor without a session cookie (so anonymous, known without a session
query) is answered from ``caches["pages"]`` when the same page was rendered
before under the same key:

* the content version (:mod:`kkn_portal.content_version`), which changes on
  every save of public content and at every scheduled transition, so an
  entry never outlives the content it shows;
* scheme, host, path and query string (``?kommentar=tack`` included);
* the consent variant (no choice yet / the accepted categories): the
  banner, the statistics snippet and the captcha depend on it;
* the language and a settings epoch that changes on ``setting_changed``
  (tests' ``override_settings``; in production settings never change).

Because the key holds the content version, the cache may live in each
process's memory (a bounded ``LocMemCache``): an entry cannot go stale,
it only stops being asked for (DESIGN.md, "Stateless app servers").

Per-response values are HOLES: while a page is rendered for the cache, the
CSP nonce, the CSRF token and the comment form's one-time token render as
random placeholders (:func:`hole`, and :mod:`kkn_portal.pagecache_context`
for ``CSP_NONCE`` and ``csrf_token``), and every response, hit or miss, is
filled with this request's values: the real nonce (read through
``request.csp_nonce``, so django-csp puts it in the header and our CSP
middleware adds ``Cache-Control: private``), ``get_token(request)`` (so
the CSRF cookie is set exactly as for an uncached page) and a fresh uuid4.

Never cached: other methods, visitors with a session (staff, editors'
previews, pending messages), responses other than a plain 200, responses
that set cookies or say ``no-store``/``no-cache``/``private`` (previews),
and responses after which the session was modified or holds messages.

No ETag or Last-Modified here, on purpose: every page carries a fresh CSP
nonce in its header. A 304 would make the browser reuse a body whose
inline scripts carry an old nonce under a header with a new one (the
scripts stop working), or, to avoid that, force the nonce to repeat across
responses, which defeats it (RULES C4.8). The saving would be bytes on the
wire, not CPU: the page cache already answers without rendering.
"""

import hashlib
import secrets
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.autoreload import file_changed
from django.utils.cache import get_max_age

from kkn_portal import content_version

CACHE_ALIAS = "pages"
# Random per process: the cache is per process too, and no content can
# contain a placeholder it does not know.
_PREFIX = "pagecachehole" + secrets.token_hex(10)
_RENDERING = "_pagecache_rendering"
NOT_CACHEABLE_DIRECTIVES = ("no-store", "no-cache", "private")

# Settings epoch: bumped whenever a setting changes at runtime (tests).
_settings_epoch = [secrets.token_hex(4)]


def _fresh_nonce(request):
    # Reading request.csp_nonce is what makes django-csp add it to the header.
    return str(getattr(request, "csp_nonce", ""))


def _fresh_form_token(request):
    return str(uuid.uuid4())


# name -> how to compute the real value for this response.
FILLERS = {
    "csp_nonce": _fresh_nonce,
    "csrf_token": get_token,
    "form_token": _fresh_form_token,
}
PLACEHOLDERS = {name: f"{_PREFIX}{name.replace('_', '')}" for name in FILLERS}
_MARKERS = {name: placeholder.encode() for name, placeholder in PLACEHOLDERS.items()}


def rendering_for_cache(request):
    """Whether ``request``'s page is being rendered to be stored in the cache."""
    return getattr(request, _RENDERING, False)


def hole(request, name):
    """The placeholder for ``name`` while rendering for the cache, else the real value.

    ``name`` is one of ``FILLERS``: ``"csp_nonce"``, ``"csrf_token"`` or
    ``"form_token"`` (a fresh uuid4 string per response).
    """
    if request is not None and rendering_for_cache(request):
        return PLACEHOLDERS[name]
    return FILLERS[name](request)


def fill(request, content):
    """``content`` (bytes) with every placeholder replaced by this response's value."""
    if _PREFIX.encode() not in content:
        return content
    for name, marker in _MARKERS.items():
        if marker in content:
            content = content.replace(marker, FILLERS[name](request).encode())
    return content


def page_cache():
    """The per-process cache that holds the pages (``CACHES["pages"]``)."""
    return caches[CACHE_ALIAS]


def is_cacheable_request(request):
    """A GET/HEAD from a visitor who has no session: anonymous, nothing pending."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def consent_variant(request):
    """``"-"`` before any choice, else the accepted optional categories."""
    consent = getattr(request, "consent", None)
    if consent is None or not consent.has_chosen:
        return "-"
    return "+" + ",".join(sorted(consent.categories))


def cache_key(request):
    """The key of ``request``'s page; see the module docstring for its parts."""
    parts = (
        content_version.current_version(),
        _settings_epoch[0],
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        consent_variant(request),
        getattr(request, "LANGUAGE_CODE", ""),
    )
    digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=20).hexdigest()
    return f"page:{digest}"


def is_cacheable_response(request, response):
    """A plain, complete 200 that sets no cookie and allows caching, with nothing pending."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(directive in cache_control for directive in NOT_CACHEABLE_DIRECTIVES):
        return False
    if get_max_age(response) == 0:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and len(messages))


def _render_for_cache(view, request, args, kwargs):
    """Call the view with holes instead of per-request values, and render it."""
    had_nonce = "csp_nonce" in request.__dict__
    lazy_nonce = request.__dict__.get("csp_nonce")
    setattr(request, _RENDERING, True)
    # Code that reads request.csp_nonce itself (the reCAPTCHA widget) gets the hole too.
    request.csp_nonce = PLACEHOLDERS["csp_nonce"]
    try:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    finally:
        setattr(request, _RENDERING, False)
        if had_nonce:
            request.csp_nonce = lazy_nonce
        else:
            del request.csp_nonce
    return response


def _response_from(request, entry):
    status, content, headers = entry
    response = HttpResponse(fill(request, content), status=status)
    for name, value in headers:
        response[name] = value
    return response


def cache_public_page(view):
    """Serve ``view``'s public HTML from the page cache (see the module docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable_request(request):
            response = view(request, *args, **kwargs)
            response.page_cache = "bypass"
            return response
        cache = page_cache()
        key = cache_key(request)
        entry = cache.get(key)
        if entry is not None:
            response = _response_from(request, entry)
            response.page_cache = "hit"
            return response
        response = _render_for_cache(view, request, args, kwargs)
        if is_cacheable_response(request, response):
            entry = (response.status_code, response.content, tuple(response.items()))
            cache.set(key, entry)
            response = _response_from(request, entry)
            response.page_cache = "miss"
        else:
            if not response.streaming:
                response.content = fill(request, response.content)
            response.page_cache = "uncacheable"
        return response

    return wrapper


def _new_settings_epoch(**kwargs):
    _settings_epoch[0] = secrets.token_hex(4)


def _clear_on_file_change(**kwargs):
    # The development server reloads templates without restarting the process.
    page_cache().clear()


setting_changed.connect(_new_settings_epoch, dispatch_uid="pagecache_settings_epoch")
file_changed.connect(_clear_on_file_change, dispatch_uid="pagecache_file_changed")
