"""SQL queries per page, counted in process: ``python bench/queries.py`` → JSON.

Each page is requested through the project's real WSGI application (the
same middleware stack gunicorn runs, not the test client's), inside
``CaptureQueriesContext``. "cold" is the first request after the shared cache
was cleared, so it counts every query a page can cost, cache reads and writes
included (with the default database cache those are SQL queries too);
"warm" is the third request in a row, what most visitors get.
"""

import json
import sys

from common import call_wsgi, setup_django, targets


def count(application, connection, path):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        status = call_wsgi(application, path)
    return status, [query["sql"] for query in captured.captured_queries]


def main():
    setup_django()
    from django.core.cache import cache
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    application = get_wsgi_application()
    results = {}
    for name, path in targets():
        cache.clear()
        status, cold = count(application, connection, path)
        count(application, connection, path)
        _, warm = count(application, connection, path)
        if not status.startswith("200"):
            sys.exit(f"{name} {path} answered {status}")
        results[name] = {"path": path, "cold": len(cold), "warm": len(warm), "sql": cold}
    json.dump(results, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
