"""Per-client limits on comment posts, counted in the shared cache.

Limits come from ``FEEDBACK_RATE_LIMIT`` ("5/m,50/d": five a minute, fifty a
day). The cache key is a keyed hash of the proxy-validated client address:
the address itself is stored nowhere, and the counters expire with their
window. Each window is a sliding approximation over two fixed buckets (the
previous bucket counts in proportion to how much of it still overlaps), so
a burst across a bucket boundary is still caught. On Redis the counters
use atomic ``add``/``incr``.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.utils.crypto import salted_hmac

from kkn_portal.client_ip import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Limit:
    """At most ``count`` posts per ``period`` seconds."""

    count: int
    period: int

    @classmethod
    def parse(cls, text):
        count, _, unit = text.strip().partition("/")
        return cls(int(count), PERIODS[unit.strip()[:1] or "m"])


def configured_limits():
    """The limits in force, parsed from settings."""
    raw = getattr(settings, "FEEDBACK_RATE_LIMIT", "5/m,50/d")
    return [Limit.parse(part) for part in raw.split(",") if part.strip()]


def client_key(request):
    """A keyed hash of the client address; never reversible to the address."""
    return salted_hmac("feedback.ratelimit", client_ip(request)).hexdigest()[:32]


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


def register_post(request, now=None):
    """Count one post; return the seconds to wait if a limit is exceeded, else 0."""
    now = time.time() if now is None else now
    client = client_key(request)
    cache = caches["default"]
    wait = 0
    for limit in configured_limits():
        bucket, offset = divmod(now, limit.period)
        prefix = f"feedback:rl:{limit.period}:{client}"
        current = _bump(cache, f"{prefix}:{int(bucket)}", timeout=limit.period * 2)
        previous = cache.get(f"{prefix}:{int(bucket) - 1}", 0)
        weighted = previous * (1 - offset / limit.period) + current
        if weighted > limit.count:
            wait = max(wait, math.ceil(limit.period - offset))
    return wait
