"""Public pages through the nginx page cache, against the static file nginx serves itself.

``python bench/proxy.py`` (as root on Debian, PostgreSQL and Redis on
127.0.0.1): gunicorn (bench/server.py: 2 workers, production settings) on
the database ``DATABASE_URL`` (default kkn_proxy; created with the demo
content if missing; for the bench volume copy it first, e.g.
``createdb -T kkn_bench kkn_proxy``), the shared cache in Redis database
12 (``PROXY_REDIS_URL``, emptied first), and deploy/nginx.conf in front
(bench/nginx.py). It checks the cache rules (bench/proxy_checks.py), then
measures, prints a table and one JSON line, writes bench/results/proxy.json
and exits non-zero when a check fails or a page is below the target.

Other scripts reuse :func:`measure_through_proxy` with a gunicorn of their
own. Each page is fetched twice first (the second answer must be a cache
HIT). Then, ``PROXY_BENCH_ROUNDS`` (3) times, the static file and the page
are each measured for ``PROXY_BENCH_DURATION`` (2 s) with ``wrk -t2 -c16``;
alternating short runs make a neighbour's load on this 2-core machine hit
both alike. Besides requests/s, the nginx workers' CPU time per request is
reported: unlike throughput, it hardly moves with other processes' load.
Browsers' ``Accept-Encoding: gzip, deflate, br`` is sent: Brotli for both.
"""

import json
import os
import statistics
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from nginx import Nginx, free_port
from proxy_checks import check_rules
from server import Gunicorn

BENCH = Path(__file__).resolve().parent
TARGET_RATIO = 0.90
ACCEPT_ENCODING = "gzip, deflate, br"
DURATION = os.environ.get("PROXY_BENCH_DURATION", "2s")
ROUNDS = int(os.environ.get("PROXY_BENCH_ROUNDS", "3"))
DATABASE = "postgres://postgres@127.0.0.1:5432/kkn_proxy"
REDIS = os.environ.get("PROXY_REDIS_URL", "redis://127.0.0.1:6379/12")
TARGETS = (
    "import json, sys; sys.path.insert(0, 'bench'); from common import targets; "
    "print(json.dumps(targets()))"
)


def wrk(url, duration=DURATION):
    """One ``wrk -t2 -c16`` run on a loopback URL: requests, rps, latency, errors (report.lua)."""
    command = [
        "wrk", "-t2", "-c16", f"-d{duration}", "--timeout", "5s",
        "-H", f"Accept-Encoding: {ACCEPT_ENCODING}", "-s", str(BENCH / "report.lua"), url,
    ]  # fmt: skip
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def fetch(url):
    """(status, X-Cache-Status, Content-Encoding) of one browser-like GET."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            response.read()
            headers, status = response.headers, response.status
    except urllib.error.HTTPError as error:
        headers, status = error.headers, error.code
    return status, headers.get("X-Cache-Status", ""), headers.get("Content-Encoding", "identity")


def _run(proxy, path, duration):
    """A wrk run plus the nginx workers' CPU seconds it took."""
    before = proxy.cpu_seconds()
    result = wrk(proxy.url + path, duration)
    result["cpu_seconds"] = proxy.cpu_seconds() - before
    return result


def _summary(runs):
    """Several wrk runs of one URL as one: total throughput, worst p99, CPU per request."""
    requests = sum(run["requests"] for run in runs)
    return {
        "rps": round(requests / sum(run["seconds"] for run in runs), 1),
        "rps_runs": [round(run["rps"]) for run in runs],
        "p50_ms": round(statistics.median(run["p50_ms"] for run in runs), 2),
        "p99_ms": round(max(run["p99_ms"] for run in runs), 2),
        "errors": sum(run["errors_status"] + run["errors_socket"] for run in runs),
        "nginx_cpu_us": round(1e6 * sum(run["cpu_seconds"] for run in runs) / requests, 1),
    }


def _named(pages, static_path):
    """``[(name, path)]`` from paths or pairs, without the static file itself."""
    named = [(page, page) if isinstance(page, str) else tuple(page) for page in pages]
    return [(name, path) for name, path in named if path != static_path]


