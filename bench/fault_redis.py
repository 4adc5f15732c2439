"""Fault test: the shared cache (Redis) stops and comes back, under gunicorn.

``python bench/fault_redis.py``. Stopping the machine's Redis would break
anyone else using it, so the test starts its own ``redis-server`` on
127.0.0.1:6391 (no persistence, a temporary folder) and a gunicorn (2
workers, production settings) that uses it as the shared cache, on the
PostgreSQL database ``kkn_fault_redis`` (created and seeded if missing).

Timeline: pages are read while Redis runs (cached: they carry an ETag),
then Redis is stopped and, once the workers' one-second memo of the
content version has run out, every public page, the RSS feed and the
calendars are read again, a comment is posted with a solved captcha and
``/healthz`` is asked; then Redis is started again and, after the app's
short back-off, the pages are read once more.

Verdict: PASS when, with Redis down, every page answers 200 (uncached: no
ETag) and never 5xx, the comment gets a clear 503 with ``Retry-After``
(nothing is stored without its rate limit), ``/healthz`` answers 200 with
``"cache": "down"``; and when Redis is back the pages carry an ETag again.
Bounded: a few dozen requests, about half a minute, loopback only.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import time

from commenter import Visitor
from server import Gunicorn, get

PORT = 6391
DATABASE = "postgres://postgres@127.0.0.1:5432/kkn_fault_redis"
PAGES = [
    "/",
    "/nyheter/",
    "/evenemang/",
    "/evenemang/tidigare/",
    "/nyheter/rss/",
    "/evenemang/kalender.ics",
    "/sok/?q=konferens",
    "/tillganglighet/",
]
# The app leaves an unreachable shared cache alone for 5 s after a failure.
BACK_OFF_S = 6
# Each worker keeps the content version for 1 s (CONTENT_VERSION_MEMO_SECONDS).
MEMO_S = 1.5


class Redis:
    """A private redis-server on loopback, started and stopped by the test."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="kkn-redis-")
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(PORT), "--save", "",
             "--appendonly", "no", "--dir", self.folder],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(50):
            if subprocess.run(["redis-cli", "-p", str(PORT), "ping"], capture_output=True).stdout:
                return
            time.sleep(0.1)
        raise RuntimeError("the private redis-server did not come up")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def read_all(url):
    """``{path: (status, has ETag)}`` for every page, read twice (the second may be a hit)."""
    answers = {}
    for path in PAGES:
        get(url + path, timeout=10)
        status, headers, _ = get(url + path, timeout=10)
        answers[path] = (status, bool(headers.get("ETag")))
    return answers


def main():
    redis = Redis()
    redis.start()
    try:
        with Gunicorn(
            port=8771, DATABASE_URL=DATABASE, REDIS_URL=f"redis://127.0.0.1:{PORT}/0"
        ) as server:
            before = read_all(server.url)
            redis.stop()
            time.sleep(MEMO_S)  # a version read a moment before the stop is still trusted
            during = read_all(server.url)
            visitor = Visitor(server.url)
            comment_status, _seconds = visitor.comment("/nyheter/", "Under avbrottet")
            retry_after = visitor.last_headers.get("Retry-After")
            health_status, _, health_body = get(server.url + "/healthz", timeout=10)
            redis.start()
            time.sleep(BACK_OFF_S)
            after = read_all(server.url)
    finally:
        redis.cleanup()

    health = json.loads(health_body)
    for phase, answers in (("before", before), ("redis down", during), ("back", after)):
        print(
            f"  {phase:<11} "
            + ", ".join(f"{p} {s}{' etag' if e else ''}" for p, (s, e) in answers.items())
        )
    print(
        f"  comment while down: {comment_status} (Retry-After: {retry_after}); "
        f"/healthz: {health_status} {health}"
    )
    problems = []
    if not all(status == 200 and etag for status, etag in before.values()):
        problems.append("pages were not cached before the outage")
    if any(status != 200 for status, _ in during.values()):
        problems.append("a page did not answer 200 while Redis was down")
    if any(etag for _, etag in during.values()):
        problems.append("a page was served from a cache while the version was unknown")
    if comment_status != 503 or not retry_after:
        problems.append(f"the comment got {comment_status} (Retry-After {retry_after}), not a 503")
    if health_status != 200 or health.get("cache") != "down":
        problems.append("/healthz did not report the cache down")
    if not all(status == 200 and etag for status, etag in after.values()):
        problems.append("pages were not cached again after Redis returned")
    print(f"VERDICT: {'PASS' if not problems else 'FAIL – ' + '; '.join(problems)}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
