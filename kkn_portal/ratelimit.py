"""Per-client limits counted in the shared cache, for any form a visitor posts.

A limit is written like "5/m,50/d" (five a minute, fifty a day). Clients are
counted by :func:`kkn_portal.client_ip.client_key`: a keyed hash of the
proxy-validated address (IPv6 grouped by /64), so the address itself is
stored nowhere and the counters expire with their window. Each window is a
sliding approximation over two fixed buckets (the previous bucket counts in
proportion to how much of it still overlaps), so a burst across a bucket
boundary is still caught. On Redis the counters use atomic ``add``/``incr``.

Used by the comment form (``feedback.ratelimit``) and the consent views; a
new limit calls :func:`register` with its own scope and limits.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache

from kkn_portal.client_ip import client_key

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Limit:
    """At most ``count`` posts per ``period`` seconds."""

    count: int
    period: int

    @classmethod
    def parse(cls, text):
        """``"5/m"`` → ``Limit(5, 60)``; the unit is its first letter (s, m, h, d)."""
        count, _, unit = text.strip().partition("/")
        return cls(int(count), PERIODS[unit.strip()[:1] or "m"])


def parse_limits(text):
    """``"5/m,50/d"`` → a list of :class:`Limit`."""
    return [Limit.parse(part) for part in text.split(",") if part.strip()]


def _bump(cache, key, timeout):
    """Add one to a counter that lives ``timeout`` seconds."""
    if cache.add(key, 1, timeout=timeout):
        return 1
    if type(cache).incr is not BaseCache.incr:
        # Redis and locmem increment atomically and keep the expiry.
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=timeout)
            return 1
    # The generic incr() would reset the expiry to the default (5 minutes),
    # which would lose a day counter on the database cache.
    value = (cache.get(key) or 0) + 1
    cache.set(key, value, timeout=timeout)
    return value


def register(request, scope, limits, now=None):
    """Count one post in ``scope``; return the seconds to wait if a limit is exceeded, else 0.

    Raises whatever the shared cache raises when it cannot be reached; each
    caller decides whether that refuses the post or lets it through.
    """
    now = time.time() if now is None else now
    client = client_key(request, scope)
    cache = caches["default"]
    wait = 0
    for limit in limits:
        bucket, offset = divmod(now, limit.period)
        prefix = f"{scope}:rl:{limit.period}:{client}"
        current = _bump(cache, f"{prefix}:{int(bucket)}", timeout=limit.period * 2)
        previous = cache.get(f"{prefix}:{int(bucket) - 1}", 0)
        weighted = previous * (1 - offset / limit.period) + current
        if weighted > limit.count:
            wait = max(wait, math.ceil(limit.period - offset))
    return wait
