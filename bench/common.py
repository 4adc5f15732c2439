"""What the benchmark scripts share: Django setup, the pages measured, a WSGI call.

The pages are the stable public URLs of DESIGN.md plus one article and one
event picked the same way every run (the newest published article, the next
upcoming event), and the hashed site.css as the static baseline.
"""

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def setup_django():
    """Import the project with whatever settings the environment names."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kkn_portal.settings")
    import django

    django.setup()


def targets():
    """[(name, path)] in the order the table shows them; needs Django set up.

    The first is the static baseline; the rest are the cached public pages.
    """
    from django.templatetags.static import static

    from events.models import Event
    from news.models import Article

    article = Article.objects.published().first()
    event = Event.objects.published().upcoming().first()
    return [
        ("static site.css", static("css/site.css")),
        ("start /", "/"),
        ("news list", "/nyheter/"),
        ("article", article.get_absolute_url()),
        ("events list", "/evenemang/"),
        ("event", event.get_absolute_url()),
        ("calendar .ics", "/evenemang/kalender.ics"),
        ("search kultur", "/sok/?q=kultur"),
        ("news RSS", "/nyheter/rss/"),
    ]


def wsgi_environ(path, port=8000, headers=None):
    """The environ gunicorn would pass for a plain browser GET of ``path``.

    ``headers`` adds or replaces request headers, e.g. ``{"If-None-Match": …}``.
    """
    path_info, _, query = path.partition("?")
    extra = {
        "HTTP_" + name.upper().replace("-", "_"): value for name, value in (headers or {}).items()
    }
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": HOST,
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": f"{HOST}:{port}",
        "HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "HTTP_ACCEPT_LANGUAGE": "sv-SE,sv;q=0.9",
        "HTTP_USER_AGENT": "kkn-bench",
        "REMOTE_ADDR": HOST,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **extra,
    }


def call_wsgi(application, path, headers=None):
    """One full request through the WSGI application; returns the status line.

    The response headers are left in ``call_wsgi.last_headers`` (a dict).
    """
    status = []

    def start_response(line, response_headers, exc_info=None):
        status.append(line)
        call_wsgi.last_headers = dict(response_headers)

    body = application(wsgi_environ(path, headers=headers), start_response)
    try:
        for _ in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    return status[0]


# Addresses a visitor can invent, ``{n}`` a different number each request so
# none is a repeat: each must cost no more than validating it (issue 11).
UNKNOWN_VALUES = [
    ("unknown branch", "/nyheter/?bransch=bench-{n}"),
    ("news page beyond last", "/nyheter/?page={n}00000"),
    ("unknown event kind", "/evenemang/?typ=bench{n}"),
    ("month without events", "/evenemang/?manad={n:04d}-01"),
    ("search page beyond last", "/sok/?q=kultur&page={n}00000"),
]
# Appended to every cached page: parameters no view reads.
INVENTED_PARAMETER = "utm_source=bench{n}"
