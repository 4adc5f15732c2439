"""Where cached pages live: this process's memory first, then the shared cache.

A page is rendered once per content version for all workers and machines:
the first process to miss takes a short lock in the shared cache, renders,
compresses and stores the page there; the others wait for it (a little)
instead of rendering too. Each process keeps the pages it serves in a
bounded LRU of its own, so a hit costs no round trip. Entries are keyed by
the content version, so neither layer ever needs invalidating.
"""

import gzip
import logging
import time
from dataclasses import dataclass, field

import brotli
from django.conf import settings
from django.core.cache import cache as shared_cache

from .lru import LRU

logger = logging.getLogger(__name__)

# Brotli's quality 11 is about ten times slower than 9 for a page, for 2-3 % fewer bytes.
BROTLI_QUALITY = 9
# Smaller bodies are not worth a Content-Encoding.
MIN_COMPRESS_BYTES = 256
LOCK_SECONDS = 10
WAIT_FOR_OTHER_RENDER = 3.0
POLL_INTERVAL = 0.05


@dataclass
class StoredPage:
    """A response as it is kept: status, headers and the body in each encoding."""

    status: int
    headers: tuple
    bodies: dict = field(default_factory=dict)
    tag: str = ""

    @classmethod
    def from_response(cls, response, tag):
        """Keep ``response`` (rendered, not streaming), compressed once, as ``tag``."""
        body = response.content
        bodies = {"identity": body}
        if len(body) >= MIN_COMPRESS_BYTES:
            bodies["br"] = brotli.compress(body, quality=BROTLI_QUALITY)
            # mtime=0: the same page compresses to the same bytes in every process.
            bodies["gzip"] = gzip.compress(body, compresslevel=9, mtime=0)
        skip = {"content-length", "content-encoding", "etag", "vary", "cache-control"}
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in skip
        )
        return cls(response.status_code, headers, bodies, tag)

    @property
    def size(self):
        """Bytes held, all encodings together."""
        return sum(len(body) for body in self.bodies.values())

    def etag(self, coding):
        """A strong ETag per representation: each encoding is other bytes."""
        return f'"{self.tag}"' if coding == "identity" else f'"{self.tag}-{coding}"'


def _max_bytes():
    return settings.PAGE_CACHE_MAX_MB * 1024 * 1024


# This process's pages, most recently used kept.
local_pages = LRU(lambda: settings.PAGE_CACHE_MAX_ENTRIES, _max_bytes, lambda entry: entry.size)


def _shared_key(key):
    return f"page:{key}"


def _shared(operation, *args, default=None, **kwargs):
    """Call the shared cache; when it fails, log it and carry on with ``default``.

    A page is then rendered, or kept by this process only: an unreachable
    shared cache makes the site slower, never broken.
    """
    try:
        return getattr(shared_cache, operation)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any client or backend error
        logger.warning("Shared cache %s failed: %r", operation, exc)
        return default


def fetch(key):
    """The stored page for ``key``: from this process, else from the shared cache."""
    entry = local_pages.get(key)
    if entry is None:
        entry = _shared("get", _shared_key(key))
        if entry is not None:
            local_pages.put(key, entry)
    return entry


def keep(key, entry):
    """Store ``entry`` in both layers."""
    local_pages.put(key, entry)
    _shared("set", _shared_key(key), entry, timeout=settings.PAGE_CACHE_SHARED_SECONDS)


def claim_render(key):
    """Try to become the one process that renders ``key``; True if this one should.

    When another process holds the claim, wait up to WAIT_FOR_OTHER_RENDER
    for its page and return it instead (False when it did not come in time:
    render after all rather than keep a visitor waiting).
    """
    if _shared("add", f"pagelock:{key}", 1, timeout=LOCK_SECONDS, default=True):
        return True, None
    deadline = time.monotonic() + WAIT_FOR_OTHER_RENDER
    while time.monotonic() < deadline:
        time.sleep(POLL_INTERVAL)
        entry = _shared("get", _shared_key(key))
        if entry is not None:
            local_pages.put(key, entry)
            return False, entry
    return False, None


def release_render(key):
    """Give up the render claim (after storing, or when the page was not storable)."""
    _shared("delete", f"pagelock:{key}")
