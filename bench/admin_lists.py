"""The editors' admin lists at volume: SQL time, queries and wall time per page.

Usage, with the benchmark database in ``DATABASE_URL`` (``bench/generate.py``'s
volume; ``BENCH_COMMENTS=1000000`` for a million comments)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kkn_bench_desk \\
        SECRET_KEY=bench-only-… HTTPS=0 ALLOWED_HOSTS=127.0.0.1 \\
        .venv/bin/python bench/admin_lists.py [--runs 10] [--json out.json]
        .venv/bin/python bench/admin_lists.py --explain "inbox, search"

Each page is requested through the project's WSGI application (the whole
middleware stack) as a superuser, three times to warm up and ``--runs``
times measured; it prints the median wall time, the median summed time of
its SQL statements (timed around each ``execute`` in this process, so the
round trips are included) and the number of queries. Target (issue 13): the
inbox under 150 ms of SQL at 1 M comments.

``--explain PAGE`` requests one page once, then prints every statement it ran
on ``feedback_comment`` with its ``EXPLAIN (ANALYZE, BUFFERS)`` plan: where a
slow page spends its time.
"""

import argparse
import json
import statistics
import time

from common import call_wsgi, setup_django

PAGES = [
    ("inbox (Ny)", "/admin/feedback/comment/"),
    ("inbox, all", "/admin/feedback/comment/?status=alla"),
    ("inbox, this month", "/admin/feedback/comment/?status=alla&manad={month}"),
    ("inbox, search", "/admin/feedback/comment/?status=alla&q=tillg%C3%A4nglighet"),
    ("inbox, search 2 words", "/admin/feedback/comment/?status=alla&q=l%C3%A4nken+anm%C3%A4lan"),
    # One comment (seed_demo's, on this article): answered from the trigram indexes.
    ("inbox, search rare word", "/admin/feedback/comment/?status=alla&q=dialogdag"),
    ("article list", "/admin/news/article/"),
    ("event list", "/admin/events/event/"),
]


class SqlTimer:
    """An ``execute_wrapper`` that adds up the time of every statement."""

    def __init__(self):
        self.seconds, self.count = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


class StatementRecorder:
    """An ``execute_wrapper`` that keeps every statement with its parameters."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params))
        return execute(sql, params, many, context)


def explain(application, connection, path, cookie):
    """Print the plan, as run, of each statement the page sends about comments."""
    recorder = StatementRecorder()
    with connection.execute_wrapper(recorder):
        call_wsgi(application, path, headers={"Cookie": cookie})
    for sql, params in recorder.statements:
        if "feedback_comment" not in sql:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"{sql % tuple(repr(p) for p in params or ())}\n{plan}\n")


def session_cookie():
    """A logged-in superuser's session, as the browser would send it."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def measure(application, connection, path, cookie, runs):
    walls, sqls, counts = [], [], []
    for attempt in range(3 + runs):
        timer = SqlTimer()
        started = time.perf_counter()
        with connection.execute_wrapper(timer):
            status = call_wsgi(application, path, headers={"Cookie": cookie})
        wall = time.perf_counter() - started
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}")
        if attempt >= 3:
            walls.append(wall)
            sqls.append(timer.seconds)
            counts.append(timer.count)
    return {
        "path": path,
        "wall_ms": round(statistics.median(walls) * 1000, 1),
        "sql_ms": round(statistics.median(sqls) * 1000, 1),
        "queries": max(counts),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--explain", metavar="PAGE", help="print the plans of this page's SQL")
    args = parser.parse_args()
    setup_django()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.utils import timezone

    from feedback.models import Comment

    application = get_wsgi_application()
    cookie = session_cookie()
    month = timezone.localdate().strftime("%Y-%m")
    if args.explain:
        path = dict(PAGES)[args.explain].format(month=month)
        explain(application, connection, path, cookie)
        return
    results = {"comments": Comment.objects.count()}
    print(f"{results['comments']} comments")
    print(f"{'page':24} {'wall ms':>8} {'SQL ms':>8} {'queries':>8}")
    for name, path in PAGES:
        figures = measure(application, connection, path.format(month=month), cookie, args.runs)
        results[name] = figures
        print(
            f"{name:24} {figures['wall_ms']:8.1f} {figures['sql_ms']:8.1f} {figures['queries']:8d}"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as output:
            json.dump(results, output, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
