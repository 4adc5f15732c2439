"""Measure a running gunicorn: wrk per page, worker memory, queries, instructions.

``bench/run.sh`` starts the server and calls this; on its own:
``GUNICORN_PIDFILE=… BENCH_URL=http://127.0.0.1:8765 python bench/speed.py``.
Prints the table and writes ``bench/results/latest.json``.

Per page: a 2 s warm-up (not counted: fills caches, opens connections), then
``wrk -t2 -c16 -d10s`` with ``Accept-Encoding: gzip`` as browsers send it;
``report.lua`` prints requests/s and latency percentiles. A page passes only
if every response was 200 (checked first) and wrk saw no error. Targets
(issue 8): at least 40 % of the static file's requests/s, p99 under 50 ms,
at most 8 queries (cold), an article under 5 M and a list or the start
page under 7 M instructions per request, each worker under 120 MB.
"""

import datetime
import json
import os
import platform
import subprocess
import sys
import urllib.request
from pathlib import Path

from common import ROOT, setup_django, targets

BENCH = Path(__file__).resolve().parent
URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8765")
if not URL.startswith(("http://127.0.0.1:", "http://localhost:")):
    sys.exit("BENCH_URL must be a loopback address: load goes nowhere else.")
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
LIMITS = {
    "ratio": 0.40,  # of the static file's requests per second
    "p99_ms": 50,
    "queries": 8,
    "worker_mb": 120,
    "instructions": {"article": 5_000_000, "start /": 7_000_000, "news list": 7_000_000,
                     "events list": 7_000_000},
}  # fmt: skip


def wrk(path, duration):
    command = [
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--timeout", "5s",
        "-H", "Accept-Encoding: gzip", "-s", str(BENCH / "report.lua"), URL + path,
    ]  # fmt: skip
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def check_status(name, path):
    # BENCH_URL is an http:// loopback address, never a user-given scheme.
    request = urllib.request.Request(URL + path, headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        if response.status != 200:
            sys.exit(f"{name}: {path} answered {response.status}")
        return response.headers.get("Cache-Control", "")


def worker_peaks_mb():
    """VmHWM (peak resident memory) of each gunicorn worker, in MB."""
    master = Path(os.environ["GUNICORN_PIDFILE"]).read_text().strip()
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(round(int(line.split()[1]) / 1024, 1))
    return peaks


def run_json(script):
    result = subprocess.run(
        [sys.executable, str(BENCH / script)], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def volume():
    from events.models import Event, ProgrammeItem
    from feedback.models import Comment
    from news.models import Article

    return {
        "articles": Article.objects.published().count(),
        "events": Event.objects.published().count(),
        "programme_items": ProgrammeItem.objects.count(),
        "comments": Comment.objects.count(),
    }


def verdicts(row, static_rps):
    row["ratio"] = round(row["rps"] / static_rps, 2)
    fails = []
    if not row["requests"]:
        fails.append("no answer within the 5 s timeout")
    if row["errors_status"] or row["errors_socket"]:
        fails.append("errors")
    if row["p99_ms"] >= LIMITS["p99_ms"]:
        fails.append("p99")
    if row["name"].startswith("static"):
        return fails
    if row["ratio"] < LIMITS["ratio"]:
        fails.append("rps ratio")
    if row["queries"] > LIMITS["queries"]:
        fails.append("queries")
    limit = LIMITS["instructions"].get(row["name"])
    if limit and row["instructions"] is not None and row["instructions"] >= limit:
        fails.append("instructions")
    return fails


def table(rows, peaks):
    head = f"{'page':<16}{'req/s':>8}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}{'queries':>9}{'instr/req':>12}  verdict"
    lines = [head, "-" * len(head)]
    for r in rows:
        instructions = f"{r['instructions'] / 1e6:.2f} M" if r["instructions"] else "–"
        queries = f"{r['queries']}/{r['queries_warm']}"
        verdict = "FAIL: " + ", ".join(r["fails"]) if r["fails"] else "ok"
        lines.append(
            f"{r['name']:<16}{r['rps']:>8.0f}{r['ratio']:>7.2f}{r['p50_ms']:>8.2f}"
            f"{r['p99_ms']:>8.2f}{queries:>9}{instructions:>12}  {verdict}"
        )
    lines.append(f"gunicorn workers' peak RSS: {', '.join(f'{p} MB' for p in peaks)}")
    lines.append("queries = cold (cache cleared) / warm; instr/req = callgrind, in process")
    return "\n".join(lines)


def main():
    setup_django()
    pages = targets()
    rows = []
    for name, path in pages:
        cache_control = check_status(name, path)
        wrk(path, "2s")  # warm-up, not counted
        rows.append(
            {"name": name, "path": path, "cache_control": cache_control, **wrk(path, DURATION)}
        )
        print(
            f"  {name:<16} {rows[-1]['rps']:>8.0f} req/s  p99 {rows[-1]['p99_ms']:.1f} ms",
            flush=True,
        )
    peaks = worker_peaks_mb()
    print("  counting queries …", flush=True)
    queries = run_json("queries.py")
    print("  counting instructions under callgrind (a few minutes) …", flush=True)
    instructions = run_json("instructions.py")
    static_rps = rows[0]["rps"]
    for row in rows:
        row["queries"] = queries[row["name"]]["cold"]
        row["queries_warm"] = queries[row["name"]]["warm"]
        row["instructions"] = instructions.get(row["name"])
        row["fails"] = verdicts(row, static_rps)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                 capture_output=True, text=True).stdout.strip(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "kernel": platform.release()},
        "load": {"tool": "wrk", "connections": CONNECTIONS, "threads": 2, "duration": DURATION},
        "volume": volume(),
        "limits": LIMITS,
        "pages": rows,
        "workers_peak_rss_mb": peaks,
        "sql": {name: q["sql"] for name, q in queries.items()},
    }  # fmt: skip
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(table(rows, peaks))
    failed = [row["name"] for row in rows if row["fails"]]
    if not peaks or max(peaks) >= LIMITS["worker_mb"]:
        failed.append("worker memory")
    print(
        f"VERDICT: {'FAIL (' + ', '.join(failed) + ')' if failed else 'PASS'} – bench/results/latest.json"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
