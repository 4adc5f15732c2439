"""The production setup end to end: gunicorn.conf.py, whitenoise, HTTPS, outage.

One gunicorn process serves a temporary production deployment (see the
``production_site`` fixture); requests go over real HTTP on the loopback.
"""

import json
import re
import shlex
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from .conftest import BASE_DIR, PRODUCTION_HOST, free_port


def cache_max_age(cache_control):
    """The max-age of a Cache-Control header, in seconds."""
    return int(re.search(r"max-age=(\d+)", cache_control).group(1))


def hashed_name(site, name):
    """The hashed file name collectstatic gave ``name``, from its manifest."""
    manifest = json.loads((Path(site.env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    return manifest["paths"][name]


def set_cookies(headers):
    """Every Set-Cookie header of a response, parsed."""
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return jar


def test_home_page_is_served(production_site):
    """gunicorn answers / with 200 and the production security headers."""
    status, headers, body = production_site.request("/")
    assert status == 200, body[:2000]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert b'<html lang="sv">' in body


def test_plain_http_is_redirected_to_https(production_site):
    """Without the proxy's HTTPS marker, pages redirect permanently to https."""
    status, headers, _ = production_site.request("/", https=False)
    assert status == 301
    assert headers["Location"] == f"https://{PRODUCTION_HOST}/"


def test_healthz_over_plain_http_without_cookie(production_site):
    """The load balancer probes over plain HTTP: no redirect, 200 JSON, no cookie."""
    status, headers, body = production_site.request("/healthz", https=False)
    assert status == 200
    assert json.loads(body) == {"status": "ok", "database": "up", "cache": "up"}
    assert headers.get("Set-Cookie") is None


def test_pages_link_the_hashed_static_files(production_site):
    """Pages name their stylesheets by their hashed names (kkn_portal.staticfiles)."""
    for path in ("/nyheter/", "/evenemang/", "/sok/"):
        status, _, body = production_site.request(path)
        assert status == 200
        for name in ("css/site.css", "bootstrap/css/bootstrap.min.css"):
            assert f'href="/static/{hashed_name(production_site, name)}"'.encode() in body


def test_hashed_static_file_is_cached_forever(production_site):
    """Hashed, compressed static files get far-future, immutable caching."""
    name = hashed_name(production_site, "css/site.css")
    assert name != "css/site.css"
    status, headers, _ = production_site.request(
        f"/static/{name}", headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200
    cache_control = headers["Cache-Control"]
    assert cache_max_age(cache_control) >= 31536000
    assert "public" in cache_control
    assert "immutable" in cache_control
    assert headers["Content-Encoding"] == "gzip"
    assert headers["X-Content-Type-Options"] == "nosniff"  # security headers cover static


def test_unhashed_static_file_is_cached_briefly(production_site):
    """A file requested by its plain name may change, so it is cached only briefly."""
    status, headers, _ = production_site.request("/static/css/site.css")
    assert status == 200
    assert cache_max_age(headers["Cache-Control"]) <= 300
    assert "immutable" not in headers["Cache-Control"]


def test_pages_link_hashed_static_files(production_site):
    """Templates use the hashed names, so browsers may cache them for good."""
    _, _, body = production_site.request("/")
    name = hashed_name(production_site, "bootstrap/css/bootstrap.min.css")
    assert f'href="/static/{name}"'.encode() in body


def test_unknown_host_is_400_and_not_logged(production_site):
    """An unknown Host gets the 400 page; nothing about it reaches the logs."""
    status, _, body = production_site.request("/", headers={"Host": "evil.example"})
    assert status == 400
    assert "Felaktig förfrågan".encode() in body
    log = production_site.wait_for_log('"GET / HTTP/1.1" 400')
    assert "evil.example" not in log.replace('"GET / HTTP/1.1" 400', "")
    assert "Invalid HTTP_HOST" not in log
    assert "Traceback" not in log


def test_two_megabyte_body_is_refused(production_site):
    """A 2 MB POST gets 413 from its Content-Length, never a 500."""
    # A same-origin form post with a CSRF cookie, so Django reads the body.
    status, _, _ = production_site.request(
        "/",
        method="POST",
        data=b"text=" + b"a" * (2 * 1024 * 1024),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://{PRODUCTION_HOST}",
            "Cookie": "__Host-csrftoken=" + "a" * 32,
        },
    )
    assert status == 413


def test_cookies_are_host_prefixed_and_secure(production_site):
    """Real Set-Cookie headers: __Host- names, Secure, Path=/, no Domain (C4.4)."""
    status, headers, _ = production_site.request("/admin/login/")
    assert status == 200
    cookie = set_cookies(headers)["__Host-csrftoken"]
    assert cookie["secure"]
    assert cookie["path"] == "/"
    assert not cookie["domain"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"]  # a session cookie, gone when the browser closes


def test_access_log_goes_to_stdout_without_client_ip(production_site):
    """gunicorn logs each request, without the client's address or query string."""
    production_site.request("/robots.txt?secret-search-term")
    log = production_site.wait_for_log("/robots.txt")
    lines = [line for line in log.splitlines() if "/robots.txt" in line]
    assert lines
    assert "127.0.0.1" not in lines[-1]
    assert "secret-search-term" not in lines[-1]


@pytest.mark.parametrize("path", ["/tillganglighet/", "/nyheter/", "/admin/login/"])
def test_database_outage_gives_static_503(broken_database_site, path):
    """With the database unreachable, pages that need it answer the static 503."""
    status, headers, body = broken_database_site.request(path)
    assert status == 503
    assert int(headers["Retry-After"]) > 0
    assert headers.get("Set-Cookie") is None
    assert "tillfälligt otillgänglig".encode() in body


def test_healthz_reports_outage(broken_database_site):
    """/healthz says 503 when the database cannot be reached."""
    status, _, body = broken_database_site.request("/healthz", https=False)
    assert status == 503
    assert json.loads(body)["database"] == "down"


def dockerfile_healthcheck():
    """The shell command of the Dockerfile's HEALTHCHECK."""
    text = (BASE_DIR / "Dockerfile").read_text().replace("\\\n", " ")
    command = re.search(r"^HEALTHCHECK .*? CMD (.+)$", text, re.MULTILINE).group(1)
    return command.strip()


def run_healthcheck(site, **env):
    """Run the HEALTHCHECK command as Docker would, inside the container's env."""
    command = dockerfile_healthcheck().replace("python ", f"{shlex.quote(sys.executable)} ", 1)
    return subprocess.run(  # noqa: S603 - the Dockerfile's own command
        ["/bin/sh", "-c", command],  # noqa: S607
        env={**site.env, **env},
        capture_output=True,
        timeout=30,
    )


def test_docker_healthcheck_passes_on_a_healthy_container(production_site):
    """The HEALTHCHECK exits 0 against a healthy app (Host from ALLOWED_HOSTS)."""
    assert run_healthcheck(production_site).returncode == 0


def test_docker_healthcheck_fails_during_an_outage(broken_database_site):
    """The HEALTHCHECK exits non-zero when /healthz says 503."""
    assert run_healthcheck(broken_database_site).returncode != 0


def test_docker_healthcheck_fails_when_nothing_listens(production_site):
    """The HEALTHCHECK exits non-zero when gunicorn is not answering."""
    assert run_healthcheck(production_site, PORT=str(free_port())).returncode != 0
