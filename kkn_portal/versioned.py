"""Responses that depend only on public content: cached per process, with an ETag.

The calendar files (``/evenemang/kalender.ics``, ``/evenemang/<slug>.ics``)
and the RSS feed are the same bytes for everyone until public content
changes, and calendar programs and feed readers poll them. So:

* the **ETag** is a digest of the content version
  (:func:`kkn_portal.content_version.current_version`, which changes on every
  save of public content, at every scheduled transition such as an event
  ending, and after every ``migrate``, i.e. every deploy) and of what else
  shapes the body: scheme, host, path and language. A poll with a matching
  ``If-None-Match`` gets a 304 after one shared-cache read, with no query;
* the **body** is built once per content version and process, and kept in
  the page cache's per-process ``LocMemCache`` under that same digest.
  Because the key holds the content version, an entry cannot go stale; it
  only stops being asked for (DESIGN.md, "Stateless app servers"). The
  ``PAGE_CACHE`` setting switches this off together with the page cache;
  the body is then built for every request and the ETag is its digest.

No ``Last-Modified``: no cheap value is correct. The newest ``updated_at``
misses deleted rows and events that ended (the body changes, the date does
not), so an ``If-Modified-Since`` poll could get a wrong 304. Django's feed
view still sends its own informational ``Last-Modified`` (the newest
article); ``If-Modified-Since`` is not answered with 304 here.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from kkn_portal import content_version
from kkn_portal.pagecache import CACHE_ALIAS


def version_key(request):
    """The digest naming ``request``'s body: content version, scheme, host, path, language."""
    parts = (
        content_version.current_version(),
        request.scheme,
        request.get_host(),
        request.path,
        getattr(request, "LANGUAGE_CODE", ""),
    )
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def versioned_response(request, render, *, cache_control, store=True):
    """``render()``'s response for ``request``, or a 304, with an ETag from the content version.

    ``render`` returns a plain 200 ``HttpResponse`` built only from public
    content; its body and headers are kept for this content version unless
    ``store`` is false (an editor's preview of an unpublished event).
    ``cache_control`` holds ``patch_cache_control`` arguments. With the page
    cache switched off, every request builds the body and the ETag is its digest.
    """
    if not settings.PAGE_CACHE_ENABLED:
        return _uncached_response(request, render, cache_control)
    key = version_key(request)
    etag = f'"{key}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache = caches[CACHE_ALIAS]
        entry = cache.get(f"versioned:{key}") if store else None
        if entry is None:
            built = render()
            if built.status_code != 200:
                return built
            entry = (built.content, tuple(built.items()))
            if store:
                cache.set(f"versioned:{key}", entry)
        content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
    response["ETag"] = etag
    patch_cache_control(response, **cache_control)
    return response


def _uncached_response(request, render, cache_control):
    response = render()
    if response.status_code != 200:
        return response
    etag = '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
    response = get_conditional_response(request, etag=etag, response=response) or response
    response["ETag"] = etag
    patch_cache_control(response, **cache_control)
    return response
