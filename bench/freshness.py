"""Freshness: how long an edited article stays old in gunicorn's page cache and in nginx's.

``python bench/freshness.py`` (as root on Debian; PostgreSQL and Redis on
127.0.0.1; database ``DATABASE_URL``, default kkn_proxy). gunicorn
(bench/server.py: 2 workers, production settings) with Redis database 11
as the shared cache (``FRESHNESS_REDIS_URL``, emptied first) and
deploy/nginx.conf in front (bench/nginx.py).

The newest article is warmed in both workers (40 direct requests) and in
nginx (stored just before the edit, the worst case). Two pollers then
fetch it, one straight from gunicorn every 20 ms (each request on a new
connection, so both workers answer), one through nginx every 100 ms, while
``manage.py shell`` changes its title (Article.save bumps the content
version in Redis, then prints the time of the commit). The delay is from
that moment to the last answer still showing the old title.

Verdict: PASS when gunicorn is fresh within CONTENT_VERSION_MEMO_SECONDS
(1 s) plus 0.5 s and nginx within s-maxage (30 s) plus 1 s. The title is
put back afterwards. Bounded: about 40 s of polling, 127.0.0.1 only.
"""

import http.client
import json
import os
import secrets
import sys
import threading
import time

import redis
from nginx import Nginx, free_port
from server import Gunicorn

DATABASE = "postgres://postgres@127.0.0.1:5432/kkn_proxy"
REDIS = os.environ.get("FRESHNESS_REDIS_URL", "redis://127.0.0.1:6379/11")
MEMO_SECONDS, S_MAXAGE = 1.0, 30
DIRECT_LIMIT, PROXY_LIMIT = MEMO_SECONDS + 0.5, S_MAXAGE + 1.0
PICK = (
    "import json; from news.models import Article; a = Article.objects.published().first(); "
    "print(json.dumps([a.pk, a.get_absolute_url(), a.title]))"
)
RETITLE = (
    "import time; from news.models import Article; a = Article.objects.get(pk={pk}); "
    "a.title = {title!r}; a.save(); print(time.time())"
)


class Poller:
    """GETs ``path`` on 127.0.0.1:``port`` every ``interval`` s: ``[(time, has marker)]``."""

    def __init__(self, port, path, marker, interval):
        """Start polling at once, in a daemon thread."""
        self.port, self.path, self.marker, self.interval = port, path, marker, interval
        self.seen = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        """One GET per interval on a fresh connection, until stopped."""
        while not self.stop.wait(self.interval):
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                connection.request("GET", self.path)
                body = connection.getresponse().read()
                self.seen.append((time.time(), self.marker in body))
            except OSError:
                pass
            finally:
                connection.close()

    def finish(self):
        """Stop polling; the answers seen."""
        self.stop.set()
        self.thread.join(timeout=10)
        return self.seen

    def delay(self, changed_at):
        """Seconds from ``changed_at`` to the last old answer (0 if none), or None if never fresh."""
        after = [(at, fresh) for at, fresh in self.seen if at >= changed_at]
        if not any(fresh for _, fresh in after):
            return None
        stale = [at for at, fresh in after if not fresh]
        return max(stale) - changed_at if stale else 0.0


def fetch(port, path):
    """(X-Cache-Status, body) of one GET."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.getheader("X-Cache-Status", ""), response.read()
    finally:
        connection.close()


def wait_for_fresh(poller, changed_at, limit):
    """Poll until the answers have been fresh for 2 s, or ``limit`` + 5 s have passed."""
    deadline = changed_at + limit + 5
    while time.time() < deadline:
        recent = [fresh for at, fresh in poller.seen if at > time.time() - 2]
        if time.time() > changed_at + 2 and recent and all(recent):
            return
        time.sleep(0.2)


def main():
    """Warm, edit, poll, restore; print the delays and the verdict."""
    redis.Redis.from_url(REDIS).flushdb()
    overrides = {
        "DATABASE_URL": os.environ.get("DATABASE_URL", DATABASE),
        "REDIS_URL": REDIS,
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
        "AXES_PROXY_COUNT": 1,
    }
    with Gunicorn(port=free_port(), **overrides) as server:
        pk, path, title = json.loads(server.manage("shell", "-c", PICK).strip().splitlines()[-1])
        marker = f"Fresh{secrets.token_hex(4)}"
        with Nginx(server.url, server.env["STATIC_ROOT"]) as proxy:
            for _ in range(40):
                fetch(server.port, path)
            statuses = [fetch(proxy.port, path)[0] for _ in range(2)]
            stored_at = time.time()
            print(f"article {path}; nginx {statuses[0]} then {statuses[1]}; marker {marker}")
            direct = Poller(server.port, path, marker.encode(), 0.02)
            proxied = Poller(proxy.port, path, marker.encode(), 0.1)
            try:
                output = server.manage(
                    "shell", "-c", RETITLE.format(pk=pk, title=f"{title} {marker}")
                )
                changed_at = float(output.strip().splitlines()[-1])
                print(
                    f"title changed and committed {changed_at - stored_at:.1f} s after nginx stored the page"
                )
                wait_for_fresh(direct, changed_at, DIRECT_LIMIT)
                wait_for_fresh(proxied, changed_at, PROXY_LIMIT)
            finally:
                direct.finish()
                proxied.finish()
                server.manage("shell", "-c", RETITLE.format(pk=pk, title=title))
    direct_delay, proxy_delay = direct.delay(changed_at), proxied.delay(changed_at)
    for label, poller, delay, limit in (
        ("gunicorn (both workers)", direct, direct_delay, DIRECT_LIMIT),
        ("through nginx", proxied, proxy_delay, PROXY_LIMIT),
    ):
        shown = "never fresh" if delay is None else f"{delay:.2f} s"
        print(
            f"  {label:<24} old title last seen {shown} after the commit (limit {limit:.1f} s; {len(poller.seen)} answers)"
        )
    passed = all(
        delay is not None and delay <= limit
        for delay, limit in ((direct_delay, DIRECT_LIMIT), (proxy_delay, PROXY_LIMIT))
    )
    print(
        f"VERDICT: {'PASS' if passed else 'FAIL'} – an edit shows in gunicorn after "
        f"{direct_delay if direct_delay is not None else float('inf'):.2f} s (limit {DIRECT_LIMIT:.1f} s) "
        f"and through nginx after {proxy_delay if proxy_delay is not None else float('inf'):.2f} s "
        f"(limit {PROXY_LIMIT:.0f} s)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
