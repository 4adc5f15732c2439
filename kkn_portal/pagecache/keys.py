"""What names a cached page: the route's policy, the canonical query, the key, the encoding."""

import functools
import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from django.core.signals import setting_changed
from django.urls import Resolver404, resolve
from django.utils.autoreload import file_changed

# Preferred first: Brotli is about a fifth smaller than gzip for our pages.
CODINGS = ("br", "gzip")


@dataclass(frozen=True)
class Route:
    """A public page's view as the URLconf resolves a path: policy, class and arguments."""

    policy: object
    view_class: type | None
    args: tuple
    kwargs: dict


@functools.lru_cache(maxsize=4096)
def route(path, urlconf):
    """The :class:`Route` of a public page at ``path``, or None for anything else.

    Memoised: the URLconf maps a path to the same view for the life of the
    process (addresses nobody asked for fall out of the LRU).
    """
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    policy = getattr(match.func, "public_page", None)
    if policy is None:
        return None
    return Route(policy, getattr(match.func, "view_class", None), match.args, match.kwargs)


# Part of every key. Settings and templates never change in a running site;
# in tests (override_settings) and under the development server (a template
# edited) they do, and pages rendered before must not be served after. It
# starts at 0 in every process, so processes agree on keys.
_epoch = [0]


def epoch():
    """The current settings-and-templates epoch of this process."""
    return _epoch[0]


def _new_epoch(**kwargs):
    route.cache_clear()
    _epoch[0] += 1


setting_changed.connect(_new_epoch, dispatch_uid="pagecache_settings")
file_changed.connect(_new_epoch, dispatch_uid="pagecache_files")


def canonical_query(query_string, policy):
    """The query string of the parameters a view reads, sorted, without values that change nothing.

    ``policy.reads`` maps each name to the values that matter (None: any
    value). Empty values and ``page=1`` are the page without them. When no
    name occurs in the raw ``query_string`` at all (``?utm_source=…``), the
    query is not even parsed: an invented parameter costs no more than none.
    Otherwise it is parsed as ``QueryDict`` does (UTF-8, invalid bytes
    replaced, ``+`` a space, the last of repeated names), at a fraction of
    its cost.
    """
    if not query_string or not any(marker in query_string for marker in policy.markers):
        return ""
    reads = policy.reads
    values = dict(parse_qsl(query_string))
    pairs = []
    for name in sorted(reads):
        value = values.get(name)
        allowed = reads[name]
        if not value or (name == "page" and value == "1"):
            continue
        if allowed is None or value in allowed:
            pairs.append((name, value))
    return urlencode(pairs)


def page_key(*parts):
    """The cache key of a page: a digest of everything that names it."""
    return hashlib.blake2b("\n".join(map(str, parts)).encode(), digest_size=20).hexdigest()


def accepted_coding(header):
    """The best stored encoding the client accepts (``Accept-Encoding``), or "identity"."""
    if not header:
        return "identity"
    weights = {}
    for part in header.lower().split(","):
        coding, _, params = part.partition(";")
        weight = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                weight = float(params[2:])
            except ValueError:
                weight = 0.0
        weights[coding.strip()] = weight
    # The client's highest quality wins; on a tie, the order of CODINGS.
    best, best_weight = "identity", 0.0
    for coding in CODINGS:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = coding, weight
    return best
