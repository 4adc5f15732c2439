"""HEAD (issue 16, item 8): every route answers with GET's headers and an empty body.

Called through the WSGI application itself, as gunicorn calls it: the test
client would drop a HEAD body on its own and hide the defect.
"""

import io

import pytest

from kkn_portal.wsgi import application
from tests.events.factories import local, make_event
from tests.news.factories import make_article
from tests.registration.helpers import make_registrable

pytestmark = pytest.mark.django_db

ROUTES = [
    "/",
    "/nyheter/",
    "/nyheter/kkn/",
    "/evenemang/",
    "/evenemang/kalender.ics",
    "/nyheter/rss/",
    "/sok/?q=kultur",
    "/sitemap.xml",
    "/robots.txt",
    "/.well-known/security.txt",
    "/cookies/",
    "/healthz",
    "/finns-inte/",
    "/admin/login/",
    "/static/css/site.css",
    "/kommentera/",  # POST only: 405
    "/kommentera/hjalpte/",  # POST only: 405
    "/evenemang/anmal-dig/",  # an event page with the registration form
    "/evenemang/anmal-dig/anmalan/",  # GET and HEAD: 303 to the form on the event page
    "/evenemang/anmal-dig/anmalan/avboka/fel/",  # a bad cancel link: 400
    "/kommentera/utmaning/",
]


def call(method, route):
    """Run one request through the WSGI application; return (status, headers, body bytes)."""
    path, _, query = route.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "192.0.2.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    started = []
    result = application(
        environ, lambda status, headers, exc=None: started.append((status, headers))
    )
    try:
        body = b"".join(result)
    finally:
        result.close()
    status, headers = started[0]
    return int(status.split()[0]), dict(headers), body


@pytest.fixture(autouse=True)
def content():
    """An article and an event, so lists, feeds and the article page have something to show."""
    make_article(slug="kkn", title="KKN i Norrbotten")
    make_event(start=local(2031, 5, 31, 9), end=local(2031, 6, 1, 15))
    make_registrable(slug="anmal-dig")


@pytest.mark.parametrize("route", ROUTES)
def test_head_has_no_body_and_keeps_get_headers(route):
    """Empty body; the status, type and Content-Length GET gives (uncached and cached)."""
    get_status, get_headers, get_body = call("GET", route)
    for _ in range(2):  # the first HEAD may render, the second is a page-cache hit
        status, headers, body = call("HEAD", route)
        assert body == b""
        assert status == get_status
        assert headers["Content-Type"] == get_headers["Content-Type"]
        assert "Content-Length" in headers


@pytest.mark.parametrize("route", ["/healthz", "/robots.txt", "/nyheter/", "/static/css/site.css"])
def test_head_content_length_is_the_length_of_get(route):
    """Where GET gives the same bytes each time, HEAD names exactly their length."""
    _status, _headers, get_body = call("GET", route)
    _status, headers, _body = call("HEAD", route)
    assert int(headers["Content-Length"]) == len(get_body)


def test_head_of_a_refusal_has_no_body_either(settings):
    """Answers made before the views (maintenance, refusals) lose their body too."""
    settings.MAINTENANCE_MODE = True
    status, headers, body = call("HEAD", "/")
    assert status == 503
    assert body == b"" and int(headers["Content-Length"]) > 0