def measure_through_proxy(
    upstream_url, pages, static_path, *, static_root=None, duration=DURATION, rounds=ROUNDS
):
    """Requests/s of each page through nginx's cache, paired with ``static_path`` from disk.

    ``upstream_url``: a running gunicorn on http://127.0.0.1; ``pages``:
    paths or (name, path) pairs; ``static_path``: the hashed CSS file's URL
    path; ``static_root``: the collected files (default: $STATIC_ROOT).
    Returns a JSON-ready dict; ``passed``: every rule check passed and every
    page, a cache HIT, reached TARGET_RATIO of the static file without errors.
    """
    static_root = static_root or os.environ["STATIC_ROOT"]
    named = _named(pages, static_path)
    with Nginx(upstream_url, static_root) as proxy:
        static_check = fetch(proxy.url + static_path)
        checks = check_rules(proxy.url, static_path, proxy.dir / "files" / "media")
        rows, static_runs = [], []
        for name, path in named:
            first, second = fetch(proxy.url + path), fetch(proxy.url + path)
            pair_static, pair_page = [], []
            for _ in range(rounds):
                pair_static.append(_run(proxy, static_path, duration))
                pair_page.append(_run(proxy, path, duration))
            static_runs += pair_static
            page, static = _summary(pair_page), _summary(pair_static)
            rows.append(
                {
                    "name": name,
                    "path": path,
                    **page,
                    "static_rps": static["rps"],
                    "ratio": round(page["rps"] / static["rps"], 3),
                    "cache": f"{first[1]}->{second[1]}",
                    "status": second[0],
                    "encoding": second[2],
                    "passed": (
                        page["rps"] >= TARGET_RATIO * static["rps"]
                        and second[:2] == (200, "HIT")
                        and page["errors"] == 0
                    ),
                }
            )
        proxy.stop()
        statuses = proxy.cache_statuses()
        version = proxy.version()
    for row in rows:
        row["cache_statuses"] = dict(statuses.get(row["path"].partition("?")[0], {}))
    return {
        "nginx": version,
        "wrk": {"threads": 2, "connections": 16, "duration": duration, "rounds": rounds},
        "accept_encoding": ACCEPT_ENCODING,
        "static": {"path": static_path, "encoding": static_check[2], **_summary(static_runs)},
        "pages": rows,
        "checks": [{"check": name, "passed": ok, "detail": detail} for name, ok, detail in checks],
        "target_ratio": TARGET_RATIO,
        "min_ratio": min(row["ratio"] for row in rows),
        "passed": all(row["passed"] for row in rows) and all(ok for _, ok, _ in checks),
    }


def print_report(result):
    """The human-readable summary of measure_through_proxy's result."""
    failed = [check for check in result["checks"] if not check["passed"]]
    print(f"\ncache rules: {len(result['checks']) - len(failed)}/{len(result['checks'])} passed")
    for check in failed:
        print(f"  FAILED {check['check']}: {check['detail']}")
    static = result["static"]
    wrk_args = result["wrk"]
    print(
        f"{result['nginx']}; wrk -t2 -c16, {wrk_args['rounds']} x {wrk_args['duration']} per page "
        f"alternating with the static file; Accept-Encoding: {result['accept_encoding']}"
    )
    print(
        f"{'static ' + static['path']:<42} {static['rps']:>7.0f} req/s  "
        f"p99 {static['p99_ms']:6.2f} ms  nginx {static['nginx_cpu_us']:5.1f} µs/req  {static['encoding']}"
    )
    for row in result["pages"]:
        hits = row["cache_statuses"].get("HIT", 0)
        total = sum(row["cache_statuses"].values()) or 1
        print(
            f"{row['name']:<42} {row['rps']:>7.0f} req/s  p99 {row['p99_ms']:6.2f} ms  "
            f"nginx {row['nginx_cpu_us']:5.1f} µs/req  {row['encoding']:<4} ratio {row['ratio']:.2f} "
            f"(static {row['static_rps']:.0f})  {row['cache']}, {100 * hits / total:.2f} % HIT"
            f"{'' if row['passed'] else '  BELOW TARGET'}"
        )


def main():
    """Start gunicorn on the kkn_proxy database, check and measure through nginx, report."""
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    overrides = {
        "DATABASE_URL": os.environ.get("DATABASE_URL", DATABASE),
        "REDIS_URL": REDIS,
        # Behind one proxy, as deployed.
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
        "AXES_PROXY_COUNT": "1",
    }
    with Gunicorn(port=free_port(), **overrides) as server:
        pages = json.loads(server.manage("shell", "-c", TARGETS).strip().splitlines()[-1])
        count = "from news.models import Article; print(Article.objects.count())"
        articles = int(server.manage("shell", "-c", count).split()[-1])
        static_path = next(path for name, path in pages if name.startswith("static"))
        result = measure_through_proxy(
            server.url, pages, static_path, static_root=server.env["STATIC_ROOT"]
        )
    result["articles_in_database"] = articles
    print_report(result)
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    (out / "proxy.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))
    print(
        f"VERDICT: {'PASS' if result['passed'] else 'FAIL'} – lowest page/static ratio "
        f"{result['min_ratio']:.2f} (target {TARGET_RATIO:.2f}), "
        f"{sum(c['passed'] for c in result['checks'])}/{len(result['checks'])} cache rules hold"
    )
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
