"""A small thread-safe LRU for per-process memos: bounded in entries and, optionally, in bytes."""

import threading
from collections import OrderedDict


class LRU:
    """Keeps the most recently used entries; the bounds are read at each ``put``.

    ``max_entries`` and ``max_bytes`` are callables (so settings changed in
    tests apply at once); ``size`` measures an entry for ``max_bytes``.
    """

    def __init__(self, max_entries, max_bytes=None, size=None):
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._size = size or (lambda entry: 0)

    def get(self, key):
        """The entry for ``key`` (now the most recently used), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        """Keep ``entry``, dropping the least recently used ones beyond the bounds."""
        max_entries = self._max_entries()
        max_bytes = self._max_bytes() if self._max_bytes else None
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= self._size(old)
            self._entries[key] = entry
            self._bytes += self._size(entry)
            while self._entries and (
                len(self._entries) > max_entries
                or (max_bytes is not None and self._bytes > max_bytes)
            ):
                _key, evicted = self._entries.popitem(last=False)
                self._bytes -= self._size(evicted)

    def keys(self):
        """The keys held, least recently used first."""
        with self._lock:
            return list(self._entries)

    def clear(self):
        """Forget everything."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0
