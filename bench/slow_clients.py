"""Fault test: 50 clients trickling their request headers must not delay anyone behind nginx.

``python bench/slow_clients.py`` (as root on Debian; PostgreSQL and Redis on
127.0.0.1; database ``DATABASE_URL``, default kkn_proxy). gunicorn
(bench/server.py: 2 workers x 2 threads, production settings) with
deploy/nginx.conf in front (bench/nginx.py). A normal visitor fetches a
cached page (``/``) and the health probe, which nginx never caches (so
every request reaches a gunicorn thread and the database), every 50 ms,
first alone, then for 20 s while 50 connections send their request
headers one line a second (slowloris), reconnecting whenever the server
cuts them off.

The same 50 slow connections are then pointed straight at gunicorn for
6 s: each one holds a gunicorn thread while it trickles, so the visitor's
requests wait (2 s timeout each). That is expected, and the reason the
proxy buffers requests (client_header_timeout 10 s in nginx-cache.conf).
Bounded: at most 50 sockets, about 45 s in all, 127.0.0.1 only.

Verdict: PASS when, through nginx with the slow clients, the visitor's
p99 is under 100 ms for both pages and no request failed.
"""

import http.client
import os
import socket
import statistics
import sys
import threading
import time

from nginx import Nginx, free_port
from server import Gunicorn

SLOW_CLIENTS = 50
TRICKLE_SECONDS = 1.0
PROXY_SECONDS, DIRECT_SECONDS, QUIET_SECONDS = 20, 6, 5
# A cached page, and one nginx never caches: every request of it reaches gunicorn.
PATHS = ("/", "/healthz")
P99_LIMIT_MS = 100
DATABASE = "postgres://postgres@127.0.0.1:5432/kkn_proxy"


class Slowloris:
    """``count`` connections to 127.0.0.1:``port`` that never finish their headers."""

    def __init__(self, port, count=SLOW_CLIENTS):
        """Prepare; the connections open in ``__enter__``."""
        self.port, self.count = port, count
        self.cut = 0  # connections the server closed on us
        self.opened = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _open(self):
        """A new connection that has sent its request line and Host, nothing more."""
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=2)
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n".encode())
        self.opened += 1
        return sock

    def _alive(self, sock, line):
        """Send one more header line; False when the server has closed the connection."""
        try:
            sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
            return False  # closed (b"") or answered (a 408) instead of waiting
        except BlockingIOError:
            pass  # nothing from the server: it is still waiting for the headers
        except OSError:
            return False
        try:
            sock.sendall(line)
            return True
        except OSError:
            return False

    def _run(self):
        """Open ``count`` connections, then trickle a header line on each every second."""
        socks = []
        try:
            while len(socks) < self.count and not self.stop.is_set():
                try:
                    socks.append(self._open())
                except OSError:
                    time.sleep(0.05)  # a full accept queue: try again
            tick = 0
            while not self.stop.wait(TRICKLE_SECONDS):
                tick += 1
                for index, sock in enumerate(socks):
                    if not self._alive(sock, f"X-Slow-{tick}: x\r\n".encode()):
                        self.cut += 1
                        sock.close()
                        try:
                            socks[index] = self._open()
                        except OSError:
                            pass
        finally:
            for sock in socks:
                sock.close()

    def __enter__(self):
        """Start trickling and give the connections a second to open."""
        self.thread.start()
        time.sleep(1.0)  # let all connections open before the visitor starts
        return self

    def __exit__(self, *exc):
        """Stop and close every slow connection."""
        self.stop.set()
        self.thread.join(timeout=10)


def visitor(port, seconds, timeout):
    """Fetch PATHS in turn every 50 ms for ``seconds``: ``{path: [(ms, ok)]}``."""
    results = {path: [] for path in PATHS}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in PATHS:
            started = time.monotonic()
            ok = False
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                pass
            finally:
                connection.close()
            results[path].append(((time.monotonic() - started) * 1000, ok))
        time.sleep(0.05)
    return results


def summary(samples):
    """``(p50 ms, p99 ms, count, failed)`` of one path's samples."""
    times = sorted(ms for ms, _ in samples)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return statistics.median(times), p99, len(times), sum(not ok for _, ok in samples)


def report(label, results):
    """Print one line per path; return the summaries."""
    summaries = {path: summary(samples) for path, samples in results.items()}
    for path, (p50, p99, count, failed) in summaries.items():
        print(
            f"  {label:<36} {path:<10} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
            f"{count:4d} requests, {failed} failed"
        )
    return summaries


def main():
    """Measure the visitor through nginx and straight to gunicorn, with and without slow clients."""
    overrides = {
        "DATABASE_URL": os.environ.get("DATABASE_URL", DATABASE),
        # Behind one proxy, as deployed.
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
        "AXES_PROXY_COUNT": 1,
    }
    with Gunicorn(port=free_port(), **overrides) as server:
        with Nginx(server.url, server.env["STATIC_ROOT"]) as proxy:
            visitor(proxy.port, 1, 5)  # warm the cache and both workers
            print(f"gunicorn 2 workers x 2 threads on {server.port}, nginx on {proxy.port}")
            quiet = report("through nginx, alone", visitor(proxy.port, QUIET_SECONDS, 5))
            with Slowloris(proxy.port) as slow:
                loaded = report(
                    f"through nginx, {SLOW_CLIENTS} slow clients",
                    visitor(proxy.port, PROXY_SECONDS, 5),
                )
            print(f"  slow connections opened {slow.opened}, cut off by nginx {slow.cut}")
        direct_quiet = report("straight to gunicorn, alone", visitor(server.port, 3, 2))
        with Slowloris(server.port) as slow:
            starved = report(
                f"straight to gunicorn, {SLOW_CLIENTS} slow",
                visitor(server.port, DIRECT_SECONDS, 2),
            )
        print(f"  slow connections opened {slow.opened}, cut off by gunicorn {slow.cut}")
    worst = max(p99 for _, p99, _, _ in loaded.values())
    failed = sum(f for *_, f in loaded.values())
    passed = worst < P99_LIMIT_MS and failed == 0
    quiet_worst = max(p99 for _, p99, _, _ in quiet.values())
    print(
        f"VERDICT: {'PASS' if passed else 'FAIL'} – through nginx with {SLOW_CLIENTS} slow clients "
        f"the visitor's p99 is {worst:.1f} ms (alone {quiet_worst:.1f} ms; limit "
        f"{P99_LIMIT_MS} ms), {failed} failed"
    )
    direct_failed = sum(f for *_, f in starved.values())
    direct_p50 = max(p50 for p50, *_ in starved.values())
    direct_alone = max(p50 for p50, *_ in direct_quiet.values())
    print(
        f"DIRECT: {SLOW_CLIENTS} slow clients straight to gunicorn: {direct_failed} of "
        f"{sum(c for _, _, c, _ in starved.values())} requests failed, p50 {direct_p50:.0f} ms "
        f"(alone {direct_alone:.1f} ms) – {'starved, as expected' if direct_failed else 'not starved'}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
