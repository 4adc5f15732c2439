"""Measure a running gunicorn against the targets of issue 11, and print each verdict.

``bench/run.sh`` starts the server and calls this; on its own:
``GUNICORN_PIDFILE=… BENCH_URL=http://127.0.0.1:8765 python bench/speed.py``.
Prints a table per page and one line per target, and writes
``bench/results/latest.json``.

Throughput: per page a 2 s warm-up (not counted), then ``wrk -t2 -c16
-d10s`` with ``Accept-Encoding: gzip`` as browsers send it; ``report.lua``
prints requests/s and latency percentiles. Throughput is a ratio to the
static CSS file measured in the same run (these machines are noisy); CPU
cost is instructions per request counted by callgrind (bench/instructions.py).
"""

import datetime
import json
import os
import platform
import subprocess
import sys
import urllib.request
from pathlib import Path

from common import ROOT, UNKNOWN_VALUES, setup_django, targets
from targets import print_targets, verdicts
from weight import page_weight

BENCH = Path(__file__).resolve().parent
URL = os.environ.get("BENCH_URL", "http://127.0.0.1:8765")
if not URL.startswith(("http://127.0.0.1:", "http://localhost:")):
    sys.exit("BENCH_URL must be a loopback address: load goes nowhere else.")
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
# Every public page a first visitor can land on, for the page weight.
MORE_PAGES = [
    "/evenemang/tidigare/",
    "/sok/",
    "/tillganglighet/",
    "/om-webbplatsen/",
    "/personuppgifter/",
    "/cookies/",
]


def wrk(url, duration):
    command = [
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--timeout", "5s",
        "-H", "Accept-Encoding: gzip", "-s", str(BENCH / "report.lua"), url,
    ]  # fmt: skip
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def check_status(name, path):
    # URL is an http:// loopback address, never a user-given scheme.
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


def run_json(script, *args, **env):
    """Run a bench script in a fresh interpreter and parse the JSON it prints."""
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
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


def through_proxy(pages):
    """Throughput through the reverse proxy's cache (bench/proxy.py), or None without nginx."""
    try:
        from proxy import measure_through_proxy
    except ImportError:
        return None
    return measure_through_proxy(URL, pages[1:], pages[0][1])


def page_table(rows, peaks):
    head = f"{'page':<16}{'req/s':>8}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}{'queries':>9}{'hit':>9}{'304':>8}{'render':>9}{'KB':>6}"
    lines = [head, "-" * len(head)]
    for r in rows:

        def millions(value):
            return f"{value / 1e6:.2f}" if value else "–"

        lines.append(
            f"{r['name']:<16}{r['rps']:>8.0f}{r['ratio']:>7.2f}{r['p50_ms']:>8.2f}"
            f"{r['p99_ms']:>8.2f}{r['queries']:>5}/{r['queries_warm']:<3}"
            f"{millions(r['hit']):>9}{millions(r['not_modified']):>8}{millions(r['uncached']):>9}"
            f"{(r['weight'] or {}).get('total', 0) / 1024:>6.1f}"
        )
    lines.append(f"gunicorn workers' peak RSS: {', '.join(f'{p} MB' for p in peaks)}")
    lines.append(
        "queries = cold/warm; hit, 304, render = M instructions per request (callgrind, "
        "in process; render with PAGE_CACHE=0); KB = first visit, compressed"
    )
    return "\n".join(lines)


def main():
    setup_django()
    pages = targets()
    rows = []
    for name, path in pages:
        cache_control = check_status(name, path)
        wrk(URL + path, "2s")  # warm-up, not counted
        rows.append(
            {
                "name": name,
                "path": path,
                "cache_control": cache_control,
                **wrk(URL + path, DURATION),
            }
        )
        print(
            f"  {name:<16} {rows[-1]['rps']:>8.0f} req/s  p99 {rows[-1]['p99_ms']:.1f} ms",
            flush=True,
        )
    peaks = worker_peaks_mb()
    print("  through the proxy …", flush=True)
    proxy = through_proxy(pages)
    print("  counting queries …", flush=True)
    queries = run_json("queries.py")
    print("  counting instructions under callgrind (several minutes) …", flush=True)
    cpu = run_json("instructions.py", "hit", "304", "invented", "unknown")
    cpu.update(run_json("instructions.py", "uncached", PAGE_CACHE="0"))
    print("  weighing first visits …", flush=True)
    weights = {path: page_weight(URL, path) for path in [p for _, p in pages[1:]] + MORE_PAGES}
    static_rps = rows[0]["rps"]
    for row in rows:
        row["ratio"] = round(row["rps"] / static_rps, 2)
        row["queries"] = queries[row["name"]]["cold"]
        row["queries_warm"] = queries[row["name"]]["warm"]
        row["hit"] = cpu["hit"].get(row["name"])
        row["not_modified"] = cpu["304"].get(row["name"])
        row["invented"] = cpu["invented"].get(row["name"])
        row["uncached"] = cpu["uncached"].get(row["name"])
        row["weight"] = weights.get(row["path"])
    checks = verdicts(rows, cpu, weights, proxy, peaks)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                 capture_output=True, text=True).stdout.strip(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "kernel": platform.release()},
        "load": {"tool": "wrk", "connections": CONNECTIONS, "threads": 2, "duration": DURATION},
        "volume": volume(),
        "pages": rows,
        "unknown_values": {name: cpu["unknown"][name] for name, _ in UNKNOWN_VALUES},
        "weights": weights,
        "proxy": proxy,
        "workers_peak_rss_mb": peaks,
        "targets": checks,
        "sql": {name: q["sql"] for name, q in queries.items()},
    }  # fmt: skip
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(page_table(rows, peaks))
    print()
    failed = print_targets(checks)
    print(
        f"VERDICT: {'FAIL (' + ', '.join(failed) + ')' if failed else 'PASS'} – bench/results/latest.json"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
