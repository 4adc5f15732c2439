"""Where pages are kept: a bounded LRU per process, the shared cache, one render per change."""

import threading

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from kkn_portal.pagecache import store

from . import urls as test_urls

pytestmark = pytest.mark.django_db


def page(size=10):
    return store.StoredPage(200, (("Content-Type", "text/plain"),), {"identity": b"x" * size})


def test_local_pages_are_bounded_in_entries(settings):
    """The oldest-used entries go first when there are too many."""
    settings.PAGE_CACHE_MAX_ENTRIES = 3
    pages = store.LRU(lambda: settings.PAGE_CACHE_MAX_ENTRIES, store._max_bytes, lambda e: e.size)
    for key in "abcd":
        pages.put(key, page())
        pages.get("a")  # a stays in use
    assert pages.get("a") is not None and pages.get("d") is not None
    assert pages.get("b") is None


def test_local_pages_are_bounded_in_bytes(settings):
    """A few huge pages cannot take more than PAGE_CACHE_MAX_MB."""
    settings.PAGE_CACHE_MAX_MB = 1
    pages = store.LRU(lambda: settings.PAGE_CACHE_MAX_ENTRIES, store._max_bytes, lambda e: e.size)
    for key in "abc":
        pages.put(key, page(400_000))
    assert pages.get("a") is None and pages.get("c") is not None


@pytest.mark.urls("tests.pagecache.urls")
def test_another_process_gets_the_page_from_the_shared_cache():
    """A second worker (empty memory) serves the page from the shared cache without rendering."""
    test_urls.calls.clear()
    url = reverse("test-plain")
    assert Client().get(url).page_cache == "miss"
    store.local_pages.clear()  # a worker that has not seen the page
    assert Client().get(url).page_cache == "hit"
    assert len(test_urls.calls) == 1


@pytest.mark.urls("tests.pagecache.urls")
def test_a_page_being_rendered_elsewhere_is_waited_for(monkeypatch):
    """While another worker renders a page, this one waits for its result instead of rendering."""
    monkeypatch.setattr(store, "POLL_INTERVAL", 0.01)
    test_urls.calls.clear()
    url = reverse("test-plain")
    Client().get(url)  # learn the key and the entry
    (key,) = store.local_pages.keys()
    entry = store.local_pages.get(key)
    store.local_pages.clear()
    cache.delete(f"page:{key}")  # the content changed back and forth: no page stored yet
    cache.add(f"pagelock:{key}", 1)  # another worker has claimed the render
    timer = threading.Timer(0.05, lambda: cache.set(f"page:{key}", entry))
    timer.start()
    response = Client().get(url)
    timer.join()
    assert response.page_cache == "hit"
    assert len(test_urls.calls) == 1, "rendered once, by the other worker"


@pytest.mark.urls("tests.pagecache.urls")
def test_a_render_that_never_comes_is_not_waited_for_long(monkeypatch):
    """A claim whose holder died: render after a short wait rather than fail."""
    monkeypatch.setattr(store, "WAIT_FOR_OTHER_RENDER", 0.05)
    monkeypatch.setattr(store, "POLL_INTERVAL", 0.01)
    test_urls.calls.clear()
    url = reverse("test-plain")
    Client().get(url)
    (key,) = store.local_pages.keys()
    store.local_pages.clear()
    cache.delete(f"page:{key}")
    cache.add(f"pagelock:{key}", 1)
    assert Client().get(url).status_code == 200
    assert len(test_urls.calls) == 2


def test_stored_page_keeps_headers_but_not_the_per_response_ones():
    """Content-Length, encoding, ETag, Vary and Cache-Control are set per answer, not stored."""
    response = HttpResponse(b"<p>x</p>" * 100, content_type="text/html")
    for name in ("Content-Length", "ETag", "Vary", "Cache-Control", "Content-Encoding"):
        response[name] = "stale"
    response["X-Frame-Options"] = "DENY"
    entry = store.StoredPage.from_response(response, "tag")
    names = {name.lower() for name, _value in entry.headers}
    assert names == {"content-type", "x-frame-options"}
    assert set(entry.bodies) == {"identity", "br", "gzip"}
