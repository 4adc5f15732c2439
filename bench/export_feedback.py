"""Benchmark: stream 100 000 comments as CSV and report time and peak memory.

Usage (from the project root)::

    .venv/bin/python bench/export_feedback.py                      # temporary SQLite file
    .venv/bin/python bench/export_feedback.py \\
        --database-url postgres://postgres@127.0.0.1:5432/bench_feedback
    .venv/bin/python bench/export_feedback.py --rows 20000         # smaller run

It builds a throwaway database (a temporary SQLite file, or a PostgreSQL
database that it creates and drops; its name must start with ``bench`` or
``test_``), migrates it, bulk-creates the comments (a tenth handled by an
editor, some with personnummer, newlines, ``;`` and formula-like starts),
then runs the admin's "Exportera" view in a fresh child process, so the
peak RSS measured (``resource.getrusage``) is that of a web worker doing the
export and not of the seeding. The child consumes the
``StreamingHttpResponse`` chunk by chunk, as a WSGI server would.

Target (issue 5): under 10 s and under 150 MB. Not part of the test suite.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 10
TARGET_MB = 150


def setup_django(database_url):
    """Configure Django for the benchmark database (DEBUG off: no query log)."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ["HTTPS"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "kkn_portal.settings"
    # This measures the streamed CSV itself, however many rows: no background job.
    os.environ["FEEDBACK_EXPORT_BACKGROUND_ROWS"] = str(10**9)
    import django

    django.setup()


def postgres_admin(database_url, sql):
    """Run one statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    import psycopg2

    parts = urlsplit(database_url)
    connection = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql)
    connection.close()


def database_name(database_url):
    return urlsplit(database_url).path.lstrip("/")


def seed(rows):
    """Migrate and bulk-create ``rows`` comments; return the editor's id."""
    import datetime
    import random

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from feedback.models import Comment

    call_command("migrate", verbosity=0)
    editor = get_user_model().objects.create_superuser(
        "bench", "bench@example.se", "bench-pw-123456"
    )
    texts = [
        "Bra artikel! Men länken till handlingsplanen fungerar inte.\nKan ni rätta den?",
        "Mitt personnummer är 640823-3234, kontakta mig gärna; jag har frågor.",
        '=HYPERLINK("http://example.se") borde inte bli en formel',
        "Evenemanget i Piteå den 31 maj – finns det plats kvar? Ring 070-174 06 05.",
        "Texten är svår att läsa i mobilen. " * 6,
    ]
    pages = [
        "/",
        "/nyheter/",
        "/evenemang/",
        "/nyheter/satsning-pa-kulturella-och-kreativa-naringar/",
    ]
    # The rows are spread evenly over the past year, whatever their number:
    # a fixed 5 minutes apart, runs above 105 120 rows were dated into the
    # future and fell outside the export's range (it measured fewer rows).
    now = timezone.now()
    start = now - datetime.timedelta(days=365)
    step = datetime.timedelta(days=365) / max(rows, 1)
    rng = random.Random(5)
    batch = []
    for n in range(rows):
        handled = n % 10 == 0
        text = texts[n % len(texts)]
        batch.append(
            Comment(
                page_path=pages[n % len(pages)],
                page_title=f"Sida {n % 50}",
                text=text,
                created_at=start + step * (n + rng.random()),
                status=Comment.Status.HANDLED if handled else Comment.Status.NEW,
                handled_by=editor if handled else None,
                handled_at=min(start + step * n + datetime.timedelta(days=1), now)
                if handled
                else None,
                has_personal_id="640823" in text,
                mentions_contact_details="070-" in text,
            )
        )
        if len(batch) == 5000:
            Comment.objects.bulk_create(batch)
            batch = []
    Comment.objects.bulk_create(batch)
    return editor.pk


def export_child(editor_id):
    """Run the admin export view over everything and drain the stream; print figures."""
    import datetime

    from django.contrib import admin
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    from feedback import admin_views
    from feedback.models import Comment

    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    request = RequestFactory().post(
        "/admin/feedback/comment/export/",
        {"date_from": "2000-01-01", "date_to": datetime.date.today().isoformat()},
    )
    request.user = get_user_model().objects.get(pk=editor_id)
    model_admin = admin.site._registry[Comment]
    started, cpu_started = time.perf_counter(), time.process_time()
    response = admin_views.export_view(model_admin, request)
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\r\n")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"RESULT {elapsed:.2f} {cpu:.2f} {peak_kb} {baseline_kb} {size} {lines}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", help="PostgreSQL URL of a database to create and drop")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:  # the measuring process
        setup_django(os.environ["BENCH_DATABASE_URL"])
        export_child(int(args.child))
        return

    tmpdir = tempfile.TemporaryDirectory()
    database_url = args.database_url or f"sqlite:///{tmpdir.name}/bench.sqlite3"
    postgres = database_url.startswith("postgres")
    if postgres:
        name = database_name(database_url)
        if not name.startswith(("bench", "test_")):
            sys.exit("The PostgreSQL database name must start with 'bench' or 'test_'.")
        postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{name}"')
        postgres_admin(database_url, f'CREATE DATABASE "{name}"')
    try:
        setup_django(database_url)
        started = time.perf_counter()
        editor_id = seed(args.rows)
        print(
            f"Seeded {args.rows} comments in {time.perf_counter() - started:.1f} s ({database_url.split(':')[0]})"
        )
        from django.db import connections

        connections.close_all()
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [sys.executable, __file__, "--child", str(editor_id)],
            env={**os.environ, "BENCH_DATABASE_URL": database_url},
            capture_output=True,
            text=True,
            check=True,
        )
        [figures] = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
        elapsed, cpu, peak_kb, baseline_kb, size, lines = figures.split()[1:]
        peak_mb, baseline_mb = int(peak_kb) / 1024, int(baseline_kb) / 1024
        print(f"Exported {int(lines) - 1} rows, {int(size) / 1e6:.1f} MB of CSV")
        print(
            f"Wall time: {float(elapsed):.2f} s (target < {TARGET_SECONDS} s), "
            f"CPU time {float(cpu):.2f} s"
        )
        print(
            f"Peak RSS:  {peak_mb:.0f} MB (target < {TARGET_MB} MB; "
            f"{baseline_mb:.0f} MB after Django start-up)"
        )
        ok = float(elapsed) < TARGET_SECONDS and peak_mb < TARGET_MB
        print("Within target." if ok else "OUTSIDE TARGET.")
    finally:
        if postgres:
            from django.db import connections

            connections.close_all()
            postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{name}"')
        tmpdir.cleanup()


if __name__ == "__main__":
    main()
