"""Load test: 1 000 comments from 20 concurrent visitors → exactly 1 000 rows.

``python bench/load_comments.py`` (PostgreSQL on 127.0.0.1:5432; uses the
kkn_bench database, created if missing). Starts its own gunicorn (2 workers,
production settings) with ``FEEDBACK_RATE_LIMIT`` raised: every client is
127.0.0.1, and the real limit (5 a minute per address) would rightly refuse
most of them. Each comment is a real visit: GET the page and a fresh
challenge, solve the proof of work (in a pool of processes, as 20 browsers
would on their own CPUs), POST. Every text is unique, so the duplicate check
keeps none back. Bounded: 1 000 posts, 300 s at most.

Verdict: PASS when every POST answered 303, none 5xx, and the database holds
exactly 1 000 new comments with this run's marker.
"""

import statistics
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from commenter import Visitor, solve
from server import Gunicorn

COMMENTS, CLIENTS, DEADLINE_S = 1000, 20, 300
PAGES = ["/", "/tillganglighet/", "/om-webbplatsen/"]
COUNT = "from feedback.models import Comment; print(Comment.objects.filter(text__startswith={!r}).count())"


def main():
    marker = f"Lasttest {uuid.uuid4().hex[:8]}"
    statuses, seconds, failures = [], [], []
    with (
        Gunicorn(port=8767, FEEDBACK_RATE_LIMIT="100000/m,100000/d") as server,
        ProcessPoolExecutor(max_workers=2) as solvers,
    ):
        started = time.monotonic()

        def solver(challenge):
            return solvers.submit(solve, challenge).result()

        def one(n):
            if time.monotonic() - started > DEADLINE_S:
                return None
            try:
                status, took = Visitor(server.url).comment(
                    PAGES[n % len(PAGES)], f"{marker} nr {n}: en kommentar om sidan.", solver
                )
            except Exception as exc:  # any failure is counted, never fatal
                failures.append(f"{n}: {exc}")
                return None
            statuses.append(status)
            seconds.append(took)
            return status

        with ThreadPoolExecutor(max_workers=CLIENTS) as clients:
            list(clients.map(one, range(COMMENTS)))
        elapsed = time.monotonic() - started
        rows = int(server.manage("shell", "-c", COUNT.format(marker)).split()[-1])

    by_status = {status: statuses.count(status) for status in sorted(set(statuses))}
    server_errors = sum(count for status, count in by_status.items() if status >= 500)
    p50 = statistics.median(seconds) if seconds else 0
    p95 = statistics.quantiles(seconds, n=20)[-1] if len(seconds) > 1 else p50
    print(f"posted {len(statuses)} comments in {elapsed:.1f} s ({len(statuses) / elapsed:.1f}/s)")
    print(f"statuses: {by_status}; client failures: {len(failures)}")
    print(f"POST latency p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"rows with this run's marker: {rows}")
    for failure in failures[:5]:
        print("  failure:", failure)
    passed = rows == COMMENTS and by_status == {303: COMMENTS} and not failures
    print(
        f"VERDICT: {'PASS' if passed else 'FAIL'} – {rows}/{COMMENTS} rows, "
        f"{server_errors} responses 5xx, {len(failures)} client failures"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
