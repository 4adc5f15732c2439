"""CPU instructions per request, counted by valgrind's callgrind in process.

``python bench/instructions.py`` → JSON ``{name: instructions per request}``.

Method (repeatable to a fraction of a percent, unlike wall-clock figures):
the script re-runs itself under ``valgrind --tool=callgrind
--collect-atstart=no --toggle-collect=sys_call_tracing
--dump-after=sys_call_tracing``. Inside, Django is set up and each page is
requested WARMUP times uncounted (imports, template loading, connection,
caches), then ``sys.call_tracing(loop, …)`` runs REQUESTS more requests.
``sys.call_tracing`` is a CPython C function nothing else calls, so
callgrind counts exactly the instructions executed inside it (the measured
requests, through the real WSGI application and middleware) and writes one
dump per page; per request = the dump's total / REQUESTS. The database
server's work is in another process and not counted; psycopg2's is.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import call_wsgi, setup_django, targets

WARMUP, REQUESTS = 3, 10
PAGE_NAMES = os.environ.get("BENCH_PAGES", "")


def measured_loop(application, path, n):
    for _ in range(n):
        call_wsgi(application, path)


def inner(pages_file):
    """Runs under valgrind: warm up, then one counted call per page."""
    setup_django()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    pages = json.loads(Path(pages_file).read_text())
    statuses = []
    for _, path in pages:
        for _ in range(WARMUP):
            status = call_wsgi(application, path)
        statuses.append(status)
        # Measured even when not 200, so dump n stays page n; the driver drops it.
        sys.call_tracing(measured_loop, (application, path, REQUESTS))
    Path(pages_file).with_suffix(".status").write_text(json.dumps(statuses))


def totals(dump):
    """The instruction count of one callgrind dump."""
    for line in dump.read_text().splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    raise ValueError(f"no totals in {dump}")


def main():
    setup_django()
    pages = targets()
    if PAGE_NAMES:
        pages = [page for page in pages if page[0] in PAGE_NAMES.split(",")]
    with tempfile.TemporaryDirectory(prefix="kkn-callgrind-") as tmp:
        pages_file = Path(tmp) / "pages.json"
        pages_file.write_text(json.dumps(pages))
        out = Path(tmp) / "cg.out"
        command = [
            "valgrind", "--tool=callgrind", "--collect-atstart=no",
            "--toggle-collect=sys_call_tracing", "--dump-after=sys_call_tracing",
            f"--callgrind-out-file={out}", sys.executable, __file__, "--inner", str(pages_file),
        ]  # fmt: skip
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        dumps = [Path(f"{out}.{n}") for n in range(1, len(pages) + 1)]
        result = {
            name: totals(dump) // REQUESTS for (name, _), dump in zip(pages, dumps, strict=True)
        }
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inner"]:
        inner(sys.argv[2])
    else:
        main()
