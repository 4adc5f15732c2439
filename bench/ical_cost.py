"""CPU instructions per uncached request of the calendar files.

``python bench/ical_cost.py`` → JSON ``{"kalender.ics": n, "<slug>.ics": n}``:
instructions per request of ``/evenemang/kalender.ics`` and of the next
upcoming event's ``.ics``, through the real WSGI application. Run it with the
project's settings in the environment, against a database holding
``bench/generate.py``'s volume, e.g.::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kkn_ical DEBUG=0 HTTPS=0 \\
    ALLOWED_HOSTS=127.0.0.1 SECRET_KEY=… SITE_URL=http://127.0.0.1:8765 \\
    REDIS_URL=redis://127.0.0.1:6379/14 python bench/ical_cost.py

``PAGE_CACHE`` is forced to 0, so every request builds its file (with the
cache on, a request would only copy a stored body). The method is
``bench/instructions.py``'s: callgrind counts only what runs inside
``sys.call_tracing``, after warm-up requests that load code, templates, the
connection and the per-process VTIMEZONE and description texts.
``--cold`` forgets the description texts (``events.icaltext.html_text``)
before each counted request, as for the first file a process builds.
``--keep DIR`` keeps the callgrind dumps (``DIR/cg.out.1`` is kalender.ics)
for ``callgrind_annotate --inclusive=yes DIR/cg.out.1``.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import call_wsgi, setup_django
from instructions import REQUESTS, WARMUP, measured_loop, totals

# The point is the cost of building the file; a cached body would hide it.
os.environ["PAGE_CACHE"] = "0"


def pages():
    """[(name, path)]: the feed, and the next upcoming event's file."""
    from django.urls import reverse

    from events.models import Event

    event = Event.objects.published().upcoming().first()
    return [
        ("kalender.ics", reverse("events:calendar")),
        (f"{event.slug}.ics", reverse("events:ics", kwargs={"slug": event.slug})),
    ]


def cold_loop(application, path, n):
    """``measured_loop`` with no description text remembered at each request."""
    from events.icaltext import html_text

    for _ in range(n):
        html_text.cache_clear()
        call_wsgi(application, path)


def inner(pages_file, cold):
    """Runs under valgrind: warm up, then one counted loop per page."""
    setup_django()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    for _, path in json.loads(Path(pages_file).read_text()):
        for _ in range(WARMUP):
            status = call_wsgi(application, path)
        if not status.startswith("200"):
            sys.exit(f"{path}: {status}")
        loop = cold_loop if cold else measured_loop
        sys.call_tracing(loop, (application, path, REQUESTS))


def measure(directory, cold):
    """Run the counted requests under callgrind in ``directory``; {name: per request}."""
    setup_django()
    measured = pages()
    pages_file = Path(directory) / "pages.json"
    pages_file.write_text(json.dumps(measured))
    out = Path(directory) / "cg.out"
    command = [
        "valgrind", "--tool=callgrind", "--collect-atstart=no",
        "--toggle-collect=sys_call_tracing", "--dump-after=sys_call_tracing",
        f"--callgrind-out-file={out}", f"--log-file={directory}/valgrind.log",
        sys.executable, __file__, "--inner", str(pages_file), *(["--cold"] if cold else []),
    ]  # fmt: skip
    # Valgrind's chatter goes to its log; the script's own errors still show.
    subprocess.run(command, check=True)
    return {
        name: totals(Path(f"{out}.{n}")) // REQUESTS
        for n, (name, _) in enumerate(measured, start=1)
    }


def main():
    """Measure (or, with --inner, be the measured process) and print the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="keep the callgrind dumps in DIR")
    parser.add_argument("--cold", action="store_true", help="forget description texts first")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.inner, args.cold)
    elif args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        json.dump(measure(args.keep, args.cold), sys.stdout, indent=1)
    else:
        with tempfile.TemporaryDirectory(prefix="kkn-ical-") as tmp:
            json.dump(measure(tmp, args.cold), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
