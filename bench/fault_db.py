"""Fault test: PostgreSQL stops for 10 s during a read load.

``python bench/fault_db.py`` (root, Debian's postgresql-common). Stopping
the shared cluster would break anyone else using it, so the test creates (once)
and uses its own cluster ``kkn_fault`` on 127.0.0.1:5439 with a database of
the same name, migrated and seeded. gunicorn (2 workers, production
settings) serves from it while 8 client threads read four pages in a loop.
Timeline: 5 s normal, ``pg_ctlcluster … stop -m fast``, 10 s outage,
``pg_ctlcluster … start``, 15 s more. Bounded: 8 clients, about 35 s.
Requests are grouped by when they ran: before the stop, during the outage
(until the start command), recovering (until 5 s after the database accepts
connections again) and after.

Verdict: PASS when no response is a 500 (or any 5xx but 503), every 503
carries ``Retry-After``, the outage was seen (at least one 503), no request
was lost (no timeout or refused connection), and from 5 s after the
database is back every answer is 200 again.
"""

import subprocess
import sys
import threading
import time
from collections import Counter

from server import Gunicorn, get

VERSION_CMD = "pg_lsclusters -h | awk '{print $1}' | sort -V | tail -1"
CLUSTER, PORT = "kkn_fault", 5439
PAGES = ["/", "/nyheter/", "/evenemang/", "/tillganglighet/"]
CLIENTS, BEFORE_S, OUTAGE_S, AFTER_S, RECOVERY_S = 8, 5, 10, 15, 5


def cluster(action, version, check=True):
    """``pg_ctlcluster`` start or stop (fast: connections are cut, as in a crash)."""
    mode = ["-m", "fast"] if action == "stop" else []
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, action, *mode],
        check=check,
        stderr=None if check else subprocess.DEVNULL,
    )


def wait_ready(timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PORT)]).returncode == 0:
            return time.monotonic()
        time.sleep(0.2)
    raise RuntimeError("the kkn_fault cluster did not come up")


def ensure_cluster():
    """Create the private cluster once (trust auth on loopback), start it."""
    version = subprocess.run(VERSION_CMD, shell=True, capture_output=True, text=True).stdout.strip()  # noqa: S602
    listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if not any(line.split()[1:2] == [CLUSTER] for line in listed.splitlines()):
        subprocess.run(
            ["pg_createcluster", version, CLUSTER, "-p", str(PORT), "--",
             "--auth-host=trust", "--auth-local=trust"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PORT)]).returncode != 0:
        cluster("start", version)
        wait_ready()
    return version


def reader(url, stop, log):
    n = 0
    while not stop.is_set():
        path = PAGES[n % len(PAGES)]
        n += 1
        started = time.monotonic()
        try:
            status, headers, _ = get(url + path, timeout=10)
            log.append((started, time.monotonic(), status, headers.get("Retry-After"), path))
        except OSError as exc:
            log.append((started, time.monotonic(), f"lost: {exc}", None, path))


def main():
    version = ensure_cluster()
    log, stop = [], threading.Event()
    database = f"postgres://postgres@127.0.0.1:{PORT}/{CLUSTER}"
    try:
        with Gunicorn(port=8769, DATABASE_URL=database) as server:
            threads = [
                threading.Thread(target=reader, args=(server.url, stop, log))
                for _ in range(CLIENTS)
            ]
            for thread in threads:
                thread.start()
            time.sleep(BEFORE_S)
            cluster("stop", version)
            down = time.monotonic()
            time.sleep(OUTAGE_S)
            restarting = time.monotonic()
            cluster("start", version)
            up = wait_ready()
            time.sleep(AFTER_S)
            stop.set()
            for thread in threads:
                thread.join(timeout=15)
    finally:
        stop.set()
        # The private cluster is not needed between runs (pg_dropcluster removes it).
        cluster("stop", version, check=False)

    phases = {"before": [], "outage": [], "recovering": [], "after": []}
    for started, ended, status, retry_after, path in log:
        if started < down:
            phase = "before"
        elif ended <= restarting:
            phase = "outage"
        elif started < up + RECOVERY_S:
            phase = "recovering"
        else:
            phase = "after"
        phases[phase].append((status, retry_after, path))
    for phase, answers in phases.items():
        counts = Counter(f"{status} {path}" for status, _, path in answers)
        print(f"  {phase:<11} " + ", ".join(f"{key}: {n}" for key, n in sorted(counts.items())))
    everything = [answer[:2] for answers in phases.values() for answer in answers]
    lost = [status for status, _ in everything if isinstance(status, str)]
    bad_5xx = [s for s, _ in everything if isinstance(s, int) and s >= 500 and s != 503]
    no_retry_after = [s for s, r in everything if s == 503 and not r]
    saw_outage = any(status == 503 for status, _, _ in phases["outage"])
    not_healed = [s for s, _, _ in phases["after"] if s != 200]
    recovered = [t for t, _, s, _, _ in sorted(log) if t >= up and s == 200]
    print(
        f"first 200 after the database returned: {recovered[0] - up:.2f} s"
        if recovered
        else "no 200 after return"
    )
    passed = saw_outage and not (lost or bad_5xx or no_retry_after or not_healed)
    print(
        f"VERDICT: {'PASS' if passed else 'FAIL'} – {len(everything)} requests; "
        f"outage seen: {saw_outage}; 5xx other than 503: {len(bad_5xx)}; "
        f"503 without Retry-After: {len(no_retry_after)}; lost: {len(lost)}; "
        f"non-200 from {RECOVERY_S} s after return: {len(not_healed)}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
