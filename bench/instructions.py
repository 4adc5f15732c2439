"""CPU instructions per request, counted by valgrind's callgrind in process.

``python bench/instructions.py [scenario ...]`` → JSON
``{scenario: {page name: instructions per request}}``. Scenarios:

``hit``        every page of ``targets()`` as a repeat visitor gets it (a cache hit);
``304``        the same with ``If-None-Match`` from the previous answer;
``invented``   every page with a parameter no view reads, new each request;
``unknown``    ``UNKNOWN_VALUES``: a made-up filter value or page, new each request;
``uncached``   every page rendered (run this one with ``PAGE_CACHE=0``).

Method (repeatable to a fraction of a percent, unlike wall-clock figures):
the script re-runs itself under ``valgrind --tool=callgrind
--collect-atstart=no --toggle-collect=sys_call_tracing
--dump-after=sys_call_tracing``. Inside, Django is set up and each page is
requested WARMUP times uncounted (imports, template loading, connection,
caches), then ``sys.call_tracing(loop, …)`` runs REQUESTS more requests.
``sys.call_tracing`` is a CPython C function nothing else calls, so
callgrind counts exactly the instructions executed inside it (the measured
requests, through the real WSGI application and middleware) and writes one
dump per page; per request = the dump's total / REQUESTS. The database and
Redis servers' work is in other processes and not counted; the clients' is.

``BENCH_KEEP=DIR`` keeps the dumps for ``callgrind_annotate --inclusive=yes``:
``DIR/<scenario>.<n>``, n counting the pages from 1 in ``targets()`` order
(``BENCH_PAGES`` narrows them), e.g. ``DIR/uncached.4`` is the article.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import INVENTED_PARAMETER, UNKNOWN_VALUES, call_wsgi, setup_django, targets

WARMUP, REQUESTS = 3, 10
# A worker reads the content version from Redis once a second, which at a
# few hundred requests a second is a share of a request. Under callgrind a
# request takes ~50 times longer, so with the production memo nearly every
# counted request would pay for a read, and whether one does would depend on
# timing. The count holds the memo for the run (BENCH_MEMO_SECONDS=1 to
# count with production's); the README states what one read costs.
MEMO_SECONDS = os.environ.get("BENCH_MEMO_SECONDS", "3600")
SCENARIOS = ("hit", "304", "invented", "unknown", "uncached")
PAGE_NAMES = os.environ.get("BENCH_PAGES", "")
KEEP = os.environ.get("BENCH_KEEP", "")
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


def with_parameter(path, parameter):
    return f"{path}{'&' if '?' in path else '?'}{parameter}"


def requests_for(scenario, pages):
    """``[(name, [(path, headers) for each request])]``: WARMUP + REQUESTS requests per page."""
    count = WARMUP + REQUESTS
    if scenario == "unknown":
        return [
            (name, [(template.format(n=n + 1), BROWSER) for n in range(count)])
            for name, template in UNKNOWN_VALUES
        ]
    plan = []
    for name, path in pages:
        if scenario == "invented" and not name.startswith("static"):
            calls = [
                (with_parameter(path, INVENTED_PARAMETER.format(n=n)), BROWSER)
                for n in range(count)
            ]
        else:
            calls = [(path, BROWSER)] * count
        plan.append((name, calls))
    return plan


def measured_loop(application, calls, revalidate):
    for path, headers in calls:
        if revalidate:
            headers = {**headers, "If-None-Match": call_wsgi.last_headers.get("ETag", "")}
        call_wsgi(application, path, headers)


def inner(plan_file, scenario):
    """Runs under valgrind: warm up, then one counted loop per page."""
    setup_django()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    plan = json.loads(Path(plan_file).read_text())
    statuses = []
    for _name, calls in plan:
        for path, headers in calls[:WARMUP]:
            status = call_wsgi(application, path, headers)
        statuses.append(status)
        sys.call_tracing(measured_loop, (application, calls[WARMUP:], scenario == "304"))
    Path(plan_file).with_suffix(".status").write_text(json.dumps(statuses))


def totals(dump):
    """The instruction count of one callgrind dump."""
    for line in dump.read_text().splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    raise ValueError(f"no totals in {dump}")


def measure(scenario, pages):
    """``{page name: instructions per request}`` for one scenario."""
    plan = requests_for(scenario, pages)
    with tempfile.TemporaryDirectory(prefix="kkn-callgrind-") as tmp:
        plan_file = Path(tmp) / "plan.json"
        plan_file.write_text(json.dumps(plan))
        out = Path(tmp) / "cg.out"
        command = [
            "valgrind", "--tool=callgrind", "--collect-atstart=no",
            "--toggle-collect=sys_call_tracing", "--dump-after=sys_call_tracing",
            f"--callgrind-out-file={out}", sys.executable, __file__, "--inner", str(plan_file),
            scenario,
        ]  # fmt: skip
        # The site logs to stdout (a 404 is a warning): keep it out of the JSON.
        subprocess.run(
            command,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "CONTENT_VERSION_MEMO_SECONDS": MEMO_SECONDS},
        )
        dumps = [Path(f"{out}.{n}") for n in range(1, len(plan) + 1)]
        if KEEP:
            Path(KEEP).mkdir(parents=True, exist_ok=True)
            for n, dump in enumerate(dumps, start=1):
                shutil.copyfile(dump, Path(KEEP) / f"{scenario}.{n}")
        return {name: totals(dump) // REQUESTS for (name, _), dump in zip(plan, dumps, strict=True)}


def main(scenarios):
    setup_django()
    pages = targets()
    if PAGE_NAMES:
        pages = [page for page in pages if page[0] in PAGE_NAMES.split(",")]
    json.dump(
        {scenario: measure(scenario, pages) for scenario in scenarios},
        sys.stdout,
        indent=1,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inner"]:
        inner(sys.argv[2], sys.argv[3])
    else:
        unknown = set(sys.argv[1:]) - set(SCENARIOS)
        if unknown:
            sys.exit(f"unknown scenario(s): {', '.join(sorted(unknown))}; choose from {SCENARIOS}")
        main(sys.argv[1:] or ["hit"])
