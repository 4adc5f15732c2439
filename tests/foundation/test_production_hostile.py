"""Hostile requests against the production setup on a real gunicorn (issue 16).

The same gunicorn process as ``test_production.py`` (the ``production_site``
fixture); requests go over a raw socket on the loopback, so the test decides
exactly how much of a body is ever sent.
"""

import socket
import time

import pytest

from .conftest import PRODUCTION_HOST

MB = 1024 * 1024


def send_head_of_upload(site, path, declared, sent=64 * 1024, content_type=None):
    """Send the headers of a ``declared``-byte upload and only ``sent`` bytes of it.

    Returns ``(first line of the answer, seconds until it came)``; an app that
    waited for the whole body would never answer before the timeout.
    """
    content_type = content_type or "multipart/form-data; boundary=BoUnDaRy"
    head = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: {PRODUCTION_HOST}\r\n"
        "X-Forwarded-Proto: https\r\n"
        f"Origin: https://{PRODUCTION_HOST}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    ).encode()
    part = b'--BoUnDaRy\r\nContent-Disposition: form-data; name="fil"; filename="a.bin"\r\n\r\n'
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", site.port), timeout=10) as sock:
        sock.sendall(head + part + b"x" * (sent - len(part)))
        try:
            answer = sock.recv(4096)
        except TimeoutError:
            answer = b"(no answer)"
    return answer.split(b"\r\n", 1)[0].decode(), time.monotonic() - started


@pytest.mark.parametrize("size", [2 * MB, 50 * MB], ids=["2MB", "50MB"])
@pytest.mark.parametrize("path", ["/kommentera/", "/cookies/godkann-alla/"])
def test_upload_is_refused_before_the_body_arrives(production_site, path, size):
    """gunicorn answers 413 while most of the body has not even been sent."""
    first_line, seconds = send_head_of_upload(production_site, path, size)
    assert first_line == "HTTP/1.1 413 Request Entity Too Large"
    assert seconds < 5


@pytest.mark.parametrize("path", ["/healthz", "/", "/nyheter/", "/finns-inte/", "/robots.txt"])
def test_head_probe_leaves_no_warning_in_gunicorn_log(production_site, path):
    """An uptime probe's HEAD gets headers only, and gunicorn has nothing to complain about."""
    status, headers, body = production_site.request(path, method="HEAD")
    assert status in (200, 404)
    assert body == b""
    assert int(headers["Content-Length"]) > 0
    log = production_site.wait_for_log(f'"HEAD {path} HTTP/1.1"')
    assert "no-body response" not in log
